package datanoise;

import static descent.grade.GradedAssert.allClose;

import descent.grade.Exercise;
import descent.grade.GradedAssert;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/** OMP-k: greedy atom choice by |correlation with the residual| and a least-squares refit after every choice. */
@Exercise(id = "06.7", title = "orthogonal matching pursuit")
class MatchingPursuitTest {

    private static final String REREAD = "notebook 29, section 4 (eq. 7.49): choose the atom with the largest |correlation| "
            + "with the current residual r (not with x; the lowest index on a tie), refit every chosen coefficient by least "
            + "squares, then set r = x − W_S h_S";

    private static final double S = Math.sqrt(0.5);
    /** Atoms e1, e2 and (e1 + e2)/√2 in ℝ². */
    private static final double[][] THREE = {{1, 0, S}, {0, 1, S}};

    private static double[] run(double[][] w, double[] x, int k) {
        double[] h = MatchingPursuit.omp(w, x, k);
        GradedAssert.that(h != null && h.length == w[0].length, "the returned code", "a dictionary with " + w[0].length + " atoms",
                "an array of length " + w[0].length, REREAD);
        return h;
    }

    /**
     * x = (3, 1): correlations (3, 1, 4/√2 ≈ 2.83) pick e1, h = (3, 0, 0); the residual (0, 1) then picks e2 and the refit
     * gives (3, 1, 0). Correlating with x instead of r would pick the third atom second.
     */
    @Test
    @Points(3)
    void twoStepsByHand() {
        allClose("h", "atoms e1, e2, (e1 + e2)/√2; x = (3, 1); k = 1", new double[]{3, 0, 0}, run(THREE, new double[]{3, 1}, 1), 1e-12, REREAD);
        allClose("h", "atoms e1, e2, (e1 + e2)/√2; x = (3, 1); k = 2", new double[]{3, 1, 0}, run(THREE, new double[]{3, 1}, 2), 1e-12, REREAD);
        allClose("h", "atoms e1, e2, (e1 + e2)/√2; x = (0.03, 0.01); k = 1", new double[]{0.03, 0, 0},
                run(THREE, new double[]{0.03, 0.01}, 1), 1e-14, REREAD);
    }

    /** The size of the correlation counts, not its sign; and a tie goes to the lower index. */
    @Test
    @Points(2)
    void absoluteCorrelationAndTies() {
        allClose("h", "atoms e1, e2, (e1 + e2)/√2; x = (−3, 1); k = 1", new double[]{-3, 0, 0},
                run(THREE, new double[]{-3, 1}, 1), 1e-12, REREAD);
        allClose("h", "atoms e1, e2; x = (1, 1); k = 1", new double[]{1, 0},
                run(new double[][]{{1, 0}, {0, 1}}, new double[]{1, 1}, 1), 1e-12, REREAD);
    }

    /** A 5 × 7 dictionary of non-orthogonal atoms; expected codes from numpy (src/test/python/datanoise_fixtures.py). */
    @Test
    @Points(3)
    void overcompleteDictionaryAgainstNumpy() {
        double[][] w = new double[5][7];
        double[] x = new double[5];
        for (int i = 0; i < 5; i++) {
            x[i] = Math.sin(1.1 * i) + 0.5;
            for (int j = 0; j < 7; j++) {
                w[i][j] = Math.cos(0.7 * i + 1.3 * j) + 0.1 * (i - j);
            }
        }
        String in = "w[i][j] = cos(0.7i + 1.3j) + 0.1(i − j), x[i] = sin(1.1i) + 0.5, ";
        allClose("h", in + "k = 2", new double[]{0, 0, -0.668203632262883, 0, 0, 0, -0.45681615693264277}, run(w, x, 2), 1e-9, REREAD);
        allClose("h", in + "k = 3", new double[]{0, 0, -1.8472184305147854, 1.1552265561619108, 0, 0, 0.3448217745153736},
                run(w, x, 3), 1e-9, REREAD);
    }

    /** One dimension (d = 1): atoms 2 and −1, x = 3; the first atom correlates more (6 against −3), h = (1.5, 0). */
    @Test
    @Points(1)
    void oneDimension() {
        allClose("h", "atoms (2) and (−1); x = (3); k = 1", new double[]{1.5, 0},
                run(new double[][]{{2, -1}}, new double[]{3}, 1), 1e-12, REREAD);
    }

    /** x = e1 is explained by one atom; the residual is then 0 and no further atom is added. */
    @Test
    @Points(1)
    void stopsWhenTheResidualVanishes() {
        allClose("h", "atoms e1, e2, (e1 + e2)/√2; x = (1, 0); k = 2", new double[]{1, 0, 0},
                run(THREE, new double[]{1, 0}, 2), 1e-12, REREAD);
    }

    private static void rejects(double[] x, int k, String what) {
        try {
            MatchingPursuit.omp(THREE, x, k);
        } catch (IllegalArgumentException e) {
            return;
        }
        GradedAssert.fail("the result", what, "an IllegalArgumentException", "no exception", REREAD);
    }

    /** x of the wrong length, k = 0 and k above min(d, n) = 2 are rejected. */
    @Test
    @Points(1)
    void badInput() {
        rejects(new double[]{1, 2, 3}, 1, "atoms of length 2, x of length 3");
        rejects(new double[]{1}, 1, "atoms of length 2, x of length 1");
        rejects(new double[]{1, 2}, 0, "k = 0");
        rejects(new double[]{1, 2}, 3, "k = 3 with d = 2");
    }
}
