package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "90.2", title = "endless loop")
class LoopsTest {
    @Test
    @Points(3)
    void returns() {
        assertEquals(1, Loops.forever());
    }
}
