package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "90.5", title = "halts")
class HaltsTest {
    @Test
    @Points(1)
    void answers() {
        assertEquals(42, Halts.answer());
    }
}
