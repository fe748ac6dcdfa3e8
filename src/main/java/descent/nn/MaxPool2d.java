package descent.nn;

import descent.linalg.Blas;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;

/**
 * Max pooling over k×k windows with stride s, channel by channel, on the layout of {@link Conv2d} (row n holds
 * C feature maps of H×W, index c·H·W + i·W + j). Output (c, i, j) is the largest input in the window starting at
 * (i·s, j·s); the output is C×H_o×W_o with H_o = ⌊(H − k)/s⌋ + 1 (no padding). Pooling makes the representation
 * roughly invariant to small translations (Goodfellow et al. §9.3); backward is the "Max" row of Aggarwal's Table 3.1:
 * the gradient goes to the winning input of each window (the first one on a tie) and 0 to the others.
 */
public final class MaxPool2d implements Layer {

    private final int channels;
    private final int height;
    private final int width;
    private final int size;
    private final int stride;
    private final int outHeight;
    private final int outWidth;

    /** Non-overlapping k×k pooling (stride k), the usual choice. */
    public MaxPool2d(int channels, int height, int width, int size) {
        this(channels, height, width, size, size);
    }

    public MaxPool2d(int channels, int height, int width, int size, int stride) {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("MaxPool2d needs positive input sizes, got " + channels + "×" + height + "×" + width);
        }
        if (size <= 0 || stride <= 0) {
            throw new IllegalArgumentException("MaxPool2d needs a window ≥ 1 and a stride ≥ 1, got window " + size
                    + " and stride " + stride);
        }
        if (size > height || size > width) {
            throw new IllegalArgumentException("MaxPool2d: a " + size + "×" + size + " window does not fit the input "
                    + channels + "×" + height + "×" + width);
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.size = size;
        this.stride = stride;
        this.outHeight = (height - size) / stride + 1;
        this.outWidth = (width - size) / stride + 1;
    }

    public int inputSize() {
        return channels * height * width;
    }

    public int outputSize() {
        return channels * outHeight * outWidth;
    }

    public int outputHeight() {
        return outHeight;
    }

    public int outputWidth() {
        return outWidth;
    }

    @Override
    public String name() {
        return String.format("MaxPool2d %d×%d×%d → %d×%d×%d, window %d, stride %d",
                channels, height, width, channels, outHeight, outWidth, size, stride);
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Cache cache) {
        if (x.numCols != inputSize()) {
            throw new IllegalArgumentException(String.format(
                    "layer %s: input %s does not fit: each row must hold one %d×%d×%d map flattened (%d values), not %d",
                    name(), Blas.shape(x), channels, height, width, inputSize(), x.numCols));
        }
        int n = x.numRows;
        int out = outputSize();
        DMatrixRMaj y = cache.output(n, out);
        int[] arg = cache.indices(n * out);
        cache.setInput(x);
        double[] xd = x.data;
        int hw = height * width;
        int k = 0;
        for (int e = 0; e < n; e++) {
            for (int c = 0; c < channels; c++) {
                int base = (e * channels + c) * hw;
                for (int oi = 0; oi < outHeight; oi++) {
                    for (int oj = 0; oj < outWidth; oj++) {
                        int best = base + oi * stride * width + oj * stride;
                        for (int di = 0; di < size; di++) {
                            int row = base + (oi * stride + di) * width + oj * stride;
                            for (int dj = 0; dj < size; dj++) {
                                if (xd[row + dj] > xd[best]) {
                                    best = row + dj;
                                }
                            }
                        }
                        arg[k] = best;
                        y.data[k++] = xd[best];
                    }
                }
            }
        }
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj gradOut, Cache cache, boolean needInputGradient) {
        DMatrixRMaj x = cache.input();
        int n = x.numRows;
        int out = outputSize();
        if (gradOut.numRows != n || gradOut.numCols != out) {
            throw new IllegalArgumentException(String.format(
                    "layer %s: upstream gradient %s does not match its output %dx%d", name(), Blas.shape(gradOut), n, out));
        }
        if (!needInputGradient) {
            return null;
        }
        DMatrixRMaj gin = cache.gradInput(n, inputSize());
        Arrays.fill(gin.data, 0, gin.getNumElements(), 0.0);
        int[] arg = cache.indices(n * out);
        for (int k = 0; k < n * out; k++) {
            gin.data[arg[k]] += gradOut.data[k];
        }
        return gin;
    }
}
