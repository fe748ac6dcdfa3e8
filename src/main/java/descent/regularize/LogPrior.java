package descent.regularize;

/**
 * A prior density p(w) over a flat parameter vector: the hook that turns any prior into a regularizer. In the Bayesian
 * view (the draft chapter 7, §7.1, eq. 7.1) the log posterior is log p(w) + Σᵢ log p(x⁽ⁱ⁾ | w) + const, so maximizing
 * it (MAP) minimizes the negative log-likelihood plus the penalty
 * <pre>
 *   Ω(w) = −log p(w) + log Z,
 * </pre>
 * where log Z = {@link #logNormalizer()} is the part of log p that does not depend on w (0 unless the prior says
 * otherwise). {@link PriorPenalty} adds Ω to a loss.
 */
public interface LogPrior {

    /** d, the length of w. */
    int dimension();

    /**
     * log p(w); when {@code gradient} is not null, also writes ∇_w log p(w) into it (a subgradient at kinks).
     * Must not allocate.
     */
    double logDensity(double[] w, double[] gradient);

    /** The w-independent part of log p(w); the penalty is log Z − log p(w). */
    default double logNormalizer() {
        return 0;
    }
}
