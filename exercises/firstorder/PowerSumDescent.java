package firstorder;

/**
 * Exercise 02.10 (Aggarwal exercise 6): steepest descent with a constant learning rate α on
 * <pre>
 *   L(x, y) = x² + y¹⁰,    ∇L = (2x, 10y⁹),    (x, y) ← (x, y) − α∇L(x, y)
 * </pre>
 * Near the origin the y-component of the gradient all but vanishes (10·0.5⁹ ≈ 0.0195 at y = 0.5); far from it, it
 * explodes (10·2⁹ = 5120 at y = 2). No single constant α suits both starting points: a two-dimensional picture of
 * vanishing and exploding gradients (notebook 07).
 */
public final class PowerSumDescent {

    private PowerSumDescent() {
    }

    /**
     * The path of {@code steps} gradient steps from (x0, y0): {@code steps + 1} points {x, y}, the start first. Do not
     * stop when the iterate overflows: keep stepping, so that ±∞ and NaN show up in the path.
     */
    public static double[][] path(double x0, double y0, double rate, int steps) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 02.10 (steepest descent on x² + y¹⁰) is not implemented yet");
    }
}
