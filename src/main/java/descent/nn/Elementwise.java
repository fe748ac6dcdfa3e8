package descent.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * A one-to-one layer z_{i+1} = Φ(z_i) applied entry by entry; backward is g_i = g_{i+1} ⊙ Φ'(z_i) (Table 3.1).
 * Subclasses give Φ and Φ'; the hot ones (ReLU) also override the array loops.
 */
public abstract class Elementwise implements Layer, Activation {

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Cache cache) {
        DMatrixRMaj y = cache.output(x.numRows, x.numCols);
        cache.setInput(x);
        forwardArray(x.data, y.data, x.getNumElements());
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj gradOut, Cache cache, boolean needInputGradient) {
        DMatrixRMaj x = cache.input();
        Layer.requireShape(this, "upstream gradient", gradOut, x.numRows, x.numCols);
        if (!needInputGradient) {
            return null;
        }
        DMatrixRMaj gin = cache.gradInput(x.numRows, x.numCols);
        backwardArray(x.data, cache.output().data, gradOut.data, gin.data, x.getNumElements());
        return gin;
    }

    /** y[k] = Φ(x[k]) for k &lt; n. */
    protected void forwardArray(double[] x, double[] y, int n) {
        for (int k = 0; k < n; k++) {
            y[k] = value(x[k]);
        }
    }

    /** gin[k] = g[k]·Φ'(x[k]) for k &lt; n, where y = Φ(x). */
    protected void backwardArray(double[] x, double[] y, double[] g, double[] gin, int n) {
        for (int k = 0; k < n; k++) {
            gin[k] = g[k] * derivative(x[k], y[k]);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
