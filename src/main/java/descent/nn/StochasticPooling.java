package descent.nn;

import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.Random;

/**
 * Stochastic pooling (Zeiler and Fergus (2013), "Stochastic pooling for regularization of deep convolutional neural
 * networks", ICLR), named in the draft of Goodfellow et al.'s chapter 7 ("Regularization of Deep or Distributed
 * Models", §7.11) next to dropout and DropConnect as a randomized way to train an implicit ensemble of convolutional
 * networks, each member looking at different positions of each feature map. Same windows and layout as
 * {@link MaxPool2d}: k×k regions R_j with stride s over C maps of H×W (row n holds index c·H·W + i·W + j), output
 * C×H_o×W_o with H_o = ⌊(H − k)/s⌋ + 1.
 *
 * <p>Algorithm, for each region R_j of non-negative activations a_i (the layer belongs after a ReLU):
 * <pre>
 *   p_i = a_i / Σ_{k∈R_j} a_k                          sampling probabilities, i ∈ R_j
 *   training:   l ~ Multinomial(p_1, …, p_|R_j|)      one index per region and per pass, from the seeded source
 *               s_j = a_l                              (s_j = 0 when every a_i in R_j is 0)
 *               ∂L/∂a_i = [i = l] ∂L/∂s_j              the gradient goes to the sampled entry only, as max pooling's
 *                                                      goes to the argmax
 *   inference:  s_j = Σ_{i∈R_j} p_i a_i = Σ a_i² / Σ a_i      Zeiler and Fergus's probabilistic weighting
 *               ∂s_j/∂a_i = (2a_i − s_j) / Σ_k a_k
 * </pre>
 * The inference output is the expected value of the training output, E[s_j] = Σ p_i a_i, just as dropout's weight
 * scaling rule replaces the random mask by its expectation. It lies between the mean and the maximum of the region.
 *
 * <p>Choices beyond the paper: an all-zero region outputs 0 in both modes and passes no gradient back (nothing was
 * sampled; a ReLU in front passes none there anyway). A negative or non-finite activation is rejected in both modes
 * with its value and position, because p_i would not be a probability. Regions are sampled in output order
 * (example, channel, row, column), one {@code nextDouble()} per region with a positive sum, so the same seed gives the
 * same draws. Every buffer lives in the {@link Cache}: after warm-up a pass allocates nothing.
 */
public final class StochasticPooling extends Pooling2d implements RandomizedLayer {

    private static final int MODE_SLOT = 0;

    private Random rng;
    private boolean training = true;

    /** Non-overlapping k×k regions (stride k), as in Zeiler and Fergus's networks (3×3 there). */
    public StochasticPooling(int channels, int height, int width, int size, Random rng) {
        this(channels, height, width, size, size, rng);
    }

    /**
     * @param channels C, height H, width W: the input maps (the layout of {@link Conv2d})
     * @param size     k, the region's height and width
     * @param stride   s ≥ 1 (s &lt; k gives overlapping regions)
     * @param rng      the seeded source of the sampled indices; give each layer its own (see {@link #writeState})
     */
    public StochasticPooling(int channels, int height, int width, int size, int stride, Random rng) {
        super("StochasticPooling", channels, height, width, size, stride);
        if (rng == null) {
            throw new IllegalArgumentException("StochasticPooling needs a seeded Random to sample from, got null");
        }
        this.rng = rng;
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
    }

    public boolean isTraining() {
        return training;
    }

    @Override
    public Random generator() {
        return rng;
    }

    @Override
    public void setGenerator(Random rng) {
        this.rng = RandomizedLayer.requireGenerator(this, rng);
    }

    /**
     * The input column (within the example's row, 0 ≤ · &lt; C·H·W) that the last forward pass with this cache sampled
     * for output {@code output} of example {@code example}; −1 if that region was all zero or the pass was in
     * inference mode (nothing is sampled there).
     */
    public int sampled(Cache cache, int example, int output) {
        DMatrixRMaj y = cache.output();
        if (example < 0 || example >= y.numRows || output < 0 || output >= outputSize()) {
            throw new IllegalArgumentException(String.format("%s: no output (%d, %d) in the last pass's %dx%d output",
                    name(), example, output, y.numRows, y.numCols));
        }
        if (!trainedLast(cache)) {
            return -1;
        }
        int at = cache.indices(y.numRows * outputSize())[example * outputSize() + output];
        return at < 0 ? -1 : at - example * inputSize();
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Cache cache) {
        windows.requireInput(this, x);
        int n = x.numRows;
        int in = inputSize(), out = outputSize(), window = windows.windowSize();
        DMatrixRMaj y = cache.output(n, out);
        int[] chosen = cache.indices(n * out);
        cache.setInput(x);
        cache.buffer(MODE_SLOT, 1, 1).data[0] = training ? 1 : 0;
        double[] a = x.data;
        int k = 0;
        for (int e = 0; e < n; e++) {
            for (int o = 0; o < out; o++, k++) {
                int corner = e * in + windows.start(o);
                double sum = 0, squares = 0;
                for (int t = 0; t < window; t++) {
                    int i = corner + windows.offset(t);
                    double v = a[i];
                    if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
                        throw negative(v, e, i - e * in);
                    }
                    sum += v;
                    squares += v * v;
                }
                if (sum == 0) {
                    chosen[k] = -1;
                    y.data[k] = 0;
                } else if (training) {
                    chosen[k] = sample(a, corner, window, sum);
                    y.data[k] = a[chosen[k]];
                } else {
                    chosen[k] = -1;
                    y.data[k] = squares / sum;
                }
            }
        }
        return y;
    }

    /**
     * One index of the region with probability a_i / sum: the first i whose running sum exceeds u·sum. The running sum
     * adds the entries in the order {@code sum} was computed, so it ends exactly at sum &gt; u·sum; an entry equal to 0
     * never raises it and is never chosen.
     */
    private int sample(double[] a, int corner, int window, double sum) {
        double u = rng.nextDouble() * sum, running = 0;
        int last = -1;
        for (int t = 0; t < window; t++) {
            int i = corner + windows.offset(t);
            if (a[i] > 0) {
                running += a[i];
                last = i;
                if (u < running) {
                    return i;
                }
            }
        }
        return last;
    }

    private IllegalArgumentException negative(double v, int example, int column) {
        return new IllegalArgumentException(String.format(
                "layer %s: stochastic pooling needs finite, non-negative activations (put it after a ReLU), got %s at example %d, "
                        + "input column %d (%s)", name(), v, example, column, windows.position(column)));
    }

    private static boolean trainedLast(Cache cache) {
        return cache.buffer(MODE_SLOT, 1, 1).data[0] == 1;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj gradOut, Cache cache, boolean needInputGradient) {
        DMatrixRMaj x = cache.input();
        int n = x.numRows;
        int in = inputSize(), out = outputSize();
        windows.requireGradient(this, gradOut, n);
        if (!needInputGradient) {
            return null;
        }
        DMatrixRMaj gin = cache.gradInput(n, in);
        Arrays.fill(gin.data, 0, gin.getNumElements(), 0.0);
        double[] g = gradOut.data, gi = gin.data;
        if (trainedLast(cache)) {
            int[] chosen = cache.indices(n * out);
            for (int k = 0; k < n * out; k++) {
                if (chosen[k] >= 0) {
                    gi[chosen[k]] += g[k];
                }
            }
            return gin;
        }
        double[] a = x.data, s = cache.output().data;
        int window = windows.windowSize();
        for (int e = 0, k = 0; e < n; e++) {
            for (int o = 0; o < out; o++, k++) {
                int corner = e * in + windows.start(o);
                double sum = 0;
                for (int t = 0; t < window; t++) {
                    sum += a[corner + windows.offset(t)];
                }
                if (sum == 0) {
                    continue;
                }
                double scale = g[k] / sum;
                for (int t = 0; t < window; t++) {
                    int i = corner + windows.offset(t);
                    gi[i] += scale * (2 * a[i] - s[k]);
                }
            }
        }
        return gin;
    }
}
