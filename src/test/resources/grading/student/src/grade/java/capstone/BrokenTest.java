package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "90.9", title = "does not compile")
class BrokenTest {
    @Test
    @Points(5)
    void one() {
        assertEquals(1, Broken.one());
    }
}
