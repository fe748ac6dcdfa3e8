package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "95.10", title = "shadowing trusted classes")
class ShadowedTest {
    @Test
    @Points(2)
    void answers() {
        assertEquals(42.0, Shadowed.answer(21), 0.0);
    }
}
