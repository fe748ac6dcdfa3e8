package firstorder;

/**
 * Exercise 02.8: the linear learning-rate decay of Goodfellow et al. eq. 8.14. Until step τ the rate moves in a
 * straight line from ε₀ to ε_τ; after τ it stays at ε_τ.
 * <pre>
 *   ε_k = (1 − α)ε₀ + αε_τ   with α = k/τ,   for 0 ≤ k ≤ τ
 *   ε_k = ε_τ                                for k &gt; τ
 * </pre>
 */
public final class LinearDecay {

    private LinearDecay() {
    }

    /** ε_k for step k ≥ 0. */
    public static double rate(long k, double eps0, double epsTau, long tau) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 02.8 (linear learning-rate decay) is not implemented yet");
    }
}
