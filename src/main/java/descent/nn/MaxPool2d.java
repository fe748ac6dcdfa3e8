package descent.nn;

import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;

/**
 * Max pooling over k×k windows with stride s, channel by channel, on the layout of {@link Conv2d} (row n holds
 * C feature maps of H×W, index c·H·W + i·W + j). Output (c, i, j) is the largest input in the window starting at
 * (i·s, j·s); the output is C×H_o×W_o with H_o = ⌊(H − k)/s⌋ + 1 (no padding). Pooling makes the representation
 * roughly invariant to small translations (Goodfellow et al. §9.3); backward is the "Max" row of Aggarwal's Table 3.1:
 * the gradient goes to the winning input of each window (the first one on a tie) and 0 to the others.
 * {@link StochasticPooling} samples the window's entry instead of taking the largest.
 */
public final class MaxPool2d extends Pooling2d {


    /** Non-overlapping k×k pooling (stride k), the usual choice. */
    public MaxPool2d(int channels, int height, int width, int size) {
        this(channels, height, width, size, size);
    }

    public MaxPool2d(int channels, int height, int width, int size, int stride) {
        super("MaxPool2d", channels, height, width, size, stride);
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Cache cache) {
        windows.requireInput(this, x);
        int n = x.numRows;
        int in = inputSize(), out = outputSize(), window = windows.windowSize();
        DMatrixRMaj y = cache.output(n, out);
        int[] arg = cache.indices(n * out);
        cache.setInput(x);
        double[] xd = x.data;
        int k = 0;
        for (int e = 0; e < n; e++) {
            for (int o = 0; o < out; o++) {
                int corner = e * in + windows.start(o);
                int best = corner;
                for (int t = 1; t < window; t++) {
                    int idx = corner + windows.offset(t);
                    if (xd[idx] > xd[best]) {
                        best = idx;
                    }
                }
                arg[k] = best;
                y.data[k++] = xd[best];
            }
        }
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj gradOut, Cache cache, boolean needInputGradient) {
        DMatrixRMaj x = cache.input();
        int n = x.numRows;
        int out = outputSize();
        windows.requireGradient(this, gradOut, n);
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
