package descent.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * Logistic loss on raw scores, fused with the sigmoid: for a score v and a target y ∈ [0, 1] (hard labels 0/1),
 * L = log(1 + e^{v}) − y·v = −[y log σ(v) + (1−y) log(1−σ(v))], gradient σ(v) − y. With labels t = 2y − 1 ∈ {−1, +1}
 * this is the familiar log(1 + exp(−t·v)). Each output column is an independent binary problem; hard labels need
 * a single column.
 */
public final class Logistic implements Loss {

    private final Reduction reduction;

    public Logistic(Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException("Logistic: reduction is null (Reduction.MEAN or Reduction.SUM)");
        }
        this.reduction = reduction;
    }

    public Logistic() {
        this(Reduction.MEAN);
    }

    @Override
    public String name() {
        return "Logistic";
    }

    @Override
    public Reduction reduction() {
        return reduction;
    }

    /** log(1 + e^{v}) without overflow. */
    public static double softplus(double v) {
        return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
    }

    @Override
    public double evaluate(DMatrixRMaj output, int[] labels, DMatrixRMaj grad) {
        if (output.numCols != 1) {
            throw new IllegalArgumentException("Logistic: hard labels need a single output column, got output "
                    + output.numRows + "x" + output.numCols);
        }
        Loss.requireLabels(name(), labels, output.numRows, 2);
        DMatrixRMaj y = new DMatrixRMaj(output.numRows, 1);
        for (int i = 0; i < labels.length; i++) {
            y.data[i] = labels[i];
        }
        return evaluate(output, y, grad);
    }

    @Override
    public double evaluate(DMatrixRMaj output, DMatrixRMaj targets, DMatrixRMaj grad) {
        Loss.requireSameShape(name(), output, targets);
        double scale = reduction.scale(output.numRows);
        if (grad != null) {
            grad.reshape(output.numRows, output.numCols, false);
        }
        double total = 0;
        int len = output.getNumElements();
        for (int t = 0; t < len; t++) {
            double v = output.data[t];
            double y = targets.data[t];
            total += softplus(v) - y * v;
            if (grad != null) {
                grad.data[t] = scale * (Sigmoid.sigmoid(v) - y);
            }
        }
        return scale * total;
    }
}
