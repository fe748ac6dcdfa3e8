package normalization;

/**
 * Exercise 08.4: layer normalization (Ba, Kiros &amp; Hinton 2016; named in COMP541 lecture 4, slide "Other
 * normalization schemes"). Unlike batch normalization, each <em>row</em> (one example) is standardized over its own
 * D features, so no statistic crosses examples:
 * <pre>
 *   μ = (1/D) Σ_j x_j,   σ = √((1/D) Σ_j (x_j − μ)² + ε),   y_j = γ_j (x_j − μ)/σ + β_j
 * </pre>
 */
public final class LayerNormForward {

    private LayerNormForward() {
    }

    /**
     * @param x     m×D (not modified), D ≥ 2
     * @param gamma γ, length D
     * @param beta  β, length D
     * @param eps   ε &gt; 0
     * @return y, a new m×D array
     */
    public static double[][] forward(double[][] x, double[] gamma, double[] beta, double eps) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 08.4 (layer normalization) is not implemented yet");
    }
}
