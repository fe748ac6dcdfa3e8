package secondorder;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

/**
 * Coefficients in a conjugate basis (Aggarwal exercise 7). Hand values in exact fractions from
 * src/test/python/secondorder_fixtures.py; a random 6-D basis is rebuilt from its coefficients.
 */
@Exercise(id = "03.7", title = "coefficients in a conjugate basis")
class ConjugateCoefficientsTest {

    private static final String REREAD = "Aggarwal §3.5.6.1 and exercise 7: multiply v = Σ cᵢqᵢ by q_jᵀH, so "
            + "c_j = q_jᵀHv / q_jᵀHq_j (not q_jᵀv / q_jᵀq_j: conjugate directions need not be orthogonal); notebook 12";

    private static final double[][] H = {{4, 1}, {1, 3}};
    private static final double[][] Q = {{1, 0}, {-0.25, 1}};

    @Test
    @Points(3)
    void handExamples() {
        String input = "H = [[4, 1], [1, 3]], q₀ = (1, 0), q₁ = (−1/4, 1)";
        allClose("c for v = (1, 2)", input, new double[]{1.5, 2}, ConjugateCoefficients.of(H, Q, new double[]{1, 2}), 1e-14, REREAD);
        allClose("c for v = (−3, 1/2)", input, new double[]{-2.875, 0.5}, ConjugateCoefficients.of(H, Q, new double[]{-3, 0.5}), 1e-14, REREAD);
    }

    @Test
    @Points(1)
    void theZeroVectorHasOnlyZeroCoefficients() {
        // exercise 7 itself: Σ cᵢqᵢ = 0 forces every cᵢ = 0
        allClose("c for v = 0", "H = [[4, 1], [1, 3]], q₀ = (1, 0), q₁ = (−1/4, 1)", new double[]{0, 0},
                ConjugateCoefficients.of(H, Q, new double[]{0, 0}), 0, REREAD);
    }

    @Test
    @Points(3)
    void aRandomVectorIsRebuiltFromItsCoefficients() {
        Random rng = new Random(17);
        int d = 6;
        double[][] a = new double[d][d], h = new double[d][d], q = new double[d][];
        for (double[] row : a) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    h[i][j] += a[k][i] * a[k][j];
                }
            }
            h[i][i] += 0.5;
        }
        // conjugate directions by Gram–Schmidt in the H inner product, starting from random vectors
        for (int t = 0; t < d; t++) {
            double[] v = new double[d];
            for (int i = 0; i < d; i++) {
                v[i] = rng.nextGaussian();
            }
            for (int s = 0; s < t; s++) {
                double beta = quad(h, q[s], v) / quad(h, q[s], q[s]);
                for (int i = 0; i < d; i++) {
                    v[i] -= beta * q[s][i];
                }
            }
            q[t] = v;
        }
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = rng.nextGaussian();
        }
        double[] c = ConjugateCoefficients.of(h, q, v);
        that(c != null && c.length == d, "number of coefficients", "6 conjugate directions",
                "expected 6, got " + (c == null ? "null" : c.length), REREAD);
        double[] rebuilt = new double[d];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < d; i++) {
                rebuilt[i] += c[j] * q[j][i];
            }
        }
        allClose("Σ c_j q_j", "a random 6×6 SPD H, 6 conjugate directions, a random v", v, rebuilt, 1e-9, REREAD);
    }

    @Test
    @Points(2)
    void aSelfConjugateDirectionIsRejected() {
        // H = diag(1, −1) is indefinite: q = (1, 1) has qᵀHq = 0, and the division of the proof is impossible
        String input = "H = diag(1, −1), q₀ = (1, 1), v = (1, 0)";
        try {
            double[] c = ConjugateCoefficients.of(new double[][]{{1, 0}, {0, -1}}, new double[][]{{1, 1}}, new double[]{1, 0});
            that(false, "a direction with q₀ᵀHq₀ = 0", input, "expected IllegalArgumentException, got " + Arrays.toString(c), REREAD);
        } catch (IllegalArgumentException expected) {
            that(expected.getMessage() != null && expected.getMessage().contains("0"), "the exception's message", input,
                    "expected it to name direction 0, got: " + expected.getMessage(), REREAD);
        } catch (RuntimeException other) {
            that(false, "a direction with q₀ᵀHq₀ = 0", input, "expected IllegalArgumentException, got " + other, REREAD);
        }
        // just inside the tolerance: qᵀHq = 1e-6 is not zero, so c = q₀ᵀHv / q₀ᵀHq₀ = 1/1e-6
        double[] c = ConjugateCoefficients.of(new double[][]{{1, 0}, {0, -1 + 1e-6}}, new double[][]{{1, 1}}, new double[]{1, 0});
        allClose("c", "H = diag(1, −1 + 1e-6), q₀ = (1, 1), v = (1, 0)", new double[]{1e6}, c, 1e-6, REREAD);
    }

    @Test
    @Points(2)
    void theZeroTestIsRelativeToTheSizesOfQAndH() {
        // H = s·diag(1, −1 + δ), q = r·(1, 1): qᵀHq = s·r²·δ against the threshold 1e-12·(qᵀq)·max|H| = 2e-12·s·r².
        // With δ = 1e-9 the direction is nearly, not exactly, self-conjugate, whatever the scales s = 1e-4, r = 1e-3:
        // c = qᵀHv / qᵀHq = r·s / (s·r²·δ) = 1/(r·δ) = 1e12.
        double s = 1e-4, r = 1e-3, delta = 1e-9;
        String input = "H = 1e-4·diag(1, −1 + 1e-9), q₀ = 1e-3·(1, 1), v = (1, 0)";
        double[] c;
        try {
            c = ConjugateCoefficients.of(new double[][]{{s, 0}, {0, s * (-1 + delta)}}, new double[][]{{r, r}}, new double[]{1, 0});
        } catch (IllegalArgumentException e) {
            that(false, "a direction with q₀ᵀHq₀ = 1e-19 (above 1e-12·q₀ᵀq₀·max|H| = 2e-22)", input,
                    "expected it to be accepted, got " + e, REREAD + " (scale the zero test by q_jᵀq_j and max|H|)");
            return;
        }
        allClose("c", input, new double[]{1e12}, c, 1e-5, REREAD);
        // the zero direction is conjugate to itself: q = 0 gives qᵀHq = 0 = the threshold, and must be rejected
        try {
            double[] z = ConjugateCoefficients.of(new double[][]{{2, 0}, {0, 3}}, new double[][]{{1, 0}, {0, 0}}, new double[]{1, 1});
            that(false, "a zero direction", "H = diag(2, 3), q₀ = (1, 0), q₁ = (0, 0)",
                    "expected IllegalArgumentException (q₁ᵀHq₁ = 0), got " + Arrays.toString(z), REREAD);
        } catch (IllegalArgumentException expected) {
            that(expected.getMessage() != null && expected.getMessage().contains("1"), "the exception's message",
                    "H = diag(2, 3), q₀ = (1, 0), q₁ = (0, 0)", "expected it to name direction 1, got: " + expected.getMessage(), REREAD);
        }
    }

    @Test
    @Points(1)
    void theInputsAreNotModified() {
        double[][] h = {{4, 1}, {1, 3}}, q = {{1, 0}, {-0.25, 1}};
        double[] v = {1, 2};
        ConjugateCoefficients.of(h, q, v);
        String input = "H = [[4, 1], [1, 3]], q₀ = (1, 0), q₁ = (−1/4, 1), v = (1, 2)";
        allClose("H row 0 afterwards", input, new double[]{4, 1}, h[0], 0, REREAD);
        allClose("q₁ afterwards", input, new double[]{-0.25, 1}, q[1], 0, REREAD);
        allClose("v afterwards", input, new double[]{1, 2}, v, 0, REREAD);
    }

    private static double quad(double[][] h, double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                s += a[i] * h[i][j] * b[j];
            }
        }
        return s;
    }
}
