package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "95.6", title = "writing outside the working directory")
class OutsideTest {
    @Test
    @Points(2)
    void answers() {
        assertEquals(42.0, Outside.answer(21), 0.0);
    }
}
