package penalties;

import static descent.grade.GradedAssert.close;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Random;

/** γ(α) = Σλᵢ/(λᵢ + α) with λ the eigenvalues of XᵀX. */
@Exercise(id = "05.7", title = "effective number of parameters")
class EffectiveParametersTest {

    private static final String REREAD = "the draft chapter 7, eq. 7.8: γ = Σᵢ λᵢ/(λᵢ + α) with λᵢ the eigenvalues of "
            + "H = XᵀX (squared singular values of X), and Goodfellow et al. eq. 7.13; notebook 20";

    /** src/test/python/penalties_fixtures.py: eigenvalues 8.394…, 15.605…; γ(1) = 11/6. */
    @Test
    @Points(3)
    void matchesNumpy() {
        close("γ(1)", "X = [[1, 2], [3, −1], [0, 1], [2, 2]]", 1.8333333333333335,
                EffectiveParameters.gamma(new double[][]{{1, 2}, {3, -1}, {0, 1}, {2, 2}}, 1), 1e-12, REREAD);
    }

    @Test
    @Points(2)
    void equalsTheTraceOfTheHatMatrix() {
        Random rng = new Random(57);
        double[][] x = new double[8][3];
        for (double[] row : x) {
            for (int j = 0; j < 3; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        double alpha = 0.7;
        DMatrixRMaj xm = new DMatrixRMaj(x), a = new DMatrixRMaj(3, 3), xt = new DMatrixRMaj(3, 8), z = new DMatrixRMaj(3, 8);
        CommonOps_DDRM.multTransA(xm, xm, a);
        for (int i = 0; i < 3; i++) {
            a.add(i, i, alpha);
        }
        CommonOps_DDRM.transpose(xm, xt);
        CommonOps_DDRM.solve(a, xt, z);
        double tr = 0;
        for (int i = 0; i < 8; i++) {
            for (int k = 0; k < 3; k++) {
                tr += xm.get(i, k) * z.get(k, i);
            }
        }
        close("γ(0.7)", "a random 8×3 X (compared with tr(X(XᵀX + αI)⁻¹Xᵀ))", tr, EffectiveParameters.gamma(x, alpha),
                1e-12, REREAD);
    }

    @Test
    @Points(2)
    void asAlphaVanishesItTendsToTheRank() {
        // the third column is the sum of the first two: rank 2, one eigenvalue of XᵀX is 0 (up to rounding)
        double[][] x = {{1, 2, 3}, {0, 1, 1}, {2, 0, 2}, {1, -1, 0}};
        close("γ(1e-9)", "X = [[1, 2, 3], [0, 1, 1], [2, 0, 2], [1, −1, 0]] (rank 2)", 2, EffectiveParameters.gamma(x, 1e-9),
                1e-6, REREAD);
    }

    @Test
    @Points(1)
    void refusesANonPositiveCoefficient() {
        try {
            EffectiveParameters.gamma(new double[][]{{1}}, -1);
            that(false, "α = −1", "X = [[1]]", "expected IllegalArgumentException, got no exception", REREAD);
        } catch (IllegalArgumentException expected) {
            // refused
        }
        try {
            EffectiveParameters.gamma(new double[][]{{1}}, 0);
            that(false, "α = 0", "X = [[1]]", "expected IllegalArgumentException, got no exception", REREAD);
        } catch (IllegalArgumentException expected) {
            // refused
        }
    }
}
