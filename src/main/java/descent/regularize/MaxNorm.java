package descent.regularize;

import descent.nn.Param;

import java.util.List;

/**
 * The per-unit column-norm ("max-norm") constraint (Goodfellow et al. §7.2, after Srebro and Shraibman 2005 and Hinton
 * et al. 2012; the books describe it without the name): every hidden unit's incoming weight vector, column j of a layer's
 * n_in × n_out matrix W, is kept inside a ball of radius c,
 * <pre>
 *   W_{:,j} ← W_{:,j} · min(1, c/‖W_{:,j}‖₂)     for every column j
 * </pre>
 * so no single unit can grow very large weights. Written as a penalty it would need a separate KKT multiplier per unit;
 * in practice it is always done by reprojection, as here. Applied to convolution filters it is the "filter norm
 * constraint" the draft chapter 7 compares with dropout.
 */
public final class MaxNorm implements Constraint {

    private final Param[] params;
    private final double c;

    public MaxNorm(List<Param> params, double c) {
        this.params = L2Ball.selected("MaxNorm", params);
        this.c = Checks.positive("MaxNorm: radius c", c);
    }

    @Override
    public void project() {
        for (Param p : params) {
            project(p.value().data, p.value().numRows, p.value().numCols, c);
        }
    }

    /** Projects every column of the row-major rows × cols matrix {@code w} onto the ball of radius c. */
    static void project(double[] w, int rows, int cols, double c) {
        for (int j = 0; j < cols; j++) {
            double s = 0;
            for (int i = 0; i < rows; i++) {
                double v = w[i * cols + j];
                s += v * v;
            }
            double norm = Math.sqrt(s);
            if (norm > c) {
                double f = c / norm;
                for (int i = 0; i < rows; i++) {
                    w[i * cols + j] *= f;
                }
            }
        }
    }

    /** The largest column norm over all selected matrices. */
    public double maxColumnNorm() {
        double max = 0;
        for (Param p : params) {
            int rows = p.value().numRows, cols = p.value().numCols;
            double[] w = p.value().data;
            for (int j = 0; j < cols; j++) {
                double s = 0;
                for (int i = 0; i < rows; i++) {
                    s += w[i * cols + j] * w[i * cols + j];
                }
                max = Math.max(max, Math.sqrt(s));
            }
        }
        return max;
    }

    @Override
    public double violation() {
        return Math.max(0, maxColumnNorm() - c);
    }

    @Override
    public String toString() {
        return "max-norm ‖W:,j‖ ≤ " + c;
    }
}
