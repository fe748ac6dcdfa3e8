package penalties;

import static descent.grade.GradedAssert.allClose;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/** One proximal-gradient step on ½‖Xw − y‖² + α‖w‖₁. */
@Exercise(id = "05.4", title = "one ISTA step")
class IstaStepTest {

    private static final String REREAD = "notebook 21, ISTA: z = w − εXᵀ(Xw − y), then the soft threshold of Goodfellow "
            + "et al. eq. 7.23 at εα (the step size times α)";
    private static final double[][] X = {{1, 2}, {3, -1}, {0, 1}, {2, 2}};
    private static final double[] Y = {1, 0, -1, 2};

    /** src/test/python/penalties_fixtures.py: z = (0.43, 0.075), threshold εα = 0.1. */
    @Test
    @Points(3)
    void oneStepByHand() {
        double[] w = IstaStep.step(X, Y, new double[]{0.5, -0.2}, 2, 0.05);
        allClose("w after one step", "X = [[1, 2], [3, −1], [0, 1], [2, 2]], y = (1, 0, −1, 2), w = (0.5, −0.2), "
                + "α = 2, ε = 0.05", new double[]{0.33, 0}, w, 1e-14, REREAD);
    }

    @Test
    @Points(1)
    void zeroAlphaIsAGradientStep() {
        double[] w = IstaStep.step(X, Y, new double[]{0.5, -0.2}, 0, 0.05);
        allClose("w after one step", "the same input with α = 0", new double[]{0.43, 0.075}, w, 1e-14, REREAD);
    }

    /** Iterated, the step converges to the LASSO solution (scipy, src/test/python/regularize_fixtures.py). */
    @Test
    @Points(2)
    void iteratedItSolvesTheLasso() {
        double[][] x = {{1, 2, 0.5}, {0, 1, -1}, {2, -1, 1}, {1, 1, 1}, {-1, 0.5, 2}, {0.5, -2, 1}};
        double[] y = {1, -2, 3, 0.5, 2, -1};
        double[] w = new double[3];
        for (int k = 0; k < 3000; k++) {
            w = IstaStep.step(x, y, w, 1.5, 0.08);
        }
        allClose("w after 3000 steps", "the 6×3 X of src/test/python/regularize_fixtures.py, α = 1.5, ε = 0.08",
                new double[]{0.24860022396347398, 0.0, 0.8488241881297144}, w, 1e-6, REREAD);
    }
}
