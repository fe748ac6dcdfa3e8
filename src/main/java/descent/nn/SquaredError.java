package descent.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * L = ½‖o − y‖² per example, gradient o − y. A hard label c stands for the one-hot target e_c.
 */
public final class SquaredError implements Loss {

    private final Reduction reduction;

    public SquaredError(Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException("SquaredError: reduction is null (Reduction.MEAN or Reduction.SUM)");
        }
        this.reduction = reduction;
    }

    public SquaredError() {
        this(Reduction.MEAN);
    }

    @Override
    public String name() {
        return "SquaredError";
    }

    @Override
    public Reduction reduction() {
        return reduction;
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
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double d = output.data[i * k + j] - (labels[i] == j ? 1.0 : 0.0);
                total += 0.5 * d * d;
                if (grad != null) {
                    grad.data[i * k + j] = scale * d;
                }
            }
        }
        return scale * total;
    }

    @Override
    public double evaluate(DMatrixRMaj output, DMatrixRMaj targets, DMatrixRMaj grad) {
        Loss.requireSameShape(name(), output, targets);
        int n = output.numRows;
        int len = output.getNumElements();
        double scale = reduction.scale(n);
        if (grad != null) {
            grad.reshape(output.numRows, output.numCols, false);
        }
        double total = 0;
        for (int t = 0; t < len; t++) {
            double d = output.data[t] - targets.data[t];
            total += 0.5 * d * d;
            if (grad != null) {
                grad.data[t] = scale * d;
            }
        }
        return scale * total;
    }
}
