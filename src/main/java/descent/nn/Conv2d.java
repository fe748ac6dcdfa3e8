package descent.nn;

import descent.init.Init;
import descent.linalg.Blas;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A 2-D convolution layer (strictly a cross-correlation, as in every deep-learning library): F filters of size
 * C×k_h×k_w slide over a C×H×W input with stride s and zero padding p. This is the standard example of
 * <em>parameter sharing</em> (Goodfellow et al. §7.9): every output position of filter f uses the same
 * C·k_h·k_w weights, so a layer with H_o·W_o·F outputs has only C·k_h·k_w·F + F parameters, where a dense layer
 * between the same shapes would have C·H·W·F·H_o·W_o + F·H_o·W_o.
 *
 * <p>Layout, batch-major like every {@link Layer}: row n of the input holds image n flattened channel by channel,
 * then row by row (index c·H·W + i·W + j); row n of the output holds the F feature maps the same way
 * (index f·H_o·W_o + i·W_o + j), with H_o = ⌊(H + 2p_h − k_h)/s_h⌋ + 1 and likewise W_o.
 *
 * <p>Algorithm (im2col; with P = H_o·W_o and a batch of N):
 * <pre>
 *   forward:  X̂ ← im2col(X)                      (C·k_h·k_w) × (N·P), column (n, i, j) = the patch under output (i, j) of image n
 *             Y' ← Wᵀ·X̂ + b1ᵀ                     F × (N·P), one GEMM
 *             Y  ← Y' regrouped by image           N × (F·P)
 *   backward: G' ← G regrouped by filter           F × (N·P)
 *             ∂L/∂W += X̂·G'ᵀ,  ∂L/∂b += G'·1       the shared weight's gradient is the sum over all positions (Aggarwal §3.2.9)
 *             ∂L/∂X̂  = W·G',   ∂L/∂X = col2im(∂L/∂X̂) (overlapping patches add up)
 * </pre>
 * W is stored as (C·k_h·k_w) × F, fan-in × fan-out like {@link Linear}, so the {@link Init} rules see the right fans.
 * The three products go through {@link Blas#gemm}; the im2col matrix, Y' and the gradient buffers live in the
 * {@link Cache} and are reused, so after the first batch of a given size a step allocates nothing.
 *
 * <p>{@link Conv1d} is this layer with H = 1 and k_h = 1.
 */
public final class Conv2d implements Layer {

    private final String name;
    private final boolean oneD;
    private final int channels;
    private final int height;
    private final int width;
    private final int filters;
    private final int kh;
    private final int kw;
    private final int sh;
    private final int sw;
    private final int ph;
    private final int pw;
    private final int outHeight;
    private final int outWidth;
    private final AffineParams params;

    /**
     * A layer with square k×k filters, the same stride and padding in both directions, and zero weights (fill them
     * with {@link #init}).
     *
     * @param channels C, the input's channels
     * @param height   H
     * @param width    W
     * @param filters  F, the number of output channels
     * @param kernel   k, the filter's height and width
     * @param stride   s ≥ 1
     * @param padding  p ≥ 0 zeros added on every side
     */
    public Conv2d(String name, int channels, int height, int width, int filters, int kernel, int stride, int padding) {
        this(name, false, channels, height, width, filters, kernel, kernel, stride, stride, padding, padding);
    }

    /** As {@link #Conv2d(String, int, int, int, int, int, int, int)} with weights from {@code init} and {@code rng}. */
    public Conv2d(String name, int channels, int height, int width, int filters, int kernel, int stride, int padding,
                  Init init, Random rng) {
        this(name, channels, height, width, filters, kernel, stride, padding);
        init(init, rng);
    }

    Conv2d(String name, boolean oneD, int channels, int height, int width, int filters, int kh, int kw,
           int sh, int sw, int ph, int pw) {
        String kind = oneD ? "Conv1d" : "Conv2d";
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a " + kind + " layer needs a name, got " + (name == null ? "null" : "\"" + name + "\""));
        }
        if (channels <= 0 || height <= 0 || width <= 0 || filters <= 0) {
            throw new IllegalArgumentException(String.format("%s %s needs positive sizes, got input %s and %d filters",
                    kind, name, shape(oneD, channels, height, width), filters));
        }
        if (kh <= 0 || kw <= 0) {
            throw new IllegalArgumentException(String.format("%s %s needs a positive kernel size, got %s",
                    kind, name, oneD ? String.valueOf(kw) : kh + "×" + kw));
        }
        if (sh <= 0 || sw <= 0) {
            throw new IllegalArgumentException(String.format("%s %s needs a stride ≥ 1, got %d", kind, name, Math.min(sh, sw)));
        }
        if (ph < 0 || pw < 0) {
            throw new IllegalArgumentException(String.format("%s %s needs a padding ≥ 0, got %d", kind, name, Math.min(ph, pw)));
        }
        if (kh > height + 2 * ph || kw > width + 2 * pw) {
            throw new IllegalArgumentException(String.format(
                    "%s %s: a %s kernel does not fit the input %s with padding %d (padded size %s)",
                    kind, name, oneD ? String.valueOf(kw) : kh + "×" + kw, shape(oneD, channels, height, width),
                    oneD ? pw : ph, oneD ? String.valueOf(width + 2 * pw) : (height + 2 * ph) + "×" + (width + 2 * pw)));
        }
        this.name = name;
        this.oneD = oneD;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.filters = filters;
        this.kh = kh;
        this.kw = kw;
        this.sh = sh;
        this.sw = sw;
        this.ph = ph;
        this.pw = pw;
        this.outHeight = (height + 2 * ph - kh) / sh + 1;
        this.outWidth = (width + 2 * pw - kw) / sw + 1;
        this.params = new AffineParams(name, channels * kh * kw, filters);
    }

    private static String shape(boolean oneD, int c, int h, int w) {
        return oneD ? c + "×" + w : c + "×" + h + "×" + w;
    }

    /** Weights from {@code init} (fan-in C·k_h·k_w, fan-out F) with the seeded {@code rng}; biases stay zero. */
    public Conv2d init(Init init, Random rng) {
        params.init("layer " + name(), init, rng);
        return this;
    }

    /** The shared filters, (C·k_h·k_w) × F: column f is filter f flattened as (c, i, j). */
    public Param weight() {
        return params.weight;
    }

    /** One bias per filter, 1 × F. */
    public Param bias() {
        return params.bias;
    }

    public int inputSize() {
        return channels * height * width;
    }

    public int outputSize() {
        return filters * outHeight * outWidth;
    }

    /** H_o = ⌊(H + 2p − k)/s⌋ + 1 (1 for a 1-D layer). */
    public int outputHeight() {
        return outHeight;
    }

    /** W_o = ⌊(W + 2p − k)/s⌋ + 1. */
    public int outputWidth() {
        return outWidth;
    }

    public int filters() {
        return filters;
    }

    @Override
    public String name() {
        if (oneD) {
            return String.format("%s (Conv1d %d×%d → %d×%d, kernel %d, stride %d, padding %d)",
                    name, channels, width, filters, outWidth, kw, sw, pw);
        }
        return String.format("%s (Conv2d %d×%d×%d → %d×%d×%d, kernel %d×%d, stride %d, padding %d)",
                name, channels, height, width, filters, outHeight, outWidth, kh, kw, sh, ph);
    }

    @Override
    public List<Param> params() {
        return params.list();
    }

    /**
     * The dense matrix this layer multiplies by: D of shape (C·H·W) × (F·H_o·W_o) with y = x·D + b (b repeated over
     * positions). Each filter weight appears once per output position it touches: the hard parameter sharing of
     * Goodfellow §7.9 written out. For teaching and tests; it allocates.
     */
    public DMatrixRMaj toDense() {
        int p = outHeight * outWidth;
        DMatrixRMaj d = new DMatrixRMaj(inputSize(), filters * p);
        double[] wv = params.weight.value().data;
        for (int f = 0; f < filters; f++) {
            for (int oi = 0; oi < outHeight; oi++) {
                for (int oj = 0; oj < outWidth; oj++) {
                    int col = f * p + oi * outWidth + oj;
                    for (int c = 0; c < channels; c++) {
                        for (int ki = 0; ki < kh; ki++) {
                            int i = oi * sh - ph + ki;
                            if (i < 0 || i >= height) {
                                continue;
                            }
                            for (int kj = 0; kj < kw; kj++) {
                                int j = oj * sw - pw + kj;
                                if (j < 0 || j >= width) {
                                    continue;
                                }
                                int row = (c * height + i) * width + j;
                                d.data[row * d.numCols + col] += wv[((c * kh + ki) * kw + kj) * filters + f];
                            }
                        }
                    }
                }
            }
        }
        return d;
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Cache cache) {
        if (x.numCols != inputSize()) {
            throw new IllegalArgumentException(String.format(
                    "layer %s: input %s does not convolve: each row must hold one %s image flattened (%d values), not %d",
                    name(), Blas.shape(x), shape(oneD, channels, height, width), inputSize(), x.numCols));
        }
        int n = x.numRows;
        int p = outHeight * outWidth;
        int np = n * p;
        int ckk = channels * kh * kw;
        cache.setInput(x);
        DMatrixRMaj cols = cache.buffer(0, ckk, np);
        patches(true, x.data, n, cols.data, np);
        DMatrixRMaj yf = cache.buffer(1, filters, np);
        double[] b = params.bias.value().data;
        for (int f = 0; f < filters; f++) {
            Arrays.fill(yf.data, f * np, (f + 1) * np, b[f]);
        }
        Blas.gemm(true, false, 1.0, params.weight.value(), cols, 1.0, yf);
        DMatrixRMaj y = cache.output(n, filters * p);
        int fp = filters * p;
        for (int e = 0; e < n; e++) {
            for (int f = 0; f < filters; f++) {
                System.arraycopy(yf.data, f * np + e * p, y.data, e * fp + f * p, p);
            }
        }
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj gradOut, Cache cache, boolean needInputGradient) {
        DMatrixRMaj x = cache.input();
        int n = x.numRows;
        int p = outHeight * outWidth;
        int fp = filters * p;
        if (gradOut.numRows != n || gradOut.numCols != fp) {
            throw new IllegalArgumentException(String.format(
                    "layer %s: upstream gradient %s does not match its output %dx%d",
                    name(), Blas.shape(gradOut), n, fp));
        }
        int np = n * p;
        int ckk = channels * kh * kw;
        DMatrixRMaj g = cache.buffer(1, filters, np);
        double[] gb = params.bias.grad().data;
        for (int f = 0; f < filters; f++) {
            for (int e = 0; e < n; e++) {
                System.arraycopy(gradOut.data, e * fp + f * p, g.data, f * np + e * p, p);
            }
            double s = 0;
            for (int k = f * np, end = (f + 1) * np; k < end; k++) {
                s += g.data[k];
            }
            gb[f] += s;
        }
        DMatrixRMaj cols = cache.buffer(0, ckk, np);
        Blas.gemm(false, true, 1.0, cols, g, 1.0, params.weight.grad());
        if (!needInputGradient) {
            return null;
        }
        DMatrixRMaj gcols = cache.buffer(2, ckk, np);
        Blas.gemm(false, false, 1.0, params.weight.value(), g, 0.0, gcols);
        DMatrixRMaj gin = cache.gradInput(n, inputSize());
        Arrays.fill(gin.data, 0, gin.getNumElements(), 0.0);
        patches(false, gin.data, n, gcols.data, np);
        return gin;
    }

    /** The first output column oj whose input column oj·s_w − p_w + kj is ≥ 0. */
    private int firstOutputInside(int kj) {
        return Math.min(outWidth, Math.max(0, (pw - kj + sw - 1) / sw));
    }

    /** One past the last output column oj whose input column oj·s_w − p_w + kj is &lt; W (at least the first one). */
    private int endOutputInside(int kj) {
        int last = width - 1 + pw - kj;
        int end = last < 0 ? 0 : last / sw + 1;
        return Math.max(firstOutputInside(kj), Math.min(outWidth, end));
    }

    /**
     * im2col ({@code toColumns}) or its adjoint col2im, as one walk over the pairs (column entry, input pixel): row
     * (c, ki, kj) of the column matrix, column n·P + i·W_o + j, pairs with x[n, c, i·s_h − p_h + ki, j·s_w − p_w + kj],
     * or with nothing where that falls in the padding. im2col sets every column entry to its pixel (0 in the padding);
     * col2im adds every column entry back to its pixel, so overlapping patches add up.
     */
    private void patches(boolean toColumns, double[] image, int n, double[] cols, int np) {
        int hw = height * width;
        int chw = channels * hw;
        int p = outHeight * outWidth;
        for (int c = 0; c < channels; c++) {
            for (int ki = 0; ki < kh; ki++) {
                for (int kj = 0; kj < kw; kj++) {
                    int rowBase = ((c * kh + ki) * kw + kj) * np;
                    int lo = firstOutputInside(kj);
                    int hi = endOutputInside(kj);
                    for (int e = 0; e < n; e++) {
                        int img = e * chw + c * hw;
                        int col = rowBase + e * p;
                        for (int oi = 0; oi < outHeight; oi++) {
                            int i = oi * sh - ph + ki;
                            int d = col + oi * outWidth;
                            if (i < 0 || i >= height) {
                                if (toColumns) {
                                    Arrays.fill(cols, d, d + outWidth, 0.0);
                                }
                                continue;
                            }
                            int pixel = img + i * width - pw + kj;
                            if (!toColumns) {
                                for (int oj = lo; oj < hi; oj++) {
                                    image[pixel + oj * sw] += cols[d + oj];
                                }
                                continue;
                            }
                            Arrays.fill(cols, d, d + lo, 0.0);
                            if (sw == 1) {
                                System.arraycopy(image, pixel + lo, cols, d + lo, hi - lo);
                            } else {
                                for (int oj = lo; oj < hi; oj++) {
                                    cols[d + oj] = image[pixel + oj * sw];
                                }
                            }
                            Arrays.fill(cols, d + hi, d + outWidth, 0.0);
                        }
                    }
                }
            }
        }
    }
}
