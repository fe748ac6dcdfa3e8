package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "91.2", title = "cube")
class CubeTest {
    @Test
    @Points(3)
    void cubes() {
        assertEquals(-8, Cube.of(-2));
    }
}
