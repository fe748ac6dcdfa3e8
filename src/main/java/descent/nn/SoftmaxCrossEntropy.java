package descent.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * Softmax followed by cross-entropy (Aggarwal eqs. 3.20–3.22), fused. Per example with scores v and target y
 * (one-hot for a hard label, any non-negative vector summing to s otherwise):
 * <pre>
 *   L = s·logΣ_j exp(v_j) − Σ_j y_j v_j,   computed as  m + log Σ_j exp(v_j − m),  m = max_j v_j
 *   ∂L/∂v = s·o − y   (= o − y, eq. 3.22, when the target sums to 1)
 * </pre>
 * Shifting by m keeps every exponent ≤ 0, so scores of ±1000 give exact finite losses where the naive
 * softmax overflows to NaN (notebook 03).
 */
public final class SoftmaxCrossEntropy implements Loss {

    private final Reduction reduction;

    public SoftmaxCrossEntropy(Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException("SoftmaxCrossEntropy: reduction is null (Reduction.MEAN or Reduction.SUM)");
        }
        this.reduction = reduction;
    }

    public SoftmaxCrossEntropy() {
        this(Reduction.MEAN);
    }

    @Override
    public String name() {
        return "SoftmaxCrossEntropy";
    }

    @Override
    public Reduction reduction() {
        return reduction;
    }

    /** log Σ_j exp(v_j) over v[off..off+k), without overflow. */
    public static double logSumExp(double[] v, int off, int k) {
        double m = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            m = Math.max(m, v[off + j]);
        }
        if (m == Double.NEGATIVE_INFINITY || m == Double.POSITIVE_INFINITY) {
            return m;
        }
        double s = 0;
        for (int j = 0; j < k; j++) {
            s += Math.exp(v[off + j] - m);
        }
        return m + Math.log(s);
    }

    @Override
    public double evaluate(DMatrixRMaj output, int[] labels, DMatrixRMaj grad) {
        int n = output.numRows;
        int k = output.numCols;
        Loss.requireLabels(name(), labels, n, k);
        double scale = reduction.scale(n);
        if (grad != null) {
            grad.reshape(n, k, false);
        }
        return scale * sumRows(output.data, labels, k, 0, n, scale, grad == null ? null : grad.data);
    }

    /**
     * The loss of the rows [from, to) of a batch of scores v (rows of k entries), <em>summed</em> (not yet
     * multiplied by {@code scale}), and, when {@code grad} is not null, their rows of ∂L/∂v, each multiplied by
     * {@code scale}: {@link #evaluate} is {@code scale · sumRows(…, 0, n, scale, …)} with scale = the reduction's
     * factor for the whole batch. Threads that share the rows of one batch call it on their rows (the labels are
     * checked by the caller).
     */
    public static double sumRows(double[] v, int[] labels, int k, int from, int to, double scale, double[] g) {
        double total = 0;
        for (int i = from; i < to; i++) {
            int r = i * k;
            double lse = logSumExp(v, r, k);
            total += lse - v[r + labels[i]];
            if (g != null) {
                for (int j = 0; j < k; j++) {
                    g[r + j] = scale * Math.exp(v[r + j] - lse);
                }
                g[r + labels[i]] -= scale;
            }
        }
        return total;
    }

    @Override
    public double evaluate(DMatrixRMaj output, DMatrixRMaj targets, DMatrixRMaj grad) {
        Loss.requireSameShape(name(), output, targets);
        int n = output.numRows;
        int k = output.numCols;
        double scale = reduction.scale(n);
        if (grad != null) {
            grad.reshape(n, k, false);
        }
        double total = 0;
        double[] v = output.data;
        double[] y = targets.data;
        for (int i = 0; i < n; i++) {
            int r = i * k;
            double lse = logSumExp(v, r, k);
            double s = 0;
            for (int j = 0; j < k; j++) {
                if (y[r + j] != 0) {
                    total += y[r + j] * (lse - v[r + j]);
                }
                s += y[r + j];
            }
            if (grad != null) {
                double[] g = grad.data;
                for (int j = 0; j < k; j++) {
                    g[r + j] = scale * (s * Math.exp(v[r + j] - lse) - y[r + j]);
                }
            }
        }
        return scale * total;
    }
}
