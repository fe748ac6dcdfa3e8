package descent.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * The "arbitrary function" row of Table 3.1: any f: ℝⁿ → ℝᵐ applied to each example, backpropagated through
 * its Jacobian J_{kr} = ∂f_k/∂z_r (Aggarwal eq. 3.23) as g_i = Jᵀ g_{i+1} (eq. 3.24).
 *
 * <p>This is correct for every f but expensive for an elementwise one (Exercise 5): J is then diagonal, yet the
 * layer builds and multiplies an n×n matrix per example, O(n²) work and memory instead of O(n), and a new one for
 * every example because J depends on the input. {@link #multiplyAdds()} counts the work so a notebook can plot it.
 */
public final class JacobianLayer implements Layer {

    /** f with its Jacobian, for one example. */
    public interface VectorFunction {
        /** m, the output length for an input of length n. */
        int outputSize(int n);

        /** out[0..m) = f(z[off..off+n)). */
        void value(double[] z, int off, int n, double[] out, int outOff);

        /** Writes J (m×n, J_{kr} = ∂f_k/∂z_r) at z[off..off+n). */
        void jacobian(double[] z, int off, int n, DMatrixRMaj jacobian);
    }

    private final String name;
    private final VectorFunction f;
    private long multiplyAdds;

    public JacobianLayer(String name, VectorFunction f) {
        if (name == null || f == null) {
            throw new IllegalArgumentException("JacobianLayer needs a name and a function, got " + name + " and " + f);
        }
        this.name = name;
        this.f = f;
    }

    /** The elementwise activation {@code phi} with its diagonal Jacobian diag(Φ'(z)) formed explicitly. */
    public static JacobianLayer of(Activation phi) {
        return new JacobianLayer("Jacobian[" + phi.name() + "]", new VectorFunction() {
            @Override
            public int outputSize(int n) {
                return n;
            }

            @Override
            public void value(double[] z, int off, int n, double[] out, int outOff) {
                for (int r = 0; r < n; r++) {
                    out[outOff + r] = phi.value(z[off + r]);
                }
            }

            @Override
            public void jacobian(double[] z, int off, int n, DMatrixRMaj j) {
                j.zero();
                for (int r = 0; r < n; r++) {
                    j.data[r * n + r] = phi.derivative(z[off + r]);
                }
            }
        });
    }

    /** Softmax with its full Jacobian diag(o) − ooᵀ (Exercise 10). */
    public static JacobianLayer softmax() {
        return new JacobianLayer("Jacobian[Softmax]", new VectorFunction() {
            @Override
            public int outputSize(int n) {
                return n;
            }

            @Override
            public void value(double[] z, int off, int n, double[] out, int outOff) {
                Softmax.softmax(z, off, out, outOff, n);
            }

            @Override
            public void jacobian(double[] z, int off, int n, DMatrixRMaj j) {
                double[] o = new double[n];
                Softmax.softmax(z, off, o, 0, n);
                for (int a = 0; a < n; a++) {
                    for (int b = 0; b < n; b++) {
                        j.data[a * n + b] = o[a] * ((a == b ? 1.0 : 0.0) - o[b]);
                    }
                }
            }
        });
    }

    /** Multiply-adds spent in Jᵀg products since construction. */
    public long multiplyAdds() {
        return multiplyAdds;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Cache cache) {
        int n = x.numCols;
        int m = f.outputSize(n);
        DMatrixRMaj y = cache.output(x.numRows, m);
        cache.setInput(x);
        for (int i = 0; i < x.numRows; i++) {
            f.value(x.data, i * n, n, y.data, i * m);
        }
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj gradOut, Cache cache, boolean needInputGradient) {
        DMatrixRMaj x = cache.input();
        int n = x.numCols;
        int m = f.outputSize(n);
        Layer.requireShape(this, "upstream gradient", gradOut, x.numRows, m);
        if (!needInputGradient) {
            return null;
        }
        DMatrixRMaj gin = cache.gradInput(x.numRows, n);
        DMatrixRMaj j = cache.buffer(0, m, n);
        for (int i = 0; i < x.numRows; i++) {
            f.jacobian(x.data, i * n, n, j);
            for (int r = 0; r < n; r++) {
                double s = 0;
                for (int k = 0; k < m; k++) {
                    s += j.data[k * n + r] * gradOut.data[i * m + k];
                }
                gin.data[i * n + r] = s;
            }
            multiplyAdds += (long) m * n;
        }
        return gin;
    }
}
