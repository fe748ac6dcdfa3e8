package descent.regularize;

import descent.nn.Param;

import java.util.List;

/**
 * The constraint ‖θ‖₂ ≤ r over all selected tensors together (Goodfellow et al. §7.2, eq. 7.26 with Ω = the L² norm;
 * the projection formula is standard, not printed in the books):
 * <pre>
 *   θ ← θ · min(1, r/‖θ‖₂)
 * </pre>
 * For a single tensor this is the Frobenius-norm ball; {@link FrobeniusBall} constrains each matrix on its own and
 * {@link MaxNorm} each column.
 */
public final class L2Ball implements Constraint {

    private final Param[] params;
    private final double radius;

    /** ‖θ‖ ≤ r over the weights among {@code params}. */
    public L2Ball(List<Param> params, double radius) {
        this.params = selected("L2Ball", params);
        this.radius = Checks.positive("L2Ball: radius r", radius);
    }

    static Param[] selected(String owner, List<Param> params) {
        if (params == null) {
            throw new IllegalArgumentException(owner + " needs a list of parameters, got null");
        }
        List<Param> w = Penalty.weights(params);
        if (w.isEmpty()) {
            throw new IllegalArgumentException(owner + " has no weight tensor to act on among " + params
                    + " (biases and other non-weights are left out)");
        }
        return w.toArray(new Param[0]);
    }

    /** ‖θ‖₂ over the selected tensors. */
    public double norm() {
        double s = 0;
        for (Param p : params) {
            double[] w = p.value().data;
            for (int j = 0, n = p.size(); j < n; j++) {
                s += w[j] * w[j];
            }
        }
        return Math.sqrt(s);
    }

    @Override
    public void project() {
        double norm = norm();
        if (norm > radius) {
            double c = radius / norm;
            for (Param p : params) {
                double[] w = p.value().data;
                for (int j = 0, n = p.size(); j < n; j++) {
                    w[j] *= c;
                }
            }
        }
    }

    @Override
    public double violation() {
        return Math.max(0, norm() - radius);
    }

    public double radius() {
        return radius;
    }

    @Override
    public String toString() {
        return "‖θ‖ ≤ " + radius;
    }
}
