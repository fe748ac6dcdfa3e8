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
        forwardRange(x.data, y.data, 0, x.getNumElements());
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
        backwardRange(x.data, cache.output().data, gradOut.data, gin.data, 0, x.getNumElements());
        return gin;
    }

    /**
     * y[k] = Φ(x[k]) for from ≤ k &lt; to: the forward pass on a block of a matrix's array (e.g. some of its rows,
     * or one row's share of the columns), as tensor-parallel training applies it.
     */
    public void forwardRange(double[] x, double[] y, int from, int to) {
        for (int k = from; k < to; k++) {
            y[k] = value(x[k]);
        }
    }

    /** gin[k] = g[k]·Φ'(x[k]) for from ≤ k &lt; to, where y = Φ(x) (gin may be g itself). */
    public void backwardRange(double[] x, double[] y, double[] g, double[] gin, int from, int to) {
        for (int k = from; k < to; k++) {
            gin[k] = g[k] * derivative(x[k], y[k]);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
