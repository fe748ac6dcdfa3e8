package backprop;

import static descent.grade.GradedAssert.close;

import descent.grade.Exercise;
import descent.grade.Points;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

/** Book exercise 1: ∂x_{t+2}/∂x_t for the recurrence x_{t+1} = f(x_t, y_t), y_{t+1} = g(x_t, y_t). */
@Exercise(id = "01.1", title = "two-step recurrence derivative")
class RecurrenceTest {

    private static final String REREAD = "Aggarwal ch. 3, eq. 3.3 (multivariable chain rule) and Lemma 3.2.1: "
            + "x_t reaches x_{t+2} along two paths, through x_{t+1} and through y_{t+1}";

    @Test
    @Points(5)
    void productAndSum() {
        // f = xy, g = x + y: x_{t+2} = x²y + xy², so ∂/∂x = 2xy + y² = −1.61 at (1.5, −0.7) (hand calculation).
        double got = Recurrence.dx2dx0((x, y) -> x * y, Double::sum, (x, y) -> y, (x, y) -> x, (x, y) -> 1,
                1.5, -0.7);
        close("∂x_{t+2}/∂x_t", "f = xy, g = x + y at (x_t, y_t) = (1.5, −0.7)", -1.61, got, 1e-12, REREAD);
    }

    @Test
    @Points(3)
    void sineAndProduct() {
        // f = sin x + y, g = xy: x_{t+1} = sin x + y, y_{t+1} = xy, x_{t+2} = sin(x_{t+1}) + y_{t+1};
        // by hand ∂x_{t+2}/∂x_t = cos(x_{t+1})·cos x + y.
        double x = 0.3;
        double y = 0.8;
        double expected = Math.cos(Math.sin(x) + y) * Math.cos(x) + y;
        double got = Recurrence.dx2dx0((a, b) -> Math.sin(a) + b, (a, b) -> a * b, (a, b) -> Math.cos(a),
                (a, b) -> 1, (a, b) -> b, x, y);
        close("∂x_{t+2}/∂x_t", "f = sin x + y, g = xy at (0.3, 0.8)", expected, got, 1e-12, REREAD);
    }

    @Test
    @Points(2)
    void agreesWithFiniteDifferencesOfTheComposedMap() {
        DoubleBinaryOperator f = (a, b) -> a * a - b;
        DoubleBinaryOperator g = (a, b) -> Math.exp(0.3 * a) * b;
        double x = -0.4;
        double y = 1.2;
        double h = 1e-6;
        double est = (twoSteps(f, g, x + h, y) - twoSteps(f, g, x - h, y)) / (2 * h);
        double got = Recurrence.dx2dx0(f, g, (a, b) -> 2 * a, (a, b) -> -1, (a, b) -> 0.3 * Math.exp(0.3 * a) * b, x, y);
        close("∂x_{t+2}/∂x_t", "f = x² − y, g = e^{0.3x}·y at (−0.4, 1.2), against a central difference (h = 1e-6)",
                est, got, 1e-7, REREAD);
    }

    private static double twoSteps(DoubleBinaryOperator f, DoubleBinaryOperator g, double x, double y) {
        return f.applyAsDouble(f.applyAsDouble(x, y), g.applyAsDouble(x, y));
    }
}
