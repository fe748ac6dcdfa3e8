package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "90.4", title = "exits")
class ExitsTest {
    @Test
    @Points(4)
    void answers() {
        assertEquals(42, Exits.answer());
    }

    @Test
    @Points(1)
    void stillCounts() {
        assertEquals(4, 2 + 2);
    }
}
