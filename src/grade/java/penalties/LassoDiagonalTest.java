package penalties;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

import java.util.Random;

/** Eq. 7.23: the threshold is α/H_ii, not α. */
@Exercise(id = "05.3", title = "soft threshold")
class LassoDiagonalTest {

    private static final String REREAD = "Goodfellow et al. eqs. 7.22–7.23: wᵢ = sign(wᵢ*) max(|wᵢ*| − α/H_ii, 0) — the "
            + "threshold is α divided by the curvature H_ii; notebook 21";

    @Test
    @Points(3)
    void theThresholdIsAlphaOverTheCurvature() {
        // thresholds α/H = 2, 0.5, 0.25, 1
        double[] w = LassoDiagonal.solve(new double[]{1.5, 2.5, -3, 0.2}, new double[]{0.5, 2, 4, 1}, 1);
        allClose("w", "w* = (1.5, 2.5, −3, 0.2), diag(H) = (0.5, 2, 4, 1), α = 1", new double[]{0, 2, -2.75, 0}, w,
                1e-15, REREAD);
    }

    @Test
    @Points(2)
    void signsAndTheBoundary() {
        // α/H = 0.5 everywhere: at |w*| = 0.5 exactly the answer is 0
        double[] w = LassoDiagonal.solve(new double[]{-0.5, 0.5, -0.7, 0, 4}, new double[]{2, 2, 2, 2, 2}, 1);
        allClose("w", "w* = (−0.5, 0.5, −0.7, 0, 4), H_ii = 2, α = 1", new double[]{0, 0, -0.2, 0, 3.5}, w, 1e-15, REREAD);
    }

    @Test
    @Points(2)
    void eachCoordinateMinimizesItsOwnObjective() {
        Random rng = new Random(53);
        double alpha = 0.8;
        double[] ws = new double[8], h = new double[8];
        for (int i = 0; i < 8; i++) {
            ws[i] = 2 * rng.nextGaussian();
            h[i] = 0.2 + 3 * rng.nextDouble();
        }
        double[] w = LassoDiagonal.solve(ws, h, alpha);
        for (int i = 0; i < 8; i++) {
            double best = f(w[i], ws[i], h[i], alpha);
            for (double d : new double[]{1e-3, -1e-3, 0.1, -0.1}) {
                that(best <= f(w[i] + d, ws[i], h[i], alpha) + 1e-15, "½H(w − w*)² + α|w| at your wᵢ",
                        "w* = " + ws[i] + ", H_ii = " + h[i] + ", α = 0.8",
                        "moving wᵢ = " + w[i] + " by " + d + " lowers the objective", REREAD);
            }
        }
    }

    private static double f(double w, double ws, double h, double alpha) {
        return 0.5 * h * (w - ws) * (w - ws) + alpha * Math.abs(w);
    }

    @Test
    @Points(1)
    void refusesANonPositiveCurvature() {
        try {
            LassoDiagonal.solve(new double[]{1, 1}, new double[]{1, 0}, 1);
            that(false, "H_11 = 0", "w* = (1, 1), diag(H) = (1, 0)", "expected IllegalArgumentException, got no exception", REREAD);
        } catch (IllegalArgumentException expected) {
            // refused
        }
    }
}
