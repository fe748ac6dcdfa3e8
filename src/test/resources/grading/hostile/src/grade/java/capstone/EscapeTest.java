package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "95.11", title = "terminal escape sequences")
class EscapeTest {
    @Test
    @Points(2)
    void answers() {
        assertEquals(42.0, Escape.answer(21), 0.0);
    }
}
