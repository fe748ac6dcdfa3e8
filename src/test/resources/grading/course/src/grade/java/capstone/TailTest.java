package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "91.4", title = "region in the middle")
class TailTest {
    @Test
    @Points(1)
    void addsOne() {
        assertEquals(3, Tail.plusOne(2));
    }
}
