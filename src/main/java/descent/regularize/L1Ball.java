package descent.regularize;

import descent.nn.Param;

import java.util.Arrays;
import java.util.List;

/**
 * The constraint ‖θ‖₁ ≤ r over all selected tensors together: the constraint form of the L¹ penalty (Goodfellow et al.
 * §7.2). The Euclidean projection is a soft threshold whose level τ is the smallest that brings the L¹ norm down to r
 * (Duchi et al. 2008, beyond the books):
 * <pre>
 *   u = |θ| sorted descending,  ρ = max{ j : u_j − (Σ_{i≤j} u_i − r)/j &gt; 0 },  τ = (Σ_{i≤ρ} u_i − r)/ρ
 *   θᵢ ← sign(θᵢ) max(|θᵢ| − τ, 0)
 * </pre>
 * Like the penalty, it sets the smallest weights exactly to zero.
 */
public final class L1Ball implements Constraint {

    private final Param[] params;
    private final double radius;
    private final double[] sorted;

    public L1Ball(List<Param> params, double radius) {
        this.params = L2Ball.selected("L1Ball", params);
        this.radius = Checks.positive("L1Ball: radius r", radius);
        int d = 0;
        for (Param p : this.params) {
            d += p.size();
        }
        this.sorted = new double[d];
    }

    /** ‖θ‖₁ over the selected tensors. */
    public double norm() {
        double s = 0;
        for (Param p : params) {
            double[] w = p.value().data;
            for (int j = 0, n = p.size(); j < n; j++) {
                s += Math.abs(w[j]);
            }
        }
        return s;
    }

    @Override
    public void project() {
        if (norm() <= radius) {
            return;
        }
        int at = 0;
        for (Param p : params) {
            double[] w = p.value().data;
            for (int j = 0, n = p.size(); j < n; j++) {
                sorted[at++] = -Math.abs(w[j]);          // ascending sort of −|θ| = descending |θ|
            }
        }
        Arrays.sort(sorted);
        double cum = 0, tau = 0;
        for (int j = 0; j < sorted.length; j++) {
            double u = -sorted[j];
            cum += u;
            double t = (cum - radius) / (j + 1);
            if (u - t > 0) {
                tau = t;
            }
        }
        for (Param p : params) {
            double[] w = p.value().data;
            for (int j = 0, n = p.size(); j < n; j++) {
                w[j] = descent.regularize.linear.SoftThreshold.apply(w[j], tau);
            }
        }
    }

    @Override
    public double violation() {
        return Math.max(0, norm() - radius);
    }

    @Override
    public String toString() {
        return "‖θ‖₁ ≤ " + radius;
    }
}
