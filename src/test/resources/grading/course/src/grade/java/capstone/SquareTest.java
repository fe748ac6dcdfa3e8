package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "91.1", title = "square")
class SquareTest {
    @Test
    @Points(2)
    void good() {
        assertEquals(9, Square.of(3));
    }

    /** Defect: never calls the exercise, so it passes on the stub. */
    @Test
    @Points(1)
    void weak() {
        assertEquals(4, 2 * 2);
    }

    /** Defect: wrong expected value, so it fails on the solution. */
    @Test
    @Points(1)
    void wrong() {
        assertEquals(10, Square.of(3));
    }

    /** Defect: no @Points. */
    @Test
    void unpointed() {
        assertEquals(4, Square.of(2));
    }
}
