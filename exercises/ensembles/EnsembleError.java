package ensembles;

/**
 * Exercise 07.2: the expected squared error of an ensemble average (the draft of Goodfellow et al. ch. 7, §7.10). k
 * models make errors ε_i with E[ε_i²] = v and E[ε_i ε_j] = c (i ≠ j); the ensemble predicts the mean, whose error is
 * (1/k)Σ ε_i, so
 * <pre>
 *   E[((1/k) Σ_i ε_i)²] = (1/k²) Σ_i (E[ε_i²] + Σ_{j≠i} E[ε_i ε_j]) = v/k + (k − 1)c/k
 * </pre>
 * Perfectly correlated errors (c = v) give v: averaging does not help. Uncorrelated errors (c = 0) give v/k.
 */
public final class EnsembleError {

    private EnsembleError() {
    }

    /**
     * @param k the ensemble size, ≥ 1
     * @param v the variance of each member's error, ≥ 0
     * @param c the covariance of two members' errors, |c| ≤ v (Cauchy–Schwarz)
     * @return the expected squared error of the average
     * @throws IllegalArgumentException when k &lt; 1, v &lt; 0 or |c| &gt; v
     */
    public static double expectedSquaredError(int k, double v, double c) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 07.2 (ensemble error formula) is not implemented yet");
    }
}
