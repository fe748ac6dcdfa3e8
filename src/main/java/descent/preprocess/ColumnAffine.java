package descent.preprocess;

import org.ejml.data.DMatrixRMaj;

/**
 * The shape shared by the column-wise transforms: y_ij = (x_ij − offset_j)·gain_j, with offset and gain fitted per
 * column. Subclasses say how to fit them.
 */
public abstract class ColumnAffine implements Transform {

    ColumnAffine() {
    }

    protected double[] offset;
    protected double[] gain;

    /** Fills {@link #offset} and {@link #gain} from the (already checked) training data. */
    protected abstract void fitColumns(DMatrixRMaj train);

    @Override
    public Transform fit(DMatrixRMaj train) {
        Checks.requireFitData(name(), train, 1);
        fitColumns(train);
        return this;
    }

    @Override
    public void transform(DMatrixRMaj x, DMatrixRMaj out) {
        Checks.requireTransformData(name(), offset == null ? -1 : offset.length, offset != null, x);
        int d = x.numCols;
        out.reshape(x.numRows, d, false);
        int n = x.getNumElements();
        for (int k = 0; k < n; k++) {
            int j = k % d;
            out.data[k] = (x.data[k] - offset[j]) * gain[j];
        }
    }

    /** The streaming form: one example at a time, into {@code out}. */
    public void transformRow(double[] x, double[] out) {
        if (offset == null) {
            throw new IllegalStateException(name() + ": transform called before fit (fit it on the training data first)");
        }
        Checks.requireFinite(name() + ".transformRow", x, offset.length);
        for (int j = 0; j < x.length; j++) {
            out[j] = (x[j] - offset[j]) * gain[j];
        }
    }

    @Override
    public int inputWidth() {
        requireFitted();
        return offset.length;
    }

    @Override
    public int outputWidth() {
        return inputWidth();
    }

    private void requireFitted() {
        if (offset == null) {
            throw new IllegalStateException(name() + " has not been fitted yet");
        }
    }

    static double[] columnMeans(DMatrixRMaj x) {
        int d = x.numCols;
        double[] m = new double[d];
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < d; j++) {
                m[j] += x.data[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            m[j] /= x.numRows;
        }
        return m;
    }

    /** Population standard deviations (divide by n), two-pass for accuracy. */
    static double[] columnStds(DMatrixRMaj x, double[] mean) {
        int d = x.numCols;
        double[] s = new double[d];
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < d; j++) {
                double e = x.data[i * d + j] - mean[j];
                s[j] += e * e;
            }
        }
        for (int j = 0; j < d; j++) {
            s[j] = Math.sqrt(s[j] / x.numRows);
        }
        return s;
    }

    /** The fitted offsets (a copy). */
    public double[] offsets() {
        requireFitted();
        return offset.clone();
    }

    /** The fitted gains (a copy). */
    public double[] gains() {
        requireFitted();
        return gain.clone();
    }
}
