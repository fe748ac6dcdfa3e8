package firstorder;

/**
 * Exercise 02.3: one AdaGrad step, Goodfellow et al. Algorithm 8.4 (with the minus sign the printed box lost).
 * <pre>
 *   r ← r + g ⊙ g
 *   Δθ ← −ε/(δ + √r) ⊙ g        (δ outside the square root)
 *   θ ← θ + Δθ
 * </pre>
 */
public final class AdaGradStep {

    private AdaGradStep() {
    }

    /**
     * @param theta the parameters θ (updated in place)
     * @param r     the accumulated squared gradients (updated in place; zeros before the first step)
     * @param g     the gradient at θ
     * @param eps   the global learning rate ε
     * @param delta the small constant δ (about 1e-7)
     */
    public static void step(double[] theta, double[] r, double[] g, double eps, double delta) {
        // BEGIN SOLUTION 02.3 AdaGrad step
        for (int i = 0; i < theta.length; i++) {
            r[i] += g[i] * g[i];
            theta[i] -= eps / (delta + Math.sqrt(r[i])) * g[i];
        }
        // END SOLUTION
    }
}
