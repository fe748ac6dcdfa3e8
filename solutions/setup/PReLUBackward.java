package setup;

/**
 * Exercise 04.6: the backward pass of a parametric ReLU (COMP541 lecture 4, "PReLU"; the learned form of Aggarwal
 * eq. 3.39). Unit j has its own slope α_j; for a batch x (rows are examples) and the upstream gradient g = ∂L/∂y:
 * <pre>
 *   y_ij = x_ij if x_ij &gt; 0, else α_j·x_ij
 *   ∂L/∂x_ij = g_ij if x_ij &gt; 0, else α_j·g_ij
 *   ∂L/∂α_j  = Σ_i [x_ij ≤ 0] · x_ij · g_ij        (summed over the batch)
 * </pre>
 * Shapes that do not fit (g not the shape of x, or α not one slope per column) are an
 * {@link IllegalArgumentException} naming them.
 */
public final class PReLUBackward {

    private PReLUBackward() {
    }

    /** ∂L/∂x (the shape of x) and ∂L/∂α (one entry per column). */
    public record Gradients(double[][] dx, double[] dAlpha) {
    }

    public static Gradients backward(double[][] x, double[][] upstream, double[] alpha) {
        // BEGIN SOLUTION 04.6 PReLU backward
        int n = x.length, m = alpha.length;
        if (upstream.length != n) {
            throw new IllegalArgumentException("x has " + n + " rows but the upstream gradient has " + upstream.length);
        }
        double[][] dx = new double[n][m];
        double[] da = new double[m];
        for (int i = 0; i < n; i++) {
            if (x[i].length != m || upstream[i].length != m) {
                throw new IllegalArgumentException("row " + i + ": x has " + x[i].length + " and the upstream gradient "
                        + upstream[i].length + " columns, but there are " + m + " slopes");
            }
            for (int j = 0; j < m; j++) {
                if (x[i][j] > 0) {
                    dx[i][j] = upstream[i][j];
                } else {
                    dx[i][j] = alpha[j] * upstream[i][j];
                    da[j] += x[i][j] * upstream[i][j];
                }
            }
        }
        return new Gradients(dx, da);
        // END SOLUTION
    }
}
