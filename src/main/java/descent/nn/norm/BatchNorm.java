package descent.nn.norm;

import descent.nn.Cache;
import descent.nn.Layer;
import descent.nn.Linear;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Batch normalization (Ioffe &amp; Szegedy 2015; Aggarwal §3.6, eqs. 3.58–3.65; COMP541 lecture 4, slides "Batch
 * Normalization"). For each unit i, over the m rows v⁽¹⁾ … v⁽ᵐ⁾ of a mini-batch:
 * <pre>
 *   μᵢ  = (1/m) Σᵣ vᵢ⁽ʳ⁾                                   (3.58)
 *   σᵢ² = (1/m) Σᵣ (vᵢ⁽ʳ⁾ − μᵢ)² + ε                         (3.59: ε sits inside σᵢ²)
 *   v̂ᵢ⁽ʳ⁾ = (vᵢ⁽ʳ⁾ − μᵢ)/σᵢ                                 (3.60)
 *   aᵢ⁽ʳ⁾ = γᵢ v̂ᵢ⁽ʳ⁾ + βᵢ                                   (3.61)
 * </pre>
 * Backward, with gᵣ = ∂L/∂aᵢ⁽ʳ⁾: ∂L/∂βᵢ = Σᵣ gᵣ and ∂L/∂γᵢ = Σᵣ gᵣ v̂ᵢ⁽ʳ⁾. For ∂L/∂vᵢ⁽ʳ⁾ the layer has two forms
 * ({@link Backward}), equal in exact arithmetic:
 * <ul>
 *   <li>{@link Backward#BOOK}, eqs. 3.62–3.65 term by term:
 *   ∂L/∂v⁽ʳ⁾ = gᵣγ/σ + (∂L/∂μ)/m + (∂L/∂σ²)·2(v⁽ʳ⁾ − μ)/m with ∂L/∂σ² = −(γ/2σ³) Σ_q g_q (v⁽q⁾ − μ) and
 *   ∂L/∂μ = −(γ/σ) Σ_q g_q + (∂L/∂σ²)·(−2/m) Σ_q (v⁽q⁾ − μ). The second term of ∂L/∂μ is identically zero because
 *   the deviations from the mean sum to zero (the book's typeset line for it is garbled); it is computed anyway, so
 *   that the code follows the book.</li>
 *   <li>{@link Backward#COMPACT} (the default; not printed in the book, same quantity regrouped):
 *   ∂L/∂v⁽ʳ⁾ = γ/(mσ) · [m gᵣ − Σ_q g_q − v̂⁽ʳ⁾ Σ_q g_q v̂⁽q⁾].</li>
 * </ul>
 * <b>Inference.</b> In inference mode ({@link #setTraining}(false)) the layer uses running estimates μ̄, σ̄² kept
 * during training ({@link RunningAverage}) and is the fixed affine map a = γ(v − μ̄)/√(σ̄² + ε) + β, which
 * {@link #foldInto} merges into the preceding linear layer. Its output for one example no longer depends on the
 * others in the batch.
 *
 * <p><b>Placement</b> (Aggarwal Fig. 3.18): between the linear map and the activation (pre-activation, the book's
 * and the lecture's choice; β then replaces the linear layer's bias, whose gradient is exactly zero) or after the
 * activation (post-activation). {@link #block} builds either.
 *
 * <p>Training mode needs m ≥ 2: with a single example the batch variance is 0, v̂ = 0 and every output equals β
 * whatever the input, so the layer would pass no information and no gradient (PyTorch refuses it the same way).
 * Buffers live in the {@link Cache}; after the first batch of a given size a step allocates nothing.
 */
public final class BatchNorm extends Normalization {

    /** Which backward formula {@link #backward} uses for ∂L/∂v in training mode. */
    public enum Backward { BOOK, COMPACT }

    /** Where the normalization sits relative to the activation (Aggarwal Fig. 3.18). */
    public enum Placement { PRE_ACTIVATION, POST_ACTIVATION }

    private final int n;
    private final double eps;
    private final RunningAverage running;
    private final double[] runningMean;
    private final double[] runningVar;
    private long batchesSeen;
    private boolean training = true;
    private Backward backwardForm = Backward.COMPACT;

    /**
     * @param name     for messages and parameter names
     * @param features the number of units normalized (the width of the input)
     * @param eps      ε &gt; 0, added to the variance inside the square root (eq. 3.59)
     * @param running  how the inference statistics are averaged
     */
    public BatchNorm(String name, int features, double eps, RunningAverage running) {
        super(name, requireFeatures("BatchNorm " + name, features));
        requireEps("BatchNorm " + name, eps);
        if (running == null) {
            throw new IllegalArgumentException("BatchNorm " + name + " needs a running-average convention, got null");
        }
        this.n = features;
        this.eps = eps;
        this.running = running;
        this.runningMean = new double[features];
        this.runningVar = new double[features];
        Arrays.fill(runningVar, 1.0);
    }

    /** PyTorch's defaults ({@code BatchNorm1d}): ε = 10⁻⁵, momentum 0.1 on the new value, unbiased running variance. */
    public BatchNorm(String name, int features) {
        this(name, features, 1e-5, RunningAverage.pytorch(0.1));
    }

    /** PyTorch's {@code BatchNorm1d(features, eps=1e-5, momentum=0.1)}. */
    public static BatchNorm pytorch(String name, int features) {
        return new BatchNorm(name, features, 1e-5, RunningAverage.pytorch(0.1));
    }

    /** Keras's {@code BatchNormalization(momentum=0.99, epsilon=1e-3)}. */
    public static BatchNorm keras(String name, int features) {
        return new BatchNorm(name, features, 1e-3, RunningAverage.keras(0.99));
    }

    /**
     * The layers of one hidden layer with batch normalization in the chosen place:
     * linear → BN → activation (pre-activation) or linear → activation → BN (post-activation).
     */
    public static List<Layer> block(Linear linear, Layer activation, BatchNorm bn, Placement placement) {
        if (linear.outputSize() != bn.n) {
            throw new IllegalArgumentException("BatchNorm " + bn.name() + " normalizes " + bn.n
                    + " features but " + linear.name() + " outputs " + linear.outputSize());
        }
        List<Layer> out = new ArrayList<>(3);
        out.add(linear);
        if (placement == Placement.PRE_ACTIVATION) {
            out.add(bn);
            out.add(activation);
        } else {
            out.add(activation);
            out.add(bn);
        }
        return out;
    }

    public BatchNorm backwardForm(Backward form) {
        this.backwardForm = form;
        return this;
    }

    public Backward backwardForm() {
        return backwardForm;
    }

    @Override
    public String name() {
        return name + " (BatchNorm " + n + ")";
    }

    public int features() {
        return n;
    }

    public double epsilon() {
        return eps;
    }

    public RunningAverage runningAverage() {
        return running;
    }

    @Override
    public void setTraining(boolean on) {
        this.training = on;
    }

    public boolean isTraining() {
        return training;
    }

    /** A copy of the running mean μ̄ (zeros before the first training batch, as in both libraries). */
    public double[] runningMean() {
        return runningMean.clone();
    }

    /** A copy of the running variance σ̄² (ones before the first training batch). */
    public double[] runningVariance() {
        return runningVar.clone();
    }

    /** Training batches folded into the running statistics so far. */
    public long batchesSeen() {
        return batchesSeen;
    }

    /** Sets μ̄ and σ̄² (for instance to statistics of the whole training set, computed elsewhere). */
    public void setRunningStatistics(double[] mean, double[] variance) {
        if (mean.length != n || variance.length != n) {
            throw new IllegalArgumentException("BatchNorm " + name + ": running statistics need " + n + " entries, got "
                    + mean.length + " means and " + variance.length + " variances");
        }
        for (int j = 0; j < n; j++) {
            if (!(variance[j] >= 0) || !Double.isFinite(mean[j]) || !Double.isFinite(variance[j])) {
                throw new IllegalArgumentException("BatchNorm " + name + ": running statistics of feature " + j
                        + " must be finite with a non-negative variance, got mean " + mean[j] + ", variance " + variance[j]);
            }
        }
        System.arraycopy(mean, 0, runningMean, 0, n);
        System.arraycopy(variance, 0, runningVar, 0, n);
    }

    /** Checkpoints: μ̄, σ̄² and the batch count (the cumulative average's k). */
    @Override
    public void writeState(java.io.DataOutput out) throws java.io.IOException {
        out.writeInt(n);
        for (int j = 0; j < n; j++) {
            out.writeDouble(runningMean[j]);
            out.writeDouble(runningVar[j]);
        }
        out.writeLong(batchesSeen);
    }

    @Override
    public void readState(java.io.DataInput in, String source) throws java.io.IOException {
        int saved = in.readInt();
        if (saved != n) {
            throw new IllegalStateException(source + ": BatchNorm " + name + " normalizes " + n
                    + " features, the checkpoint holds running statistics of " + saved);
        }
        for (int j = 0; j < n; j++) {
            runningMean[j] = in.readDouble();
            runningVar[j] = in.readDouble();
        }
        batchesSeen = in.readLong();
    }

    /** Clears the running statistics to μ̄ = 0, σ̄² = 1 and the batch count to 0. */
    public void resetRunningStatistics() {
        Arrays.fill(runningMean, 0);
        Arrays.fill(runningVar, 1);
        batchesSeen = 0;
    }

    // cache buffers: 0 = v̂ (m×n); 1 = per-feature statistics, row 0 μ, row 1 σ (2×n); 2 = per-feature sums (2×n)

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Cache cache) {
        BatchStatistics.requireFeatures(this, x, n);
        int m = x.numRows;
        if (training && m < 2) {
            throw new IllegalArgumentException("layer " + name() + ": a training-mode batch needs at least 2 rows, got "
                    + m + ". With one example the batch variance is 0, v̂ = 0 and every output equals β, so batch "
                    + "normalization is undefined; use a larger batch, or setTraining(false) to use the running statistics");
        }
        cache.setInput(x);
        DMatrixRMaj y = cache.output(m, n);
        DMatrixRMaj xhat = cache.buffer(0, m, n);
        DMatrixRMaj stats = cache.buffer(1, 2, n);
        double[] mu = stats.data, xs = x.data, xh = xhat.data, yd = y.data;
        double[] g = gamma.value().data, b = beta.value().data;
        if (training) {
            BatchStatistics.meanAndSquaredDeviations(xs, m, n, mu);
            double unbias = (double) m / (m - 1);
            batchesSeen++;
            double w = running.weight(batchesSeen);
            for (int j = 0; j < n; j++) {
                double var = mu[n + j] / m;
                double sigma = Math.sqrt(var + eps);
                if (!Double.isFinite(sigma)) {
                    throw new IllegalArgumentException("layer " + name() + ": feature " + j + " of the batch has mean "
                            + mu[j] + " and variance " + var + "; the input holds NaN or ∞");
                }
                mu[n + j] = sigma;
                runningMean[j] += w * (mu[j] - runningMean[j]);
                runningVar[j] += w * ((running.unbiased() ? var * unbias : var) - runningVar[j]);
            }
        } else {
            for (int j = 0; j < n; j++) {
                mu[j] = runningMean[j];
                mu[n + j] = Math.sqrt(runningVar[j] + eps);
            }
        }
        BatchStatistics.standardize(xs, mu, g, b, m, n, xh, yd);
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj gradOut, Cache cache, boolean needInputGradient) {
        DMatrixRMaj x = cache.input();
        int m = x.numRows;
        Layer.requireShape(this, "upstream gradient", gradOut, m, n);
        DMatrixRMaj xhat = cache.buffer(0, m, n);
        DMatrixRMaj stats = cache.buffer(1, 2, n);
        DMatrixRMaj sums = cache.buffer(2, 2, n);
        double[] gd = gradOut.data, xh = xhat.data, st = stats.data, s = sums.data;
        BatchStatistics.gradientSums(gd, xh, m, n, s);
        double[] dg = gamma.grad().data, db = beta.grad().data, gm = gamma.value().data;
        for (int j = 0; j < n; j++) {
            db[j] += s[j];
            dg[j] += s[n + j];
        }
        if (!needInputGradient) {
            return null;
        }
        DMatrixRMaj gin = cache.gradInput(m, n);
        double[] gi = gin.data;
        if (!training) {
            // μ̄ and σ̄ are constants: the layer is the affine map γ(v − μ̄)/σ̄ + β
            for (int r = 0; r < m; r++) {
                int row = r * n;
                for (int j = 0; j < n; j++) {
                    gi[row + j] = gd[row + j] * gm[j] / st[n + j];
                }
            }
        } else if (backwardForm == Backward.COMPACT) {
            for (int r = 0; r < m; r++) {
                int row = r * n;
                for (int j = 0; j < n; j++) {
                    double c = gm[j] / (m * st[n + j]);
                    gi[row + j] = c * (m * gd[row + j] - s[j] - xh[row + j] * s[n + j]);
                }
            }
        } else {
            bookBackward(x.data, gd, gi, st, m);
        }
        return gin;
    }

    /** Eqs. 3.62–3.65 term by term, using the cache's μ and σ; writes ∂L/∂v into {@code gi}. */
    private void bookBackward(double[] xs, double[] gd, double[] gi, double[] st, int m) {
        double[] gm = gamma.value().data;
        for (int j = 0; j < n; j++) {
            double mu = st[j], sigma = st[n + j], gam = gm[j];
            double sumG = 0, sumGDev = 0, sumDev = 0;
            for (int r = 0; r < m; r++) {
                double dev = xs[r * n + j] - mu;
                double dxhat = gam * gd[r * n + j];          // eq. 3.64
                sumG += dxhat;
                sumGDev += dxhat * dev;
                sumDev += dev;
            }
            double dVar = -sumGDev / (2 * sigma * sigma * sigma);
            double dMu = -sumG / sigma + dVar * (-2 * sumDev / m); // the second term is 0 up to rounding
            for (int r = 0; r < m; r++) {
                double dev = xs[r * n + j] - mu;
                gi[r * n + j] = gam * gd[r * n + j] / sigma + dMu / m + dVar * 2 * dev / m; // eq. 3.65
            }
        }
    }

    /**
     * The linear layer {@code linear} followed by this layer in inference mode, as one linear layer: with
     * sⱼ = γⱼ/√(σ̄ⱼ² + ε), W'ᵢⱼ = Wᵢⱼ sⱼ and b'ⱼ = (bⱼ − μ̄ⱼ) sⱼ + βⱼ. Equal to the pair up to rounding; the
     * running statistics and γ, β are read now (later training does not change the folded layer).
     */
    public Linear foldInto(Linear linear) {
        if (linear.outputSize() != n) {
            throw new IllegalArgumentException("cannot fold BatchNorm " + name + " (" + n + " features) into "
                    + linear.name() + ", which outputs " + linear.outputSize());
        }
        int in = linear.inputSize();
        Linear folded = new Linear(linear.name().replaceAll(" \\(.*", "") + "+" + name, in, n);
        double[] w = linear.weight().value().data, b = linear.bias().value().data;
        double[] fw = folded.weight().value().data, fb = folded.bias().value().data;
        double[] g = gamma.value().data, be = beta.value().data;
        for (int j = 0; j < n; j++) {
            double sj = g[j] / Math.sqrt(runningVar[j] + eps);
            for (int i = 0; i < in; i++) {
                fw[i * n + j] = w[i * n + j] * sj;
            }
            fb[j] = (b[j] - runningMean[j]) * sj + be[j];
        }
        return folded;
    }
}
