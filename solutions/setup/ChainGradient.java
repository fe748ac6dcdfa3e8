package setup;

/**
 * Exercise 04.4: the vanishing gradient along the chain of Aggarwal Fig. 3.8, one sigmoid unit per layer:
 * <pre>
 *   h₀ = x,   a_t = w_t·h_{t−1},   h_t = σ(a_t)   (t = 1..m),   o = h_m
 *   ∂o/∂h_m = 1,   ∂o/∂h_t = σ'(a_{t+1}) · w_{t+1} · ∂o/∂h_{t+1}      (eq. 3.38)
 * </pre>
 * Eq. 3.38 is printed with Φ'(h_{t+1}); the derivative belongs at the unit's input a_{t+1}, and for the sigmoid it is
 * σ'(a_{t+1}) = h_{t+1}(1 − h_{t+1}). Return the m + 1 values ∂o/∂h_t for t = 0..m ({@code w[0]} is w₁). An empty
 * weight array is an {@link IllegalArgumentException}.
 */
public final class ChainGradient {

    private ChainGradient() {
    }

    public static double[] gradients(double x, double[] w) {
        // BEGIN SOLUTION 04.4 chain gradient of eq. 3.38
        if (w.length == 0) {
            throw new IllegalArgumentException("the chain needs at least one weight, got none");
        }
        int m = w.length;
        double[] h = new double[m + 1];
        h[0] = x;
        for (int t = 1; t <= m; t++) {
            h[t] = 1 / (1 + Math.exp(-w[t - 1] * h[t - 1]));
        }
        double[] g = new double[m + 1];
        g[m] = 1;
        for (int t = m - 1; t >= 0; t--) {
            g[t] = h[t + 1] * (1 - h[t + 1]) * w[t] * g[t + 1];
        }
        return g;
        // END SOLUTION
    }
}
