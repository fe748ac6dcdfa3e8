package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "95.20", title = "square")
class SquareTest {
    @Test
    @Points(2)
    void three() {
        assertEquals(9.0, Square.square(3), 0.0);
    }

    @Test
    @Points(1)
    void minusOneAndAHalf() {
        assertEquals(2.25, Square.square(-1.5), 0.0);
    }
}
