package descent.regularize.sparse;

import org.ejml.data.DMatrixRMaj;

/**
 * The KL-divergence sparsity penalty for units with activations in (0, 1) such as sigmoids (Goodfellow et al. §7.10
 * cite Larochelle &amp; Bengio 2008, Lee et al. 2008 and Goodfellow et al. 2009; the formula is not printed there, this is the
 * standard one). With ρ̂_j = (1/m) Σ_i h_ij the batch's mean activation of unit j and a target ρ such as 0.01:
 * <pre>
 *   βΩ(H) = β Σ_j KL(ρ ‖ ρ̂_j) = β Σ_j [ ρ log(ρ/ρ̂_j) + (1 − ρ) log((1 − ρ)/(1 − ρ̂_j)) ]
 *   ∂/∂h_ij = (β/m) · ( −ρ/ρ̂_j + (1 − ρ)/(1 − ρ̂_j) )
 * </pre>
 * Ω is 0 exactly when every unit's mean activation is ρ and grows without bound as a mean approaches 0 or 1.
 */
public final class KlSparsity extends ActivityPenalty {

    private final double beta;
    private final double rho;
    private double[] means = new double[0];

    /** @param rho the target mean activation, 0 &lt; ρ &lt; 1 */
    public KlSparsity(double beta, double rho) {
        this.beta = coefficient("KlSparsity: coefficient β", beta);
        if (!(rho > 0 && rho < 1)) {
            throw new IllegalArgumentException("KlSparsity: the target ρ must lie in (0, 1), got " + rho);
        }
        this.rho = rho;
    }

    public double rho() {
        return rho;
    }

    /** The mean activation ρ̂_j of every unit over the last batch this penalty saw. */
    public double[] meanActivations() {
        return means.clone();
    }

    @Override
    public String name() {
        return "KlSparsity(β = " + beta + ", ρ = " + rho + ")";
    }

    @Override
    protected double penalty(DMatrixRMaj h, DMatrixRMaj grad) {
        int m = h.numRows;
        int n = h.numCols;
        if (means.length != n) {
            means = new double[n];
        }
        java.util.Arrays.fill(means, 0.0);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                means[j] += h.data[i * n + j];
            }
        }
        double s = 0;
        for (int j = 0; j < n; j++) {
            double r = means[j] / m;
            means[j] = r;
            if (!(r > 0 && r < 1)) {
                throw new IllegalArgumentException("KlSparsity: unit " + j + " has mean activation " + r
                        + " over the batch; the KL penalty needs activations in (0, 1), e.g. after a sigmoid");
            }
            s += rho * Math.log(rho / r) + (1 - rho) * Math.log((1 - rho) / (1 - r));
        }
        if (grad != null) {
            for (int j = 0; j < n; j++) {
                double g = beta / m * (-rho / means[j] + (1 - rho) / (1 - means[j]));
                for (int i = 0; i < m; i++) {
                    grad.data[i * n + j] += g;
                }
            }
        }
        return beta * s;
    }
}
