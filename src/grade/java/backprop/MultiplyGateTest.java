package backprop;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/** Book exercise 2 of the training chapter: ∂L/∂o = 5, x1 = 2, x2 = 3 gives ∂L/∂x1 = 15, ∂L/∂x2 = 10. */
@Exercise(id = "01.2", title = "multiply gate backward")
class MultiplyGateTest {

    private static final String REREAD = "Aggarwal ch. 3, Table 3.1 (multiplication gate: each input receives "
            + "the upstream derivative times the other input)";

    @Test
    @Points(3)
    void bookExercise() {
        // Hand calculation: 5·3 = 15 and 5·2 = 10.
        allClose("{∂L/∂x1, ∂L/∂x2}", "∂L/∂o = 5, x1 = 2, x2 = 3", new double[]{15, 10},
                MultiplyGate.backward(5, 2, 3), 1e-12, REREAD);
    }

    @Test
    @Points(2)
    void agreesWithFiniteDifferences() {
        // L = upstream·o, so ∂L/∂xi is upstream times the central difference of forward in xi.
        double upstream = -1.5;
        double x1 = 0.7;
        double x2 = -2.3;
        double h = 1e-6;
        double d1 = upstream * (MultiplyGate.forward(x1 + h, x2) - MultiplyGate.forward(x1 - h, x2)) / (2 * h);
        double d2 = upstream * (MultiplyGate.forward(x1, x2 + h) - MultiplyGate.forward(x1, x2 - h)) / (2 * h);
        double[] got = MultiplyGate.backward(upstream, x1, x2);
        String input = "∂L/∂o = -1.5, x1 = 0.7, x2 = -2.3 (compared with central differences, h = 1e-6)";
        allClose("{∂L/∂x1, ∂L/∂x2}", input, new double[]{d1, d2}, got, 1e-6, REREAD);
        close("∂L/∂x1", input, upstream * x2, got[0], 1e-12, REREAD);
    }
}
