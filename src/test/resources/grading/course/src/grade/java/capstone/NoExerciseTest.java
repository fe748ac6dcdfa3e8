package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Points;
import org.junit.jupiter.api.Test;

/** Defect: no @Exercise on the class. */
class NoExerciseTest {
    @Test
    @Points(1)
    void cubes() {
        assertEquals(1, Cube.of(1));
    }
}
