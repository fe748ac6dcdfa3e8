package descent.regularize.sparse;

import org.ejml.data.DMatrixRMaj;

/**
 * Representational sparsity with an L¹ penalty on the activations (Goodfellow et al. §7.10, the Ω(h) = ‖h‖₁ after
 * eq. 7.48), averaged over the batch:
 * <pre>
 *   αΩ(H) = (α/m) Σ_i Σ_j |h_ij|,      ∂/∂h_ij = (α/m)·sign(h_ij)   (0 at h_ij = 0, the subgradient chosen)
 * </pre>
 * After a ReLU the activations are ≥ 0 and the gradient is a constant push α/m towards 0 on every active unit.
 */
public final class ActivationL1 extends ActivityPenalty {

    private final double alpha;

    public ActivationL1(double alpha) {
        this.alpha = coefficient("ActivationL1: coefficient α", alpha);
    }

    @Override
    public String name() {
        return "ActivationL1(α = " + alpha + ")";
    }

    @Override
    protected double penalty(DMatrixRMaj h, DMatrixRMaj grad) {
        int m = h.numRows;
        double s = 0;
        double c = alpha / m;
        for (int k = 0, n = h.getNumElements(); k < n; k++) {
            double v = h.data[k];
            s += Math.abs(v);
            if (grad != null && v != 0) {
                grad.data[k] += v > 0 ? c : -c;
            }
        }
        return c * s;
    }
}
