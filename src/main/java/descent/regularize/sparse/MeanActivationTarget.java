package descent.regularize.sparse;

import org.ejml.data.DMatrixRMaj;

/**
 * Pushes each unit's average activation over the batch towards a small target ρ (Goodfellow et al. §7.10, after Lee et
 * al. 2008 and Goodfellow et al. 2009, whose example target is 0.01; the form is not printed, this squared distance is
 * the simplest):
 * <pre>
 *   αΩ(H) = α Σ_j (ρ̂_j − ρ)²,  ρ̂_j = (1/m) Σ_i h_ij,      ∂/∂h_ij = (2α/m)(ρ̂_j − ρ)
 * </pre>
 * Unlike {@link KlSparsity} it needs no range for h.
 */
public final class MeanActivationTarget extends ActivityPenalty {

    private final double alpha;
    private final double rho;

    public MeanActivationTarget(double alpha, double rho) {
        this.alpha = coefficient("MeanActivationTarget: coefficient α", alpha);
        if (!Double.isFinite(rho)) {
            throw new IllegalArgumentException("MeanActivationTarget: the target ρ must be finite, got " + rho);
        }
        this.rho = rho;
    }

    @Override
    public String name() {
        return "MeanActivationTarget(α = " + alpha + ", ρ = " + rho + ")";
    }

    @Override
    protected double penalty(DMatrixRMaj h, DMatrixRMaj grad) {
        int m = h.numRows;
        int n = h.numCols;
        double s = 0;
        for (int j = 0; j < n; j++) {
            double mean = 0;
            for (int i = 0; i < m; i++) {
                mean += h.data[i * n + j];
            }
            double d = mean / m - rho;
            s += d * d;
            if (grad != null) {
                double g = 2 * alpha * d / m;
                for (int i = 0; i < m; i++) {
                    grad.data[i * n + j] += g;
                }
            }
        }
        return alpha * s;
    }
}
