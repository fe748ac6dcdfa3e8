package datanoise;

/**
 * Exercise 06.6: the gradient of the KL-divergence sparsity penalty (Goodfellow et al. §7.10; notebook 29, section 3).
 * For a batch of activations h (m rows, one per example; n columns, one per unit, every value in (0, 1)) and a target
 * mean activation ρ:
 * <pre>
 *   ρ̂_j = (1/m) Σ_i h_ij
 *   βΩ  = β Σ_j [ ρ log(ρ/ρ̂_j) + (1 − ρ) log((1 − ρ)/(1 − ρ̂_j)) ]
 * </pre>
 * Return ∂(βΩ)/∂h_ij for every i, j.
 */
public final class KlSparsityGradient {

    private KlSparsityGradient() {
    }

    /**
     * @param h    activations, m × n (m ≥ 1 rows of equal length n ≥ 1)
     * @param rho  the target ρ, 0 &lt; ρ &lt; 1
     * @param beta the coefficient β ≥ 0
     * @return the gradient, m × n
     * @throws IllegalArgumentException when some unit's mean activation ρ̂_j is not strictly between 0 and 1
     */
    public static double[][] gradient(double[][] h, double rho, double beta) {
        // BEGIN SOLUTION 06.6 KL sparsity gradient
        int m = h.length;
        int n = h[0].length;
        double[][] g = new double[m][n];
        for (int j = 0; j < n; j++) {
            double mean = 0;
            for (int i = 0; i < m; i++) {
                mean += h[i][j];
            }
            mean /= m;
            if (!(mean > 0 && mean < 1)) {
                throw new IllegalArgumentException("unit " + j + " has mean activation " + mean + ", outside (0, 1)");
            }
            double d = beta / m * (-rho / mean + (1 - rho) / (1 - mean));
            for (int i = 0; i < m; i++) {
                g[i][j] = d;
            }
        }
        return g;
        // END SOLUTION
    }
}
