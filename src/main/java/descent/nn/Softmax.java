package descent.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * Softmax as a layer (Aggarwal eq. 3.20), row by row: o_i = exp(v_i − m)/Σ_j exp(v_j − m) with m = max_j v_j,
 * which is the same value and never overflows. Its Jacobian is ∂o_i/∂v_j = o_i(δ_ij − o_j) (Ex. 10), so the
 * backward pass needs no k×k matrix: g_v = o ⊙ (g_o − (g_o·o)).
 *
 * <p>For training, prefer {@link SoftmaxCrossEntropy}, which fuses this with the loss and returns o − y directly.
 */
public final class Softmax implements Layer {

    @Override
    public String name() {
        return "Softmax";
    }

    /** Row-wise stable softmax of {@code v} (length k) into {@code o}. */
    public static void softmax(double[] v, int vOff, double[] o, int oOff, int k) {
        double m = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            m = Math.max(m, v[vOff + j]);
        }
        double s = 0;
        for (int j = 0; j < k; j++) {
            double e = Math.exp(v[vOff + j] - m);
            o[oOff + j] = e;
            s += e;
        }
        double inv = 1.0 / s;
        for (int j = 0; j < k; j++) {
            o[oOff + j] *= inv;
        }
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Cache cache) {
        DMatrixRMaj y = cache.output(x.numRows, x.numCols);
        cache.setInput(x);
        int k = x.numCols;
        for (int i = 0; i < x.numRows; i++) {
            softmax(x.data, i * k, y.data, i * k, k);
        }
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj gradOut, Cache cache, boolean needInputGradient) {
        DMatrixRMaj o = cache.output();
        Layer.requireShape(this, "upstream gradient", gradOut, o.numRows, o.numCols);
        if (!needInputGradient) {
            return null;
        }
        DMatrixRMaj gin = cache.gradInput(o.numRows, o.numCols);
        int k = o.numCols;
        for (int i = 0; i < o.numRows; i++) {
            int r = i * k;
            double dot = 0;
            for (int j = 0; j < k; j++) {
                dot += gradOut.data[r + j] * o.data[r + j];
            }
            for (int j = 0; j < k; j++) {
                gin.data[r + j] = o.data[r + j] * (gradOut.data[r + j] - dot);
            }
        }
        return gin;
    }
}
