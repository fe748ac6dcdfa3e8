package firstorder;

/**
 * Exercise 02.5: Adam with bias correction, Goodfellow et al. Algorithm 8.7. The object keeps the state between
 * steps: the first moment s, the second moment r and the step counter t (0 before the first step).
 * <pre>
 *   t ← t + 1                                   (the first step uses t = 1, not 0)
 *   s ← ρ₁s + (1 − ρ₁) g
 *   r ← ρ₂r + (1 − ρ₂) g ⊙ g
 *   ŝ ← s/(1 − ρ₁ᵗ),   r̂ ← r/(1 − ρ₂ᵗ)
 *   θ ← θ − ε ŝ/(√r̂ + δ)
 * </pre>
 */
public final class AdamStep {

    final double eps;
    final double rho1;
    final double rho2;
    final double delta;
    final double[] s;
    final double[] r;
    int t;

    /** State for {@code n} parameters; defaults of Goodfellow et al. Alg. 8.7: ε = 0.001, ρ₁ = 0.9, ρ₂ = 0.999, δ = 1e-8. */
    public AdamStep(int n, double eps, double rho1, double rho2, double delta) {
        this.eps = eps;
        this.rho1 = rho1;
        this.rho2 = rho2;
        this.delta = delta;
        this.s = new double[n];
        this.r = new double[n];
    }

    /** The number of steps taken so far. */
    public int t() {
        return t;
    }

    /** One step: updates θ in place from the gradient g at θ. */
    public void step(double[] theta, double[] g) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 02.5 (Adam step with bias correction) is not implemented yet");
    }
}
