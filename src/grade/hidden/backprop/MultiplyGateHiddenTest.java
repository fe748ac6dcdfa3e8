package backprop;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;

import descent.grade.Exercise;
import descent.grade.Grading;
import descent.grade.Points;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hidden test of exercise 01.2 (not in the student release; run in hardened grading): the inputs are drawn from the
 * grading-time seed, so answers hard-coded for the public tests' inputs earn nothing here. The expected gradient is
 * the central difference of o = x1·x2 computed here, exact up to rounding for a bilinear function.
 */
@Exercise(id = "01.2", title = "multiply gate backward")
class MultiplyGateHiddenTest {

    private static final String REREAD = "Aggarwal ch. 3, Table 3.1 (multiplication gate: each input's gradient is the "
            + "upstream gradient times the OTHER input)";

    @Test
    @Points(2)
    void drawnAtGradingTime() {
        Random rng = new Random(Grading.seed());
        for (int k = 0; k < 5; k++) {
            double up = -3 + 6 * rng.nextDouble();
            double x1 = -4 + 8 * rng.nextDouble();
            double x2 = -4 + 8 * rng.nextDouble();
            double h = 1e-3;
            double[] expected = {up * ((x1 + h) * x2 - (x1 - h) * x2) / (2 * h),
                up * (x1 * (x2 + h) - x1 * (x2 - h)) / (2 * h)};
            String input = "∂L/∂o = " + up + ", x1 = " + x1 + ", x2 = " + x2;
            allClose("{∂L/∂x1, ∂L/∂x2}", input, expected, MultiplyGate.backward(up, x1, x2), 1e-9, REREAD);
            close("o = x1·x2", input, x1 * x2, MultiplyGate.forward(x1, x2), 1e-12, REREAD);
        }
    }
}
