package descent.regularize.sparse;

import org.ejml.data.DMatrixRMaj;

/**
 * The sparsity penalty of a Student-t prior on each activation (Goodfellow et al. §7.10 cite Olshausen &amp; Field 1996
 * and Bergstra 2011 without printing it; this is the usual form, the negative log-density up to constants), averaged
 * over the batch:
 * <pre>
 *   αΩ(H) = (α/m) Σ_i Σ_j log(1 + h_ij²/ν),      ∂/∂h_ij = (α/m) · 2h_ij/(ν + h_ij²)
 * </pre>
 * Near 0 it behaves like (α/ν)h², far out like 2α·log|h|: it pulls small activations to 0 and barely touches large
 * ones, a heavier-tailed prior than the Laplace prior behind L¹.
 */
public final class StudentTPenalty extends ActivityPenalty {

    private final double alpha;
    private final double nu;

    /** @param nu the scale ν &gt; 0 (the Student-t's squared scale). */
    public StudentTPenalty(double alpha, double nu) {
        this.alpha = coefficient("StudentTPenalty: coefficient α", alpha);
        if (!(nu > 0) || Double.isInfinite(nu)) {
            throw new IllegalArgumentException("StudentTPenalty: the scale ν must be finite and > 0, got " + nu);
        }
        this.nu = nu;
    }

    @Override
    public String name() {
        return "StudentT(α = " + alpha + ", ν = " + nu + ")";
    }

    @Override
    protected double penalty(DMatrixRMaj h, DMatrixRMaj grad) {
        double c = alpha / h.numRows;
        double s = 0;
        for (int k = 0, n = h.getNumElements(); k < n; k++) {
            double v = h.data[k];
            s += Math.log1p(v * v / nu);
            if (grad != null) {
                grad.data[k] += c * 2 * v / (nu + v * v);
            }
        }
        return c * s;
    }
}
