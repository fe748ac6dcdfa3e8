package descent.nn.norm;

import descent.init.Init;
import descent.linalg.Blas;
import descent.nn.Cache;
import descent.nn.Layer;
import descent.nn.Param;
import org.ejml.data.DMatrixRMaj;

import java.util.List;
import java.util.Random;

/**
 * A linear layer with weight normalization (Salimans &amp; Kingma, NIPS 2016; named in COMP541 lecture 4, slide
 * "Other normalization schemes" and in Aggarwal's bibliographic notes; formulas a supplement). Each output unit j's
 * weight vector (column j of the n_in × n_out matrix W of {@code Linear}) is re-parameterized by a direction v_j and a
 * length g_j:
 * <pre>
 *   w_j = g_j · v_j / ‖v_j‖,     y = xW + b
 *   ∂L/∂g_j = (∂L/∂w_j) · v_j / ‖v_j‖
 *   ∂L/∂v_j = (g_j / ‖v_j‖) · (∂L/∂w_j − (∂L/∂g_j) · v_j / ‖v_j‖)
 * </pre>
 * The gradient with respect to v is the one for w, scaled by g/‖v‖ and with its component along v removed. No batch
 * statistics are involved, so training and inference are the same. Starts with g_j = ‖v_j‖, i.e. W = v.
 */
public final class WeightNormLinear implements Layer {

    private final String name;
    private final int in;
    private final int out;
    private final Param v;
    private final Param g;
    private final Param bias;
    private final double[] norms;

    public WeightNormLinear(String name, int in, int out, Init init, Random rng) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("WeightNormLinear " + name + " needs positive sizes, got " + in + "→" + out);
        }
        this.name = name;
        this.in = in;
        this.out = out;
        this.v = new Param(name + ".v", new DMatrixRMaj(in, out));
        this.g = new Param(name + ".g", new DMatrixRMaj(1, out), Param.Role.OTHER);
        this.bias = new Param(name + ".b", new DMatrixRMaj(1, out), Param.Role.BIAS);
        this.norms = new double[out];
        init.fill(v.value(), rng);
        computeNorms();
        System.arraycopy(norms, 0, g.value().data, 0, out);
    }

    public Param direction() {
        return v;
    }

    public Param length() {
        return g;
    }

    public Param bias() {
        return bias;
    }

    @Override
    public String name() {
        return name + " (WeightNormLinear " + in + "→" + out + ")";
    }

    @Override
    public List<Param> params() {
        return List.of(v, g, bias);
    }

    /** The effective weight W (n_in × n_out), written into {@code w}. */
    public void weight(DMatrixRMaj w) {
        Layer.requireShape(this, "weight buffer", w, in, out);
        computeNorms();
        double[] vd = v.value().data, gd = g.value().data, wd = w.data;
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                wd[i * out + j] = gd[j] * vd[i * out + j] / norms[j];
            }
        }
    }

    private void computeNorms() {
        double[] vd = v.value().data;
        java.util.Arrays.fill(norms, 0);
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                norms[j] += vd[i * out + j] * vd[i * out + j];
            }
        }
        for (int j = 0; j < out; j++) {
            norms[j] = Math.sqrt(norms[j]);
            if (!(norms[j] > 0)) {
                throw new IllegalStateException("layer " + name() + ": direction v of unit " + j + " has norm " + norms[j]
                        + ", so w = g·v/‖v‖ is undefined");
            }
        }
    }

    // cache buffers: 0 = W (in×out); 1 = ∂L/∂W (in×out)

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Cache cache) {
        if (x.numCols != in) {
            throw new IllegalArgumentException(String.format("layer %s: input %s does not fit (the input needs %d columns)",
                    name(), Blas.shape(x), in));
        }
        int m = x.numRows;
        cache.setInput(x);
        DMatrixRMaj w = cache.buffer(0, in, out);
        weight(w);
        DMatrixRMaj y = cache.output(m, out);
        double[] b = bias.value().data;
        for (int r = 0; r < m; r++) {
            System.arraycopy(b, 0, y.data, r * out, out);
        }
        Blas.gemm(false, false, 1.0, x, w, 1.0, y);
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj gradOut, Cache cache, boolean needInputGradient) {
        DMatrixRMaj x = cache.input();
        int m = x.numRows;
        Layer.requireShape(this, "upstream gradient", gradOut, m, out);
        DMatrixRMaj dw = cache.buffer(1, in, out);
        Blas.gemm(true, false, 1.0, x, gradOut, 0.0, dw);
        double[] gb = bias.grad().data, gr = gradOut.data;
        for (int r = 0; r < m; r++) {
            for (int j = 0; j < out; j++) {
                gb[j] += gr[r * out + j];
            }
        }
        double[] vd = v.value().data, gd = g.value().data, dwd = dw.data, dv = v.grad().data, dg = g.grad().data;
        for (int j = 0; j < out; j++) {
            double s = 0;
            for (int i = 0; i < in; i++) {
                s += dwd[i * out + j] * vd[i * out + j];
            }
            double dgj = s / norms[j];
            dg[j] += dgj;
            double scale = gd[j] / norms[j];
            for (int i = 0; i < in; i++) {
                dv[i * out + j] += scale * (dwd[i * out + j] - dgj * vd[i * out + j] / norms[j]);
            }
        }
        if (!needInputGradient) {
            return null;
        }
        DMatrixRMaj gin = cache.gradInput(m, in);
        Blas.gemm(false, true, 1.0, gradOut, cache.buffer(0, in, out), 0.0, gin);
        return gin;
    }
}
