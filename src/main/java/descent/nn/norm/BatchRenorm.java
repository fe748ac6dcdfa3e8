package descent.nn.norm;

import descent.nn.Cache;
import descent.nn.Layer;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;

/**
 * Batch renormalization (Ioffe, NIPS 2017, Algorithm 1; named in COMP541 lecture 4, slide "Other normalization
 * schemes"; formulas a supplement). Training normalizes with the batch's μ_B, σ_B = √(var_B + ε) as batch
 * normalization does, then corrects towards the running statistics μ̄, σ̄:
 * <pre>
 *   r = clip(σ_B/σ̄, 1/r_max, r_max),   d = clip((μ_B − μ̄)/σ̄, −d_max, d_max)      (treated as constants)
 *   x̂ = (x − μ_B)/σ_B · r + d,          y = γ x̂ + β
 *   μ̄ ← μ̄ + α(μ_B − μ̄),   σ̄ ← σ̄ + α(σ_B − σ̄)
 * </pre>
 * Without clipping (r, d unclipped) x̂ equals (x − μ̄)/σ̄, the inference-mode output, so training and inference agree;
 * with r_max = 1, d_max = 0 it is batch normalization. Because r and d are constants in backprop, the gradient is
 * batch normalization's compact backward scaled by r:
 * ∂L/∂x⁽ʳ⁾ = γ r/(mσ_B) · [m g_r − Σ g − x̂_B⁽ʳ⁾ Σ g x̂_B], with x̂_B = (x − μ_B)/σ_B. Inference: y = γ(x − μ̄)/σ̄ + β.
 * The running σ̄ already includes ε (it averages σ_B). Starts at μ̄ = 0, σ̄ = 1.
 */
public final class BatchRenorm extends Normalization {

    private final int n;
    private final double eps;
    private final double rMax;
    private final double dMax;
    private final double alpha;
    private final double[] runningMean;
    private final double[] runningStd;
    private boolean training = true;

    /**
     * @param rMax  r_max ≥ 1 (1 gives batch normalization)
     * @param dMax  d_max ≥ 0 (0 gives batch normalization)
     * @param alpha the running-average rate α ∈ (0, 1], the weight of the new batch
     */
    public BatchRenorm(String name, int features, double rMax, double dMax, double alpha, double eps) {
        super(name, requireFeatures("BatchRenorm " + name, features));
        if (!(rMax >= 1) || !Double.isFinite(rMax)) {
            throw new IllegalArgumentException("BatchRenorm " + name + ": r_max must be ≥ 1 and finite, got " + rMax);
        }
        if (!(dMax >= 0) || !Double.isFinite(dMax)) {
            throw new IllegalArgumentException("BatchRenorm " + name + ": d_max must be ≥ 0 and finite, got " + dMax);
        }
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("BatchRenorm " + name + ": the running-average rate α must lie in (0, 1], got " + alpha);
        }
        this.n = features;
        this.eps = requireEps("BatchRenorm " + name, eps);
        this.rMax = rMax;
        this.dMax = dMax;
        this.alpha = alpha;
        this.runningMean = new double[features];
        this.runningStd = new double[features];
        Arrays.fill(runningStd, 1.0);
    }

    @Override
    public String name() {
        return name + " (BatchRenorm " + n + ", r_max " + rMax + ", d_max " + dMax + ")";
    }

    @Override
    public void setTraining(boolean on) {
        training = on;
    }

    public double[] runningMean() {
        return runningMean.clone();
    }

    public double[] runningStd() {
        return runningStd.clone();
    }

    public void setRunningStatistics(double[] mean, double[] std) {
        if (mean.length != n || std.length != n) {
            throw new IllegalArgumentException("BatchRenorm " + name + ": running statistics need " + n + " entries, got "
                    + mean.length + " and " + std.length);
        }
        for (int j = 0; j < n; j++) {
            if (!(std[j] > 0) || !Double.isFinite(std[j]) || !Double.isFinite(mean[j])) {
                throw new IllegalArgumentException("BatchRenorm " + name + ": feature " + j + " needs a finite mean and a "
                        + "positive finite σ̄, got " + mean[j] + " and " + std[j]);
            }
        }
        System.arraycopy(mean, 0, runningMean, 0, n);
        System.arraycopy(std, 0, runningStd, 0, n);
    }

    /** The r and d of the last training batch seen through {@code cache} (rows 0 and 1 of a 2×n matrix). */
    public static DMatrixRMaj lastCorrection(Cache cache, int features) {
        return cache.buffer(2, 2, features);
    }

    // cache buffers: 0 = x̂_B (m×n); 1 = row 0 μ, row 1 σ (2×n); 2 = row 0 r, row 1 d (2×n); 3 = sums (2×n)

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Cache cache) {
        BatchStatistics.requireFeatures(this, x, n);
        int m = x.numRows;
        if (training && m < 2) {
            throw new IllegalArgumentException("layer " + name() + ": a training-mode batch needs at least 2 rows, got " + m
                    + " (one example has batch variance 0); use a larger batch or setTraining(false)");
        }
        cache.setInput(x);
        DMatrixRMaj y = cache.output(m, n);
        double[] xs = x.data, xh = cache.buffer(0, m, n).data, st = cache.buffer(1, 2, n).data;
        double[] rd = cache.buffer(2, 2, n).data, yd = y.data, g = gamma.value().data, b = beta.value().data;
        if (training) {
            BatchStatistics.meanAndSquaredDeviations(xs, m, n, st);
            for (int j = 0; j < n; j++) {
                double sigma = Math.sqrt(st[n + j] / m + eps);
                if (!Double.isFinite(sigma) || !Double.isFinite(st[j])) {
                    throw new IllegalArgumentException("layer " + name() + ": feature " + j + " of the batch holds NaN or ∞");
                }
                st[n + j] = sigma;
                rd[j] = Math.min(rMax, Math.max(1 / rMax, sigma / runningStd[j]));
                rd[n + j] = Math.min(dMax, Math.max(-dMax, (st[j] - runningMean[j]) / runningStd[j]));
            }
            for (int r = 0; r < m; r++) {
                for (int j = 0; j < n; j++) {
                    double hb = (xs[r * n + j] - st[j]) / st[n + j];
                    xh[r * n + j] = hb;
                    yd[r * n + j] = g[j] * (hb * rd[j] + rd[n + j]) + b[j];
                }
            }
            for (int j = 0; j < n; j++) {
                runningMean[j] += alpha * (st[j] - runningMean[j]);
                runningStd[j] += alpha * (st[n + j] - runningStd[j]);
            }
        } else {
            for (int j = 0; j < n; j++) {
                st[j] = runningMean[j];
                st[n + j] = runningStd[j];
                rd[j] = 1;
                rd[n + j] = 0;
            }
            BatchStatistics.standardize(xs, st, g, b, m, n, xh, yd);
        }
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj gradOut, Cache cache, boolean needInputGradient) {
        DMatrixRMaj x = cache.input();
        int m = x.numRows;
        Layer.requireShape(this, "upstream gradient", gradOut, m, n);
        double[] gd = gradOut.data, xh = cache.buffer(0, m, n).data, st = cache.buffer(1, 2, n).data;
        double[] rd = cache.buffer(2, 2, n).data, s = cache.buffer(3, 2, n).data;
        BatchStatistics.gradientSums(gd, xh, m, n, s);
        double[] dg = gamma.grad().data, db = beta.grad().data, gm = gamma.value().data;
        for (int j = 0; j < n; j++) {
            db[j] += s[j];
            dg[j] += rd[j] * s[n + j] + rd[n + j] * s[j]; // Σ g x̂ with x̂ = r x̂_B + d
        }
        if (!needInputGradient) {
            return null;
        }
        DMatrixRMaj gin = cache.gradInput(m, n);
        double[] gi = gin.data;
        for (int r = 0; r < m; r++) {
            for (int j = 0; j < n; j++) {
                if (training) {
                    double c = gm[j] * rd[j] / (m * st[n + j]);
                    gi[r * n + j] = c * (m * gd[r * n + j] - s[j] - xh[r * n + j] * s[n + j]);
                } else {
                    gi[r * n + j] = gd[r * n + j] * gm[j] / st[n + j];
                }
            }
        }
        return gin;
    }
}
