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
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 04.4 (chain gradient of eq. 3.38) is not implemented yet");
    }
}
