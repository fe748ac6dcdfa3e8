package ensembles;

/**
 * Exercise 07.6: the fast gradient sign method (Goodfellow et al. 2014b, shown in the draft of Goodfellow et al. ch. 7,
 * §7.13 and its Fig. 7.7, where the formula is implied rather than printed):
 * <pre>
 *   x' = clip(x + ε · sign(∇ₓJ(θ, x, y)), lo, hi)
 * </pre>
 * with sign(0) = 0 and every coordinate clipped to the valid input range [lo, hi] (pixel intensities, say). Each
 * coordinate moves by at most ε (max-norm ε), in the direction that increases the cost to first order.
 */
public final class FastGradientSign {

    private FastGradientSign() {
    }

    /**
     * @param x       the input
     * @param grad    ∇ₓJ at x, the same length
     * @param epsilon ε ≥ 0
     * @param lo      the smallest valid input value
     * @param hi      the largest valid input value, ≥ lo
     * @return the adversarial input x'
     * @throws IllegalArgumentException when ε &lt; 0 (or NaN), lo &gt; hi, or the lengths differ
     */
    public static double[] perturb(double[] x, double[] grad, double epsilon, double lo, double hi) {
        // BEGIN SOLUTION 07.6 fast gradient sign step
        if (!(epsilon >= 0)) {
            throw new IllegalArgumentException("ε must be ≥ 0, got " + epsilon);
        }
        if (lo > hi) {
            throw new IllegalArgumentException("the input range needs lo ≤ hi, got [" + lo + ", " + hi + "]");
        }
        if (x.length != grad.length) {
            throw new IllegalArgumentException("x has " + x.length + " entries, the gradient " + grad.length);
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.min(hi, Math.max(lo, x[i] + epsilon * Math.signum(grad[i])));
        }
        return out;
        // END SOLUTION
    }
}
