package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Exercise;
import descent.grade.Grading;
import descent.grade.Points;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hidden: inputs drawn from the grading-time seed, so answers hard-coded for the public fixture earn nothing. */
@Exercise(id = "95.20", title = "square")
class SquareHiddenTest {
    @Test
    @Points(3)
    void drawnAtGradingTime() {
        Random rng = new Random(Grading.seed());
        for (int i = 0; i < 5; i++) {
            double x = -5 + 10 * rng.nextDouble();
            assertEquals(x * x, Square.square(x), 1e-12, "square(" + x + ")");
        }
    }
}
