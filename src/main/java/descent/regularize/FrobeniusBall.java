package descent.regularize;

import descent.nn.Param;

import java.util.List;

/**
 * ‖W‖_F ≤ c for each selected weight matrix on its own: W ← W · min(1, c/‖W‖_F). Goodfellow et al. §7.2 name it as
 * the alternative to the per-column constraint ({@link MaxNorm}): a whole-matrix bound lets a few units keep very large
 * weights as long as the others are small.
 */
public final class FrobeniusBall implements Constraint {

    private final Param[] params;
    private final double radius;

    public FrobeniusBall(List<Param> params, double radius) {
        this.params = L2Ball.selected("FrobeniusBall", params);
        this.radius = Checks.positive("FrobeniusBall: radius c", radius);
    }

    @Override
    public void project() {
        for (Param p : params) {
            double[] w = p.value().data;
            int n = p.size();
            double norm = Math.sqrt(sumSquares(w, n));
            if (norm > radius) {
                double c = radius / norm;
                for (int j = 0; j < n; j++) {
                    w[j] *= c;
                }
            }
        }
    }

    @Override
    public double violation() {
        double v = 0;
        for (Param p : params) {
            v = Math.max(v, Math.sqrt(sumSquares(p.value().data, p.size())) - radius);
        }
        return v;
    }

    private static double sumSquares(double[] w, int n) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += w[j] * w[j];
        }
        return s;
    }

    @Override
    public String toString() {
        return "‖W‖_F ≤ " + radius;
    }
}
