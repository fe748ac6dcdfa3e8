package secondorder;

/**
 * Exercise 03.13: the BFGS update of the inverse-Hessian estimate G, Aggarwal eq. 3.56:
 * <pre>
 *   G' = (I − Δ q vᵀ) G (I − Δ v qᵀ) + Δ q qᵀ,    Δ = 1 / (qᵀv),
 * </pre>
 * where q = xₜ₊₁ − xₜ is the step and v = ∇f(xₜ₊₁) − ∇f(xₜ) the change of the gradient. The result satisfies the
 * secant condition G'v = q (eq. 3.55).
 */
public final class BfgsUpdate {

    private BfgsUpdate() {
    }

    /**
     * @param g the current d×d estimate G (symmetric; not modified)
     * @param q the step, length d
     * @param v the gradient change, length d
     * @return the updated estimate G' (a new array)
     * @throws IllegalArgumentException when qᵀv ≤ 0: the update would lose positive definiteness
     */
    public static double[][] update(double[][] g, double[] q, double[] v) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 03.13 (BFGS update) is not implemented yet");
    }
}
