package backprop;

/**
 * Book exercise 5 of the training chapter (Aggarwal ch. 3, §3.2.6): backpropagating through an arbitrary layer
 * z_{i+1} = f(z_i) uses its Jacobian J_{kr} = ∂f_k/∂z_i^{(r)} (eq. 3.23) as g_i = Jᵀ g_{i+1} (eq. 3.24). For an
 * elementwise sigmoid the Jacobian is diagonal, so forming it wastes O(n²) work and memory on zeros, and it
 * changes with every example.
 */
public final class JacobianBackprop {

    private JacobianBackprop() {
    }

    /**
     * g_i = Jᵀ g_{i+1}.
     *
     * @param jacobian J, m×n with rows indexed by output k and columns by input r
     * @param gradOut  g_{i+1}, length m
     * @return g_i, length n
     */
    public static double[] vectorJacobianProduct(double[][] jacobian, double[] gradOut) {
        // BEGIN SOLUTION 01.5 vector-Jacobian product (eq. 3.24)
        int m = jacobian.length;
        int n = jacobian[0].length;
        double[] g = new double[n];
        for (int k = 0; k < m; k++) {
            for (int r = 0; r < n; r++) {
                g[r] += jacobian[k][r] * gradOut[k];
            }
        }
        return g;
        // END SOLUTION
    }

    /**
     * The n×n Jacobian of the elementwise sigmoid at z.
     *
     * @param z the layer's input
     * @return J with J[k][r] = ∂σ(z_k)/∂z_r
     */
    public static double[][] sigmoidJacobian(double[] z) {
        // BEGIN SOLUTION 01.5 Jacobian of the elementwise sigmoid
        int n = z.length;
        double[][] j = new double[n][n];
        for (int k = 0; k < n; k++) {
            double s = 1 / (1 + Math.exp(-z[k]));
            j[k][k] = s * (1 - s);
        }
        return j;
        // END SOLUTION
    }
}
