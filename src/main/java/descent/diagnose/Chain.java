package descent.diagnose;

import descent.nn.Activation;

/**
 * The chain of Aggarwal Fig. 3.8: one unit per layer, h₀ = x, a_t = w_t·h_{t−1}, h_t = Φ(a_t), o = h_m. Backward from
 * ∂o/∂o = 1, eq. 3.38:
 * <pre>
 *   ∂o/∂h_t = Φ'(a_{t+1}) · w_{t+1} · ∂o/∂h_{t+1}
 * </pre>
 * (The book writes Φ'(h_{t+1}); the derivative is taken at the unit's <em>input</em> a_{t+1}, not its output.) So
 * ∂o/∂x is a product of m factors w_t·Φ'(a_t); with the sigmoid each |Φ'| ≤ 1/4, which makes the gradient vanish
 * geometrically unless the weights are large, and then it can explode instead.
 */
public final class Chain {

    private Chain() {
    }

    /** Forward values and backward gradients of one chain: a[t], h[t] for t = 0..m (a[0] = x = h[0]), and ∂o/∂h_t. */
    public record Pass(double[] a, double[] h, double[] gradient) {
        /** ∂o/∂x = ∂o/∂h₀. */
        public double inputGradient() {
            return gradient[0];
        }
    }

    /** Runs the chain with input {@code x}, weights w₁..w_m ({@code w[0]} is w₁) and activation Φ. */
    public static Pass run(double x, double[] w, Activation phi) {
        if (w.length < 1) {
            throw new IllegalArgumentException("a chain needs at least one weight, got none");
        }
        int m = w.length;
        double[] a = new double[m + 1];
        double[] h = new double[m + 1];
        a[0] = x;
        h[0] = x;
        for (int t = 1; t <= m; t++) {
            a[t] = w[t - 1] * h[t - 1];
            h[t] = phi.value(a[t]);
        }
        double[] g = new double[m + 1];
        g[m] = 1;
        for (int t = m - 1; t >= 0; t--) {
            g[t] = phi.derivative(a[t + 1], h[t + 1]) * w[t] * g[t + 1];
        }
        return new Pass(a, h, g);
    }

    /** The bound of §3.4 for m sigmoid layers with |w| ≤ 1: |∂o/∂x| ≤ (1/4)^m. */
    public static double sigmoidBound(int m) {
        return Math.pow(0.25, m);
    }
}
