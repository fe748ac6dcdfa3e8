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
        // BEGIN SOLUTION 08.4 layer normalization
        double[][] y = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            int d = x[r].length;
            double mu = 0;
            for (double v : x[r]) {
                mu += v;
            }
            mu /= d;
            double var = 0;
            for (double v : x[r]) {
                var += (v - mu) * (v - mu);
            }
            double sigma = Math.sqrt(var / d + eps);
            y[r] = new double[d];
            for (int j = 0; j < d; j++) {
                y[r][j] = gamma[j] * (x[r][j] - mu) / sigma + beta[j];
            }
        }
        return y;
        // END SOLUTION
    }
}
