package datanoise;

import static descent.grade.GradedAssert.allClose;

import descent.grade.Exercise;
import descent.grade.GradedAssert;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/** ∂/∂h of β Σ_j KL(ρ ‖ ρ̂_j) with ρ̂_j the batch mean of unit j. */
@Exercise(id = "06.6", title = "KL sparsity gradient")
class KlSparsityGradientTest {

    private static final String REREAD = "notebook 29, section 3: ∂/∂h_ij = (β/m)·(−ρ/ρ̂_j + (1 − ρ)/(1 − ρ̂_j)), the "
            + "derivative of KL(ρ ‖ ρ̂_j) (not of KL(ρ̂_j ‖ ρ)) times ∂ρ̂_j/∂h_ij = 1/m, the same for every example i";

    private static double value(double[][] h, double rho, double beta) {
        int m = h.length, n = h[0].length;
        double s = 0;
        for (int j = 0; j < n; j++) {
            double mean = 0;
            for (double[] row : h) {
                mean += row[j];
            }
            mean /= m;
            s += rho * Math.log(rho / mean) + (1 - rho) * Math.log((1 - rho) / (1 - mean));
        }
        return beta * s;
    }

    private static double[] run(double[][] h, double rho, double beta) {
        double[][] g = KlSparsityGradient.gradient(h, rho, beta);
        GradedAssert.that(g != null && g.length == h.length && java.util.Arrays.stream(g).allMatch(r -> r != null && r.length == h[0].length),
                "the returned gradient", h.length + " × " + h[0].length + " activations",
                "a " + h.length + " × " + h[0].length + " array", REREAD);
        return GradedAssert.flat(g);
    }

    /**
     * By hand: h = [[0.1, 0.5], [0.3, 0.7]], ρ = 0.2, β = 3. Means (0.2, 0.6): unit 0 sits on the target (gradient 0);
     * unit 1 gets (3/2)·(−0.2/0.6 + 0.8/0.4) = 2.5 in both rows.
     */
    @Test
    @Points(3)
    void byHand() {
        allClose("∂(βΩ)/∂h", "h = [[0.1, 0.5], [0.3, 0.7]], ρ = 0.2, β = 3", new double[]{0, 2.5, 0, 2.5},
                run(new double[][]{{0.1, 0.5}, {0.3, 0.7}}, 0.2, 3), 1e-12, REREAD);
    }

    /** Central differences of βΩ on a 3 × 4 batch with ρ = 0.05 and β = 0.7. */
    @Test
    @Points(3)
    void agreesWithFiniteDifferences() {
        double[][] h = {{0.02, 0.4, 0.9, 0.1}, {0.05, 0.3, 0.6, 0.01}, {0.2, 0.35, 0.8, 0.07}};
        double[] expected = new double[12];
        double step = 1e-7;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                double keep = h[i][j];
                h[i][j] = keep + step;
                double plus = value(h, 0.05, 0.7);
                h[i][j] = keep - step;
                double minus = value(h, 0.05, 0.7);
                h[i][j] = keep;
                expected[i * 4 + j] = (plus - minus) / (2 * step);
            }
        }
        allClose("∂(βΩ)/∂h against central differences", "a 3 × 4 batch, ρ = 0.05, β = 0.7", expected,
                run(h, 0.05, 0.7), 1e-6, REREAD);
    }

    /** One example: ρ̂ is that example's activation, and β = 0 gives a zero gradient. */
    @Test
    @Points(1)
    void oneRowAndZeroBeta() {
        allClose("∂(βΩ)/∂h", "h = [[0.5]], ρ = 0.1, β = 2", new double[]{2 * (-0.1 / 0.5 + 0.9 / 0.5)},
                run(new double[][]{{0.5}}, 0.1, 2), 1e-12, REREAD);
        allClose("∂(βΩ)/∂h", "h = [[0.5]], ρ = 0.1, β = 0", new double[]{0}, run(new double[][]{{0.5}}, 0.1, 0), 0, REREAD);
    }

    private static void rejects(double[][] h, String what) {
        try {
            KlSparsityGradient.gradient(h, 0.1, 1);
        } catch (IllegalArgumentException e) {
            return;
        }
        GradedAssert.fail("the result", what, "an IllegalArgumentException (the KL penalty needs every mean in (0, 1))",
                "no exception", REREAD);
    }

    /** A unit that never fires (mean 0): KL is infinite there. */
    @Test
    @Points(1)
    void rejectsAMeanOfZero() {
        rejects(new double[][]{{0.3, 0}, {0.2, 0}}, "h = [[0.3, 0], [0.2, 0]] (unit 1 has mean 0)");
    }

    /** A unit that is always saturated (mean 1): KL is infinite there too. */
    @Test
    @Points(1)
    void rejectsAMeanOfOne() {
        rejects(new double[][]{{1, 0.5}, {1, 0.5}}, "h = [[1, 0.5], [1, 0.5]] (unit 0 has mean 1)");
    }
}
