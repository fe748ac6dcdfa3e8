package firstorder;

/**
 * Exercise 02.4: one RMSProp step, Goodfellow et al. Algorithm 8.5, with δ inside the root as the box prints it.
 * <pre>
 *   r ← ρr + (1 − ρ) g ⊙ g
 *   Δθ ← −ε/√(δ + r) ⊙ g
 *   θ ← θ + Δθ
 * </pre>
 */
public final class RMSPropStep {

    private RMSPropStep() {
    }

    /**
     * @param theta the parameters θ (updated in place)
     * @param r     the moving average of squared gradients (updated in place; zeros before the first step)
     * @param g     the gradient at θ
     * @param eps   the learning rate ε
     * @param rho   the decay rate ρ ∈ [0, 1)
     * @param delta the small constant δ (usually 1e-6)
     */
    public static void step(double[] theta, double[] r, double[] g, double eps, double rho, double delta) {
        // BEGIN SOLUTION 02.4 RMSProp step
        for (int i = 0; i < theta.length; i++) {
            r[i] = rho * r[i] + (1 - rho) * g[i] * g[i];
            theta[i] -= eps / Math.sqrt(delta + r[i]) * g[i];
        }
        // END SOLUTION
    }
}
