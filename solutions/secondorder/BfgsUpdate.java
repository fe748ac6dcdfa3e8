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
        // BEGIN SOLUTION 03.13 BFGS update
        int d = q.length;
        double qv = 0;
        for (int i = 0; i < d; i++) {
            qv += q[i] * v[i];
        }
        if (!(qv > 0)) {
            throw new IllegalArgumentException("BFGS needs qᵀv > 0, got " + qv);
        }
        double delta = 1 / qv;
        double[][] left = new double[d][d];   // I − Δ q vᵀ
        double[][] right = new double[d][d];  // I − Δ v qᵀ
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                left[i][j] = (i == j ? 1 : 0) - delta * q[i] * v[j];
                right[i][j] = (i == j ? 1 : 0) - delta * v[i] * q[j];
            }
        }
        double[][] lg = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                for (int j = 0; j < d; j++) {
                    lg[i][j] += left[i][k] * g[k][j];
                }
            }
        }
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                for (int j = 0; j < d; j++) {
                    out[i][j] += lg[i][k] * right[k][j];
                }
            }
            for (int j = 0; j < d; j++) {
                out[i][j] += delta * q[i] * q[j];
            }
        }
        return out;
        // END SOLUTION
    }
}
