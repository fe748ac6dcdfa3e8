package firstorder;

/**
 * Exercise 02.5: Adam with bias correction, Goodfellow et al. Algorithm 8.7. The caller keeps the state between
 * steps: the first moment s, the second moment r (both start at 0) and the step counter t (1 for the first step).
 * <pre>
 *   s ← ρ₁s + (1 − ρ₁) g
 *   r ← ρ₂r + (1 − ρ₂) g ⊙ g
 *   ŝ ← s/(1 − ρ₁ᵗ),   r̂ ← r/(1 − ρ₂ᵗ)
 *   θ ← θ − ε ŝ/(√r̂ + δ)
 * </pre>
 * Defaults of Goodfellow et al. Alg. 8.7: ε = 0.001, ρ₁ = 0.9, ρ₂ = 0.999, δ = 1e-8.
 */
public final class AdamStep {

    private AdamStep() {
    }

    /**
     * Step number {@code t} (1, 2, …): updates θ, s and r in place from the gradient g at θ.
     *
     * @param s the first moment, updated in place
     * @param r the second moment, updated in place
     * @param t the number of this step, counted from 1 (the bias corrections use it)
     */
    public static void step(double[] theta, double[] g, double[] s, double[] r, int t, double eps, double rho1,
            double rho2, double delta) {
        // BEGIN SOLUTION 02.5 Adam step with bias correction
        double c1 = 1 - Math.pow(rho1, t);
        double c2 = 1 - Math.pow(rho2, t);
        for (int i = 0; i < theta.length; i++) {
            s[i] = rho1 * s[i] + (1 - rho1) * g[i];
            r[i] = rho2 * r[i] + (1 - rho2) * g[i] * g[i];
            theta[i] -= eps * (s[i] / c1) / (Math.sqrt(r[i] / c2) + delta);
        }
        // END SOLUTION
    }
}
