package normalization;

/**
 * Exercise 08.1: the forward pass of batch normalization (Aggarwal §3.6, eqs. 3.58–3.61) in training mode and in
 * inference mode (with the running statistics of exercise 08.2, {@link RunningStatistics}). Rows of {@code v} are the
 * m examples of a mini-batch, columns the units i.
 */
public final class BatchNormForward {

    private BatchNormForward() {
    }

    /**
     * Training mode: each column is standardized by the batch's own mean μᵢ and σᵢ = √(varᵢ + ε), with the biased
     * variance (divided by m) and ε inside the square root (eq. 3.59), then scaled and shifted: aᵢ = γᵢ v̂ᵢ + βᵢ.
     *
     * @param v     the batch, m×n with m ≥ 2 (not modified)
     * @param gamma γ, length n
     * @param beta  β, length n
     * @param eps   ε &gt; 0
     * @return a, a new m×n array
     */
    public static double[][] train(double[][] v, double[] gamma, double[] beta, double eps) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 08.1 (batch normalization forward) is not implemented yet");
    }

    /**
     * Inference mode: the same map with the running estimates μ̄ᵢ, σ̄ᵢ² in place of the batch's statistics, so each row's
     * output depends on that row alone: aᵢ = γᵢ (vᵢ − μ̄ᵢ)/√(σ̄ᵢ² + ε) + βᵢ.
     *
     * @return a, a new m×n array (m ≥ 1)
     */
    public static double[][] inference(double[][] v, double[] gamma, double[] beta, double[] runningMean,
                                       double[] runningVar, double eps) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 08.1 (batch normalization forward) is not implemented yet");
    }
}
