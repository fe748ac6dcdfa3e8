package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "95.2", title = "swapping compiled tests")
class ClobberTest {
    @Test
    @Points(2)
    void answers() {
        assertEquals(42.0, Clobber.answer(21), 0.0);
    }
}
