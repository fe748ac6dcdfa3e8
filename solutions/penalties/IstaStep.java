package penalties;

/**
 * Exercise 05.4: one step of ISTA (proximal gradient descent; Beck and Teboulle 2009) on the LASSO objective
 * J̃(w) = ½‖Xw − y‖² + α‖w‖₁ (Goodfellow et al. §7.1.2). A gradient step on the smooth part, then the proximal map of
 * εα‖·‖₁, which is the soft threshold of eq. 7.23 with threshold εα:
 * <pre>
 *   z = w − ε Xᵀ(Xw − y)
 *   wᵢ ← sign(zᵢ) max(|zᵢ| − εα, 0)
 * </pre>
 * Unlike a subgradient step with α·sign(w), it sets small coordinates exactly to zero.
 */
public final class IstaStep {

    private IstaStep() {
    }

    /**
     * @param x the design matrix, m × n
     * @param y the targets, length m
     * @param w the current point, length n (not modified)
     * @param alpha the L¹ coefficient α ≥ 0
     * @param epsilon the step size ε &gt; 0
     * @return the next point, a new array
     */
    public static double[] step(double[][] x, double[] y, double[] w, double alpha, double epsilon) {
        // BEGIN SOLUTION 05.4 one ISTA step
        int m = x.length, n = w.length;
        double[] r = new double[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                r[i] += x[i][j] * w[j];
            }
            r[i] -= y[i];
        }
        double[] next = new double[n];
        for (int j = 0; j < n; j++) {
            double g = 0;
            for (int i = 0; i < m; i++) {
                g += x[i][j] * r[i];
            }
            double z = w[j] - epsilon * g;
            next[j] = Math.signum(z) * Math.max(Math.abs(z) - epsilon * alpha, 0);
        }
        return next;
        // END SOLUTION
    }
}
