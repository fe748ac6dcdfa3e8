package setup;

import java.util.Random;

/**
 * Exercise 04.7: log-uniform sampling of a hyperparameter (Aggarwal §3.3.1). For a learning rate in [0.001, 0.1],
 * draw log₁₀ α uniformly from [−3, −1] and set α = 10^{log₁₀ α}: every decade then gets the same share of the draws,
 * instead of the top decade getting 90 % of them as with α ~ U(0.001, 0.1).
 * <pre>
 *   u ~ U(0, 1) from new Random(seed).nextDouble(),   v = 10^(log₁₀ lo + u·(log₁₀ hi − log₁₀ lo))
 * </pre>
 * Return n draws. Refuse lo ≤ 0, an empty range lo ≥ hi and n &lt; 0 with an {@link IllegalArgumentException}
 * naming the values.
 */
public final class LogUniform {

    private LogUniform() {
    }

    public static double[] sample(double lo, double hi, int n, long seed) {
        // BEGIN SOLUTION 04.7 log-uniform sampler
        if (!(lo > 0)) {
            throw new IllegalArgumentException("a log-uniform range needs lo > 0, got " + lo);
        }
        if (!(lo < hi)) {
            throw new IllegalArgumentException("the range [" + lo + ", " + hi + "] is empty");
        }
        if (n < 0) {
            throw new IllegalArgumentException("cannot draw " + n + " samples");
        }
        Random rng = new Random(seed);
        double a = Math.log10(lo), b = Math.log10(hi);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.pow(10, a + rng.nextDouble() * (b - a));
        }
        return v;
        // END SOLUTION
    }
}
