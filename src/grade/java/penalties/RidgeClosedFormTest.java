package penalties;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

import java.util.Random;

/** Ridge for (Xw − y)ᵀ(Xw − y) + ½αwᵀw: the factor ½ must reach the ridge term. */
@Exercise(id = "05.2", title = "ridge closed form with the right factor")
class RidgeClosedFormTest {

    private static final String REREAD = "Goodfellow et al. eqs. 7.14–7.17: the gradient of (Xw − y)ᵀ(Xw − y) + ½αwᵀw is "
            + "2Xᵀ(Xw − y) + αw, so the solution is (XᵀX + ½αI)⁻¹Xᵀy — the printed eq. 7.17 has α where α/2 belongs "
            + "(the erratum in notebook 20)";

    /** src/test/python/penalties_fixtures.py (numpy.linalg.solve). */
    @Test
    @Points(3)
    void matchesNumpy() {
        double[] w = RidgeClosedForm.solve(new double[][]{{1, 2}, {3, -1}, {0, 1}, {2, 2}}, new double[]{1, 0, -1, 2}, 3);
        allClose("w", "X = [[1, 2], [3, −1], [0, 1], [2, 2]], y = (1, 0, −1, 2), α = 3",
                new double[]{0.2511078286558346, 0.3692762186115214}, w, 1e-12, REREAD);
    }

    @Test
    @Points(3)
    void theGradientOfTheObjectiveVanishes() {
        Random rng = new Random(52);
        double[][] x = new double[7][3];
        double[] y = new double[7];
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = rng.nextGaussian();
            }
            y[i] = rng.nextGaussian();
        }
        double alpha = 2.5;
        double[] w = RidgeClosedForm.solve(x, y, alpha);
        double[] g = new double[3];
        for (int i = 0; i < 7; i++) {
            double r = -y[i];
            for (int j = 0; j < 3; j++) {
                r += x[i][j] * w[j];
            }
            for (int j = 0; j < 3; j++) {
                g[j] += 2 * x[i][j] * r;
            }
        }
        for (int j = 0; j < 3; j++) {
            g[j] += alpha * w[j];
        }
        allClose("∇J̃(w) = 2Xᵀ(Xw − y) + αw at your w", "a random 7×3 X, y, α = 2.5", new double[3], g, 1e-10, REREAD);
    }

    @Test
    @Points(2)
    void fewerRowsThanColumns() {
        double[] w = RidgeClosedForm.solve(new double[][]{{1, 0, 2, -1}, {0, 1, 1, 1}, {2, 1, 0, 0}}, new double[]{1, 2, 3}, 0.5);
        allClose("w", "X 3×4 = [[1, 0, 2, −1], [0, 1, 1, 1], [2, 1, 0, 0]], y = (1, 2, 3), α = 0.5 (XᵀX is singular)",
                new double[]{0.9395973154362414, 0.9932885906040273, 0.3221476510067114, 0.5637583892617446}, w, 1e-12,
                REREAD);
    }

    @Test
    @Points(1)
    void refusesANonPositiveCoefficient() {
        try {
            RidgeClosedForm.solve(new double[][]{{1}}, new double[]{1}, 0);
            that(false, "α = 0", "X = [[1]], y = (1)", "expected IllegalArgumentException, got no exception", REREAD);
        } catch (IllegalArgumentException expected) {
            // refused
        }
    }
}
