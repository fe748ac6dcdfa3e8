package normalization;

/**
 * Exercises 08.1 and 08.2: the forward pass of batch normalization (Aggarwal §3.6, eqs. 3.58–3.61) in training mode and
 * in inference mode, and the running statistics that inference uses (PyTorch's convention). Rows of {@code v} are the m
 * examples of a mini-batch, columns the units i.
 */
public final class BatchNormForward {

    private BatchNormForward() {
    }

    /**
     * Training mode: each column is standardized by the batch's own mean μᵢ and σᵢ = √(varᵢ + ε), with the biased
     * variance (divided by m) and ε inside the square root (eq. 3.59), then scaled and shifted: aᵢ = γᵢ v̂ᵢ + βᵢ.
     *
     * @param v     the batch, m×n with m ≥ 2 (not modified)
     * @param gamma γ, length n
     * @param beta  β, length n
     * @param eps   ε &gt; 0
     * @return a, a new m×n array
     */
    public static double[][] train(double[][] v, double[] gamma, double[] beta, double eps) {
        // BEGIN SOLUTION 08.1 batch normalization forward
        int m = v.length, n = gamma.length;
        double[][] a = new double[m][n];
        for (int i = 0; i < n; i++) {
            double mu = 0;
            for (double[] row : v) {
                mu += row[i];
            }
            mu /= m;
            double var = 0;
            for (double[] row : v) {
                var += (row[i] - mu) * (row[i] - mu);
            }
            double sigma = Math.sqrt(var / m + eps);
            for (int r = 0; r < m; r++) {
                a[r][i] = gamma[i] * (v[r][i] - mu) / sigma + beta[i];
            }
        }
        return a;
        // END SOLUTION
    }

    /**
     * Inference mode: the same map with the running estimates μ̄ᵢ, σ̄ᵢ² in place of the batch's statistics, so each row's
     * output depends on that row alone: aᵢ = γᵢ (vᵢ − μ̄ᵢ)/√(σ̄ᵢ² + ε) + βᵢ.
     *
     * @return a, a new m×n array (m ≥ 1)
     */
    public static double[][] inference(double[][] v, double[] gamma, double[] beta, double[] runningMean,
                                       double[] runningVar, double eps) {
        // BEGIN SOLUTION 08.1 batch normalization forward
        int n = gamma.length;
        double[][] a = new double[v.length][n];
        for (int r = 0; r < v.length; r++) {
            for (int i = 0; i < n; i++) {
                a[r][i] = gamma[i] * (v[r][i] - runningMean[i]) / Math.sqrt(runningVar[i] + eps) + beta[i];
            }
        }
        return a;
        // END SOLUTION
    }

    /**
     * The running statistics after one training batch, in PyTorch's convention ({@code BatchNorm1d(momentum=0.1)}):
     * μ̄ ← (1 − momentum)·μ̄ + momentum·μ_B and σ̄² ← (1 − momentum)·σ̄² + momentum·s²_B, where s²_B is the
     * <em>unbiased</em> batch variance (divided by m − 1). Updates {@code runningMean} and {@code runningVar} in place.
     *
     * @param momentum the weight of the new batch, in (0, 1]
     */
    public static void updateRunning(double[] runningMean, double[] runningVar, double[][] v, double momentum) {
        // BEGIN SOLUTION 08.2 running statistics
        int m = v.length;
        for (int i = 0; i < runningMean.length; i++) {
            double mu = 0;
            for (double[] row : v) {
                mu += row[i];
            }
            mu /= m;
            double ss = 0;
            for (double[] row : v) {
                ss += (row[i] - mu) * (row[i] - mu);
            }
            runningMean[i] = (1 - momentum) * runningMean[i] + momentum * mu;
            runningVar[i] = (1 - momentum) * runningVar[i] + momentum * ss / (m - 1);
        }
        // END SOLUTION
    }
}
