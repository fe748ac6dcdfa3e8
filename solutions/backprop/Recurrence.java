package backprop;

import java.util.function.DoubleBinaryOperator;

/**
 * Book exercise 1 of the training chapter (Aggarwal ch. 3): the recurrence x_{t+1} = f(x_t, y_t),
 * y_{t+1} = g(x_t, y_t) unrolled twice is a two-layer network whose two nodes per layer compute f and g with the
 * same "weights" in every layer (shared parameters, §3.2.9).
 * <p>
 * By the multivariable chain rule (eq. 3.3), summing over the two paths x_t → x_{t+1} → x_{t+2} and
 * x_t → y_{t+1} → x_{t+2}:
 * ∂x_{t+2}/∂x_t = f_x(x_{t+1}, y_{t+1})·f_x(x_t, y_t) + f_y(x_{t+1}, y_{t+1})·g_x(x_t, y_t).
 */
public final class Recurrence {

    private Recurrence() {
    }

    /**
     * ∂x_{t+2}/∂x_t at (x_t, y_t) = (x, y).
     *
     * @param f  the update of x
     * @param g  the update of y
     * @param fx ∂f/∂x as a function of (x, y)
     * @param fy ∂f/∂y
     * @param gx ∂g/∂x
     */
    public static double dx2dx0(DoubleBinaryOperator f, DoubleBinaryOperator g, DoubleBinaryOperator fx,
                                DoubleBinaryOperator fy, DoubleBinaryOperator gx, double x, double y) {
        // BEGIN SOLUTION 01.1 two-step recurrence derivative
        double x1 = f.applyAsDouble(x, y);
        double y1 = g.applyAsDouble(x, y);
        return fx.applyAsDouble(x1, y1) * fx.applyAsDouble(x, y) + fy.applyAsDouble(x1, y1) * gx.applyAsDouble(x, y);
        // END SOLUTION
    }
}
