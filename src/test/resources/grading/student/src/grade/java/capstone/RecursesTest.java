package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "90.6", title = "recurses")
class RecursesTest {
    @Test
    @Points(1)
    void depth() {
        assertEquals(1, Recurses.depth(0));
    }
}
