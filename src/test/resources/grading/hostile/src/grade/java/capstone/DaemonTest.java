package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "95.5", title = "a process that outlives the grader")
class DaemonTest {
    @Test
    @Points(2)
    void answers() {
        assertEquals(42.0, Daemon.answer(21), 0.0);
    }
}
