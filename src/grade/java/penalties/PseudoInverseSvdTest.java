package penalties;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

import java.util.Random;

/** X⁺ = VΣ⁺Uᵀ with a relative tolerance on the singular values. */
@Exercise(id = "05.8", title = "pseudo-inverse via SVD")
class PseudoInverseSvdTest {

    private static final String REREAD = "Goodfellow et al. §7.3, eq. 7.29, and the draft chapter 7, §7.4: X⁺ = VΣ⁺Uᵀ, "
            + "inverting only the singular values above tol·σ_max; notebook 23";

    /** numpy.linalg.pinv(A, rcond = 1e-10) (src/test/python/penalties_fixtures.py). */
    @Test
    @Points(3)
    void rankDeficientMatchesNumpy() {
        double[][] p = PseudoInverseSvd.pinv(new double[][]{{1, 2, 3}, {0, 1, 1}, {2, 0, 2}, {1, -1, 0}}, 1e-10);
        double[][] numpy = {{-0.028571428571428706, -0.07619047619047621, 0.24761904761904766, 0.20000000000000012},
                {0.17142857142857149, 0.12380952380952376, -0.15238095238095237, -0.20000000000000004},
                {0.1428571428571429, 0.04761904761904761, 0.09523809523809526, 0}};
        that(p.length == 3 && p[0].length == 4, "the shape of X⁺", "X 4×3", "expected 3×4, got " + p.length + "×"
                + (p.length == 0 ? 0 : p[0].length), REREAD);
        for (int i = 0; i < 3; i++) {
            allClose("row " + i + " of X⁺", "X = [[1, 2, 3], [0, 1, 1], [2, 0, 2], [1, −1, 0]] (rank 2), tol = 1e-10",
                    numpy[i], p[i], 1e-12, REREAD);
        }
    }

    @Test
    @Points(2)
    void penroseConditionsOnARandomMatrix() {
        Random rng = new Random(58);
        double[][] x = new double[5][3];
        for (double[] row : x) {
            for (int j = 0; j < 3; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        double[][] p = PseudoInverseSvd.pinv(x, 1e-12);
        double[][] xpx = mult(mult(x, p), x);
        for (int i = 0; i < 5; i++) {
            allClose("row " + i + " of X X⁺ X", "a random 5×3 X (X X⁺ X must equal X)", x[i], xpx[i], 1e-12, REREAD);
        }
        double[][] pxp = mult(mult(p, x), p);
        for (int i = 0; i < 3; i++) {
            allClose("row " + i + " of X⁺ X X⁺", "a random 5×3 X (X⁺ X X⁺ must equal X⁺)", p[i], pxp[i], 1e-12, REREAD);
        }
    }

    @Test
    @Points(2)
    void theToleranceIsRelativeToTheLargestSingularValue() {
        // σ = 1e6 and 0.5; tol = 1e-6 drops every σ ≤ 1e-6·1e6 = 1, so 0.5 is treated as zero
        double[][] p = PseudoInverseSvd.pinv(new double[][]{{1e6, 0}, {0, 0.5}}, 1e-6);
        allClose("row 0 of X⁺", "X = diag(1e6, 0.5), tol = 1e-6", new double[]{1e-6, 0}, p[0], 1e-15, REREAD);
        allClose("row 1 of X⁺", "X = diag(1e6, 0.5), tol = 1e-6", new double[]{0, 0}, p[1], 1e-15, REREAD);
    }

    @Test
    @Points(1)
    void theToleranceScalesWithASmallLargestSingularValue() {
        // σ = 0.5 and 7e-4; tol = 1e-3 keeps 7e-4 (> 1e-3·0.5 = 5e-4)
        double[][] p = PseudoInverseSvd.pinv(new double[][]{{0.5, 0}, {0, 7e-4}}, 1e-3);
        allClose("row 1 of X⁺", "X = diag(0.5, 7e-4), tol = 1e-3", new double[]{0, 1 / 7e-4}, p[1], 1e-12, REREAD);
    }

    @Test
    @Points(1)
    void aSingularValueExactlyAtTheToleranceCountsAsZero() {
        // σ = 4 and 1, tol = 0.25: 1 is not above 0.25·4 = 1
        double[][] p = PseudoInverseSvd.pinv(new double[][]{{4, 0}, {0, 1}}, 0.25);
        allClose("row 1 of X⁺", "X = diag(4, 1), tol = 0.25 (σ₂ = tol·σ_max exactly)", new double[]{0, 0}, p[1], 1e-15, REREAD);
    }

    @Test
    @Points(1)
    void aWideMatrixGivesTheMinimumNormSolution() {
        // x = (1, 1): the least-norm w with w₁ + w₂ = 2 is (1, 1); X⁺ = (½, ½)ᵀ
        double[][] p = PseudoInverseSvd.pinv(new double[][]{{1, 1}}, 1e-12);
        that(p.length == 2 && p[0].length == 1, "the shape of X⁺", "X = [[1, 1]]", "expected 2×1, got " + p.length
                + "×" + (p.length == 0 ? 0 : p[0].length), REREAD);
        allClose("X⁺", "X = [[1, 1]]", new double[]{0.5, 0.5}, new double[]{p[0][0], p[1][0]}, 1e-15, REREAD);
    }

    private static double[][] mult(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }
}
