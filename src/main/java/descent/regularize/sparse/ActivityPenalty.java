package descent.regularize.sparse;

import descent.linalg.Blas;
import descent.nn.Cache;
import descent.nn.Layer;
import org.ejml.data.DMatrixRMaj;

/**
 * A penalty on a layer's <em>activations</em> h rather than on the parameters (Goodfellow et al. §7.10, eq. 7.48:
 * J̃ = J + αΩ(h)). Put it in a network right after the layer whose output should be sparse: forward passes h through
 * unchanged and records αΩ(h) ({@link #value()}); backward adds α∇_hΩ(h) to the gradient flowing into h, so every
 * parameter below receives the penalty's gradient with the data loss's. The network's loss does not include αΩ; add
 * {@link #value()} to it when the total objective is needed.
 *
 * <p>Subclasses define Ω for a batch H (m × n, row i = h⁽ⁱ⁾). Per-example penalties are averaged over the batch, like a
 * loss with {@code Reduction.MEAN}. The buffers live in the cache, so a step allocates nothing.
 */
public abstract class ActivityPenalty implements Layer {

    private double value = Double.NaN;

    /** Checks a coefficient: finite and ≥ 0, with its name and value in the message. */
    static double coefficient(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and ≥ 0, got " + v);
        }
        return v;
    }

    /** αΩ(h) for the batch of the last forward pass (NaN before the first). */
    public final double value() {
        return value;
    }

    /** αΩ(H) for a batch; does not change {@link #value()}. */
    public final double value(DMatrixRMaj h) {
        return penalty(h, null);
    }

    /**
     * Computes αΩ(H); when {@code grad} is not null (same shape as H) also <em>adds</em> α∇_HΩ(H) into it.
     */
    protected abstract double penalty(DMatrixRMaj h, DMatrixRMaj grad);

    @Override
    public final DMatrixRMaj forward(DMatrixRMaj x, Cache cache) {
        cache.setInput(x);
        value = penalty(x, null);
        return x;
    }

    @Override
    public final DMatrixRMaj backward(DMatrixRMaj gradOut, Cache cache, boolean needInputGradient) {
        DMatrixRMaj h = cache.input();
        if (gradOut.numRows != h.numRows || gradOut.numCols != h.numCols) {
            throw new IllegalArgumentException(String.format("layer %s: upstream gradient %s does not match its output %s",
                    name(), Blas.shape(gradOut), Blas.shape(h)));
        }
        if (!needInputGradient) {
            return null;
        }
        DMatrixRMaj gin = cache.gradInput(h.numRows, h.numCols);
        System.arraycopy(gradOut.data, 0, gin.data, 0, gradOut.getNumElements());
        penalty(h, gin);
        return gin;
    }
}
