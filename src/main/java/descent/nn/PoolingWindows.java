package descent.nn;

import descent.linalg.Blas;
import org.ejml.data.DMatrixRMaj;

/**
 * The geometry the pooling layers share ({@link MaxPool2d}, {@link StochasticPooling}): k×k windows with stride s over
 * C feature maps of H×W in the layout of {@link Conv2d} (row n holds index c·H·W + i·W + j), no padding, so the output
 * is C×H_o×W_o with H_o = ⌊(H − k)/s⌋ + 1, row n holding index c·H_o·W_o + i·W_o + j. The argument checks and shape
 * messages are written here once.
 *
 * <p>The windows are two tables computed in the constructor: {@link #start} gives, for each output position of one
 * example, the input index of its window's top-left entry; {@link #offset} gives the k² steps from there to the
 * window's entries in row-major order (di·W + dj). Input entry t of window o of example n is therefore
 * n·C·H·W + start[o] + offset[t].
 */
final class PoolingWindows {

    final int channels;
    final int height;
    final int width;
    final int size;
    final int stride;
    final int outHeight;
    final int outWidth;
    private final int[] starts;
    private final int[] offsets;

    /** @param kind the layer's class name, for the messages */
    PoolingWindows(String kind, int channels, int height, int width, int size, int stride) {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException(kind + " needs positive input sizes, got " + channels + "×" + height + "×" + width);
        }
        if (size <= 0 || stride <= 0) {
            throw new IllegalArgumentException(kind + " needs a window ≥ 1 and a stride ≥ 1, got window " + size
                    + " and stride " + stride);
        }
        if (size > height || size > width) {
            throw new IllegalArgumentException(kind + ": a " + size + "×" + size + " window does not fit the input "
                    + channels + "×" + height + "×" + width);
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.size = size;
        this.stride = stride;
        this.outHeight = (height - size) / stride + 1;
        this.outWidth = (width - size) / stride + 1;
        this.starts = new int[channels * outHeight * outWidth];
        int o = 0;
        for (int c = 0; c < channels; c++) {
            for (int oi = 0; oi < outHeight; oi++) {
                for (int oj = 0; oj < outWidth; oj++) {
                    starts[o++] = c * height * width + oi * stride * width + oj * stride;
                }
            }
        }
        this.offsets = new int[size * size];
        for (int di = 0, t = 0; di < size; di++) {
            for (int dj = 0; dj < size; dj++) {
                offsets[t++] = di * width + dj;
            }
        }
    }

    int inputSize() {
        return channels * height * width;
    }

    int outputSize() {
        return starts.length;
    }

    /** k², the entries of one window. */
    int windowSize() {
        return offsets.length;
    }

    /** The input index (within one example's row) of output position o's top-left window entry. */
    int start(int o) {
        return starts[o];
    }

    /** The step from a window's top-left entry to its entry t (row-major, t &lt; k²). */
    int offset(int t) {
        return offsets[t];
    }

    /** "C×H×W → C×H_o×W_o, window k, stride s", for a layer's name. */
    String describe() {
        return String.format("%d×%d×%d → %d×%d×%d, window %d, stride %d",
                channels, height, width, channels, outHeight, outWidth, size, stride);
    }

    /** "channel c, row i, column j" of an index within one example's input row. */
    String position(int index) {
        int hw = height * width;
        return "channel " + index / hw + ", row " + index % hw / width + ", column " + index % width;
    }

    /** Throws the standard message unless each row of {@code x} holds one C×H×W input. */
    void requireInput(Layer layer, DMatrixRMaj x) {
        if (x.numCols != inputSize()) {
            throw new IllegalArgumentException(String.format(
                    "layer %s: input %s does not fit: each row must hold one %d×%d×%d map flattened (%d values), not %d",
                    layer.name(), Blas.shape(x), channels, height, width, inputSize(), x.numCols));
        }
    }

    /** Throws the standard message unless the upstream gradient is rows×(C·H_o·W_o), the last output's shape. */
    void requireGradient(Layer layer, DMatrixRMaj gradOut, int rows) {
        if (gradOut.numRows != rows || gradOut.numCols != outputSize()) {
            throw new IllegalArgumentException(String.format(
                    "layer %s: upstream gradient %s does not match its output %dx%d", layer.name(), Blas.shape(gradOut),
                    rows, outputSize()));
        }
    }
}
