package normalization;

/**
 * Exercise 08.3: the backward pass of training-mode batch normalization (Aggarwal §3.6, eqs. 3.62–3.65) in the compact
 * form, for g_r = ∂L/∂a⁽ʳ⁾ given:
 * <pre>
 *   ∂L/∂βᵢ = Σ_r g_r,   ∂L/∂γᵢ = Σ_r g_r v̂ᵢ⁽ʳ⁾,   ∂L/∂vᵢ⁽ʳ⁾ = γᵢ/(mσᵢ) · [m g_r − Σ_q g_q − v̂ᵢ⁽ʳ⁾ Σ_q g_q v̂ᵢ⁽q⁾]
 * </pre>
 * with μᵢ, σᵢ = √(varᵢ + ε) and v̂ as in the forward pass (biased variance, ε inside the root).
 */
public final class BatchNormBackward {

    private BatchNormBackward() {
    }

    /**
     * @param v     the batch the forward pass saw, m×n
     * @param gamma γ, length n
     * @param eps   ε
     * @param g     ∂L/∂a, m×n
     * @return ∂L/∂v, a new m×n array
     */
    public static double[][] input(double[][] v, double[] gamma, double eps, double[][] g) {
        // BEGIN SOLUTION 08.3 batch normalization backward
        int m = v.length, n = gamma.length;
        double[][] dv = new double[m][n];
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
            double sumG = 0, sumGH = 0;
            for (int r = 0; r < m; r++) {
                sumG += g[r][i];
                sumGH += g[r][i] * (v[r][i] - mu) / sigma;
            }
            for (int r = 0; r < m; r++) {
                double h = (v[r][i] - mu) / sigma;
                dv[r][i] = gamma[i] / (m * sigma) * (m * g[r][i] - sumG - h * sumGH);
            }
        }
        return dv;
        // END SOLUTION
    }

    /**
     * @return {∂L/∂γ, ∂L/∂β}, two new arrays of length n
     */
    public static double[][] parameters(double[][] v, double eps, double[][] g) {
        // BEGIN SOLUTION 08.3 batch normalization backward
        int m = v.length, n = v[0].length;
        double[] dGamma = new double[n], dBeta = new double[n];
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
                dBeta[i] += g[r][i];
                dGamma[i] += g[r][i] * (v[r][i] - mu) / sigma;
            }
        }
        return new double[][]{dGamma, dBeta};
        // END SOLUTION
    }
}
