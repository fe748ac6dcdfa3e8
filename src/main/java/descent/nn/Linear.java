package descent.nn;

import descent.init.Init;
import descent.linalg.Blas;
import org.ejml.data.DMatrixRMaj;

import java.util.List;
import java.util.Random;

/**
 * The many-to-many row of Table 3.1 with the book's orientation: W is n_in × n_out and z_{i+1} = Wᵀz_i + b.
 * Batch-major (rows are examples) this is Z_{i+1} = Z_i·W + 1bᵀ, and backward is
 * <pre>
 *   ∂L/∂W += Z_iᵀ·G_{i+1}     (the outer product z_{i−1} g_iᵀ of §3.2.6, summed over the batch)
 *   ∂L/∂b += column sums of G_{i+1}
 *   G_i    = G_{i+1}·Wᵀ       (g_i = W g_{i+1})
 * </pre>
 * All three products go through BLAS GEMM on EJML's arrays.
 */
public final class Linear implements Layer {

    private final String name;
    private final int in;
    private final int out;
    private final AffineParams params;

    /** A layer with zero weights and biases (fill them with {@link #init}). */
    public Linear(String name, int in, int out) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a Linear layer needs a name, got " + (name == null ? "null" : "\"" + name + "\""));
        }
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("Linear " + name + " needs positive sizes, got " + in + "→" + out);
        }
        this.name = name;
        this.in = in;
        this.out = out;
        this.params = new AffineParams(name, in, out);
    }

    /** Weights from {@code init} with the seeded {@code rng}; biases zero (§3.3.3). */
    public Linear(String name, int in, int out, Init init, Random rng) {
        this(name, in, out);
        init(init, rng);
    }

    public Linear init(Init init, Random rng) {
        params.init("Linear " + name, init, rng);
        return this;
    }

    public Param weight() {
        return params.weight;
    }

    public Param bias() {
        return params.bias;
    }

    public int inputSize() {
        return in;
    }

    public int outputSize() {
        return out;
    }

    @Override
    public String name() {
        return name + " (Linear " + in + "→" + out + ")";
    }

    @Override
    public List<Param> params() {
        return params.list();
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Cache cache) {
        if (x.numCols != in) {
            throw new IllegalArgumentException(String.format(
                    "layer %s: input %s does not fit weight %s (the input needs %d columns)",
                    name(), Blas.shape(x), Blas.shape(params.weight.value()), in));
        }
        int n = x.numRows;
        DMatrixRMaj y = cache.output(n, out);
        cache.setInput(x);
        double[] b = params.bias.value().data;
        double[] yd = y.data;
        for (int i = 0; i < n; i++) {
            System.arraycopy(b, 0, yd, i * out, out);
        }
        Blas.gemm(false, false, 1.0, x, params.weight.value(), 1.0, y);
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj gradOut, Cache cache, boolean needInputGradient) {
        DMatrixRMaj x = cache.input();
        if (gradOut.numRows != x.numRows || gradOut.numCols != out) {
            throw new IllegalArgumentException(String.format(
                    "layer %s: upstream gradient %s does not match its output %dx%d",
                    name(), Blas.shape(gradOut), x.numRows, out));
        }
        Blas.gemm(true, false, 1.0, x, gradOut, 1.0, params.weight.grad());
        double[] gb = params.bias.grad().data;
        double[] g = gradOut.data;
        int n = gradOut.numRows;
        for (int i = 0; i < n; i++) {
            int row = i * out;
            for (int j = 0; j < out; j++) {
                gb[j] += g[row + j];
            }
        }
        if (!needInputGradient) {
            return null;
        }
        DMatrixRMaj gin = cache.gradInput(n, in);
        Blas.gemm(false, true, 1.0, gradOut, params.weight.value(), 0.0, gin);
        return gin;
    }
}
