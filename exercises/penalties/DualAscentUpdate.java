package penalties;

/**
 * Exercise 05.6: the multiplier update for a norm constraint Ω(θ) ≤ k (Goodfellow et al. §7.2, eqs. 7.26–7.27). The
 * generalized Lagrangian is J(θ) + α(Ω(θ) − k) with α ≥ 0; α must grow while the constraint is violated (Ω &gt; k) and
 * shrink while it is slack (Ω &lt; k), and it may never become negative:
 * <pre>
 *   α ← max(0, α + ρ(Ω(θ) − k))
 * </pre>
 */
public final class DualAscentUpdate {

    private DualAscentUpdate() {
    }

    /**
     * @param alpha the current multiplier α ≥ 0
     * @param omega Ω(θ) at the current parameters
     * @param k the constraint level
     * @param rho the dual step size ρ &gt; 0
     * @return the new multiplier
     * @throws IllegalArgumentException when ρ ≤ 0 or NaN
     */
    public static double update(double alpha, double omega, double k, double rho) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 05.6 (dual-ascent update) is not implemented yet");
    }
}
