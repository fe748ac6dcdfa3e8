package backprop;

import java.util.function.ToDoubleFunction;

/**
 * Gradient checking (Aggarwal §3.2.10): estimate each partial derivative by a central difference
 * (L(w + h) − L(w − h))/(2h), whose error is O(h²) (the book's forward difference, eq. 3.33, is only O(h)), and
 * compare with backprop by the relative error ρ = |G_e − G_a|/|G_e + G_a| of eq. 3.34.
 */
public final class GradientChecker {

    private GradientChecker() {
    }

    /**
     * The central-difference gradient of f at x. On return x holds its original values.
     *
     * @param h the step, e.g. 1e-5
     */
    public static double[] centralDifference(ToDoubleFunction<double[]> f, double[] x, double h) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 01.15 (central-difference gradient) is not implemented yet");
    }

    /**
     * ρ of eq. 3.34. When both gradients are zero the ratio is 0/0; return 0 then (they agree), and also whenever
     * |G_e − G_a| ≤ 1e-12.
     */
    public static double relativeError(double backprop, double estimate) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 01.15 (relative error with a zero-denominator guard) is not implemented yet");
    }
}
