package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "90.10", title = "forger")
class ForgerTest {
    @Test
    @Points(3)
    void forged() {
        assertEquals(42, Forger.answer());
    }
}
