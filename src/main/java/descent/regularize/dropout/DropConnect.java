package descent.regularize.dropout;

import descent.linalg.Blas;
import descent.nn.Cache;
import descent.nn.Layer;
import descent.nn.RandomizedLayer;
import descent.nn.Linear;
import descent.nn.Param;
import org.ejml.data.DMatrixRMaj;

import java.util.List;
import java.util.Random;

/**
 * DropConnect (Wan et al. 2013, named in the draft of Goodfellow et al. ch. 7, §7.11): instead of dropping units,
 * each scalar weight W_ij — one product between a unit and a weight — is kept with probability p. The layer wraps a
 * {@link Linear} (its weights, bias and initialization) and, in training mode, draws a mask M ∈ {0,1}^{n_in×n_out}
 * afresh for every forward pass:
 * <pre>
 *   training:   Z = X (M ⊙ W) + 1bᵀ        (VANILLA; INVERTED uses M/p)
 *   backward:   ∂L/∂W += (XᵀG) ⊙ M,   ∂L/∂b += Σ_rows G,   ∂L/∂X = G (M ⊙ W)ᵀ
 *   inference:  Z = X (pW) + 1bᵀ           (VANILLA, weight scaling; INVERTED uses W)
 * </pre>
 * Biases are never dropped. <b>Choice beyond the sources</b>: one mask per forward pass, shared by the examples of
 * the minibatch (Wan et al. draw one per example, which costs a GEMM per example); and weight scaling at inference,
 * where Wan et al. moment-match a Gaussian. Every product goes through {@link Blas#gemm}.
 */
public final class DropConnect implements RandomizedLayer {

    private final Linear linear;
    private final double p;
    private final Dropout.Mode mode;
    private Random rng;
    private boolean training = true;

    public DropConnect(Linear linear, double keep, Dropout.Mode mode, Random rng) {
        if (linear == null) {
            throw new IllegalArgumentException("DropConnect wraps a Linear layer, got null");
        }
        this.p = Dropout.requireKeep("DropConnect " + linear.name(), keep);
        if (mode == null || rng == null) {
            throw new IllegalArgumentException("DropConnect " + linear.name() + " needs a mode and a seeded Random, got "
                    + mode + " and " + rng);
        }
        this.linear = linear;
        this.mode = mode;
        this.rng = rng;
    }

    @Override
    public Random generator() {
        return rng;
    }

    @Override
    public void setGenerator(Random rng) {
        this.rng = RandomizedLayer.requireGenerator(this, rng);
    }

    public Linear linear() {
        return linear;
    }

    public double keep() {
        return p;
    }

    @Override
    public String name() {
        return "DropConnect(p=" + p + ", " + mode.name().toLowerCase() + ") " + linear.name();
    }

    @Override
    public List<Param> params() {
        return linear.params();
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
    }

    /** The weights the last forward pass with this cache used, M ⊙ W (or M/p ⊙ W, pW, W): a view of its buffer. */
    public DMatrixRMaj usedWeights(Cache cache) {
        return cache.buffer(0, linear.inputSize(), linear.outputSize());
    }

    /** The multiplier of each weight in the last forward pass (M, M/p, p or 1): a view of the cache's buffer. */
    public DMatrixRMaj multiplier(Cache cache) {
        return cache.buffer(1, linear.inputSize(), linear.outputSize());
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Cache cache) {
        int in = linear.inputSize(), out = linear.outputSize();
        if (x.numCols != in) {
            throw new IllegalArgumentException(String.format("layer %s: input %s does not fit weight %dx%d (the input needs %d columns)",
                    name(), Blas.shape(x), in, out, in));
        }
        double[] w = linear.weight().value().data;
        DMatrixRMaj wm = cache.buffer(0, in, out), m = cache.buffer(1, in, out);
        double kept = training ? (mode == Dropout.Mode.VANILLA ? 1.0 : 1.0 / p) : (mode == Dropout.Mode.VANILLA ? p : 1.0);
        for (int k = 0; k < w.length; k++) {
            m.data[k] = training && rng.nextDouble() >= p ? 0.0 : kept;
            wm.data[k] = m.data[k] * w[k];
        }
        cache.setInput(x);
        DMatrixRMaj y = cache.output(x.numRows, out);
        double[] b = linear.bias().value().data;
        for (int i = 0; i < x.numRows; i++) {
            System.arraycopy(b, 0, y.data, i * out, out);
        }
        Blas.gemm(false, false, 1.0, x, wm, 1.0, y);
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj gradOut, Cache cache, boolean needInputGradient) {
        int in = linear.inputSize(), out = linear.outputSize();
        DMatrixRMaj x = cache.input();
        Layer.requireShape(this, "the upstream gradient", gradOut, x.numRows, out);
        DMatrixRMaj wm = cache.buffer(0, in, out), m = cache.buffer(1, in, out), xg = cache.buffer(2, in, out);
        Blas.gemm(true, false, 1.0, x, gradOut, 0.0, xg);
        double[] gw = linear.weight().grad().data;
        for (int k = 0; k < gw.length; k++) {
            gw[k] += xg.data[k] * m.data[k];
        }
        double[] gb = linear.bias().grad().data;
        for (int i = 0; i < gradOut.numRows; i++) {
            for (int j = 0; j < out; j++) {
                gb[j] += gradOut.data[i * out + j];
            }
        }
        if (!needInputGradient) {
            return null;
        }
        DMatrixRMaj gin = cache.gradInput(x.numRows, in);
        Blas.gemm(false, true, 1.0, gradOut, wm, 0.0, gin);
        return gin;
    }
}
