package descent.nn;

import descent.init.Init;
import org.ejml.data.DMatrixRMaj;

import java.util.List;
import java.util.Random;

/**
 * A 1-D convolution (cross-correlation): F filters of size C×k slide along a C×L sequence with stride s and zero
 * padding p, giving F×L_o outputs with L_o = ⌊(L + 2p − k)/s⌋ + 1. Row n of the input holds sequence n channel by
 * channel (index c·L + t); row n of the output holds the F output sequences the same way (index f·L_o + t).
 *
 * <p>This is {@link Conv2d} with height 1 and kernel height 1 (same im2col + GEMM algorithm, same shared-weight
 * gradient), kept as its own class so that shapes and error messages speak of sequences.
 */
public final class Conv1d implements Layer {

    private final Conv2d conv;

    /** A layer with zero weights (fill them with {@link #init}). */
    public Conv1d(String name, int channels, int length, int filters, int kernel, int stride, int padding) {
        this.conv = new Conv2d(name, true, channels, 1, length, filters, 1, kernel, 1, stride, 0, padding);
    }

    /** As {@link #Conv1d(String, int, int, int, int, int, int)} with weights from {@code init} and {@code rng}. */
    public Conv1d(String name, int channels, int length, int filters, int kernel, int stride, int padding,
                  Init init, Random rng) {
        this(name, channels, length, filters, kernel, stride, padding);
        init(init, rng);
    }

    public Conv1d init(Init init, Random rng) {
        conv.init(init, rng);
        return this;
    }

    /** The shared filters, (C·k) × F: column f is filter f flattened as (c, t). */
    public Param weight() {
        return conv.weight();
    }

    public Param bias() {
        return conv.bias();
    }

    public int inputSize() {
        return conv.inputSize();
    }

    public int outputSize() {
        return conv.outputSize();
    }

    /** L_o = ⌊(L + 2p − k)/s⌋ + 1. */
    public int outputLength() {
        return conv.outputWidth();
    }

    /** The dense (C·L) × (F·L_o) matrix with the same action (see {@link Conv2d#toDense}). */
    public DMatrixRMaj toDense() {
        return conv.toDense();
    }

    @Override
    public String name() {
        return conv.name();
    }

    @Override
    public List<Param> params() {
        return conv.params();
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Cache cache) {
        return conv.forward(x, cache);
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj gradOut, Cache cache, boolean needInputGradient) {
        return conv.backward(gradOut, cache, needInputGradient);
    }
}
