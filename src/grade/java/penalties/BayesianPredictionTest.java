package penalties;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Random;

/** The posterior predictive mean and variance of Bayesian linear regression. */
@Exercise(id = "05.9", title = "Bayesian linear regression prediction")
class BayesianPredictionTest {

    private static final String REREAD = "notebook 19, Bayesian linear regression: Σ_N = (αI + XᵀX/σ²)⁻¹, μ_N = Σ_N Xᵀy/σ², "
            + "prediction N(x*ᵀμ_N, σ² + x*ᵀΣ_N x*); the MAP is ridge with coefficient ασ²";

    /** src/test/python/penalties_fixtures.py (numpy.linalg.inv). */
    @Test
    @Points(3)
    void matchesNumpy() {
        double[] got = BayesianPrediction.predict(new double[][]{{1, 0.5}, {1, -1}, {1, 2}, {1, 0}}, new double[]{1, -0.5, 2.5, 0.3},
                2, 0.25, new double[]{1, 3});
        allClose("{mean, variance}", "X = [[1, 0.5], [1, −1], [1, 2], [1, 0]], y = (1, −0.5, 2.5, 0.3), α = 2, σ² = 0.25, x* = (1, 3)",
                new double[]{3.2222222222222223, 0.6441798941798942}, got, 1e-12, REREAD);
    }

    @Test
    @Points(2)
    void theMeanIsTheRidgePredictionWithAlphaTimesSigmaSquared() {
        Random rng = new Random(59);
        double[][] x = new double[9][3];
        double[] y = new double[9];
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = rng.nextGaussian();
            }
            y[i] = rng.nextGaussian();
        }
        double alpha = 1.5, s2 = 0.3;
        DMatrixRMaj xm = new DMatrixRMaj(x), a = new DMatrixRMaj(3, 3), b = new DMatrixRMaj(3, 1), w = new DMatrixRMaj(3, 1);
        CommonOps_DDRM.multTransA(xm, xm, a);
        for (int i = 0; i < 3; i++) {
            a.add(i, i, alpha * s2);
        }
        CommonOps_DDRM.multTransA(xm, DMatrixRMaj.wrap(9, 1, y), b);
        CommonOps_DDRM.solve(a, b, w);
        double[] xs = {0.5, -1, 2};
        double ridge = xs[0] * w.data[0] + xs[1] * w.data[1] + xs[2] * w.data[2];
        close("predictive mean", "a random 9×3 X, y, α = 1.5, σ² = 0.3, x* = (0.5, −1, 2) (compared with ridge, coefficient ασ²)",
                ridge, BayesianPrediction.predict(x, y, alpha, s2, xs)[0], 1e-10, REREAD);
    }

    @Test
    @Points(2)
    void theVarianceHasANoiseAndAWeightPart() {
        double[][] x = {{1, 2}, {0, 1}, {3, -1}};
        double[] y = {1, 0, 2};
        close("predictive variance at x* = 0", "X = [[1, 2], [0, 1], [3, −1]], y = (1, 0, 2), α = 1, σ² = 0.5 (only the noise is left)",
                0.5, BayesianPrediction.predict(x, y, 1, 0.5, new double[]{0, 0})[1], 1e-12, REREAD);
        // with an all-zero design the data say nothing: the posterior is the prior, variance σ² + ‖x*‖²/α
        close("predictive variance", "X = 0 (3×2), α = 4, σ² = 0.5, x* = (1, 2): σ² + ‖x*‖²/α",
                0.5 + 5.0 / 4, BayesianPrediction.predict(new double[3][2], y, 4, 0.5, new double[]{1, 2})[1], 1e-12, REREAD);
    }

    @Test
    @Points(1)
    void refusesNonPositiveHyperparameters() {
        try {
            BayesianPrediction.predict(new double[][]{{1}}, new double[]{1}, 1, 0, new double[]{1});
            that(false, "σ² = 0", "X = [[1]], y = (1), α = 1", "expected IllegalArgumentException, got no exception", REREAD);
        } catch (IllegalArgumentException expected) {
            // refused
        }
        try {
            BayesianPrediction.predict(new double[][]{{1}}, new double[]{1}, 0, 1, new double[]{1});
            that(false, "α = 0", "X = [[1]], y = (1), σ² = 1 (a flat prior)", "expected IllegalArgumentException, got no exception", REREAD);
        } catch (IllegalArgumentException expected) {
            // refused
        }
    }
}
