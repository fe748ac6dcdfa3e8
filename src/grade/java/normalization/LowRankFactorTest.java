package normalization;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;
import static descent.grade.GradedAssert.flat;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/** Low-rank factorization: the parameter ratio, the truncated SVD against numpy, Eckart–Young, and k out of range. */
@Exercise(id = "08.6", title = "low-rank factorization")
class LowRankFactorTest {

    static final String REREAD = "Aggarwal §3.7.3 (\"leveraging redundancy\": W ≈ UVᵀ with U m₁×k, V m₂×k, so m₁m₂ "
            + "weights become k(m₁ + m₂)) and the truncated SVD W_k = Σ_{i≤k} σᵢuᵢvᵢᵀ with σ₁ ≥ σ₂ ≥ …; notebook 37";

    interface Ratio {
        double apply(int m1, int m2, int k);
    }

    interface Truncate {
        double[][] apply(double[][] w, int k);
    }

    static final Ratio STUDENT_RATIO = LowRankFactor::parameterRatio;
    static final Truncate STUDENT = LowRankFactor::truncate;

    /** numpy.linalg.svd of W[i][j] = sin(0.3i + 0.7j) + 0.1i − 0.05j (6×4), src/test/python/normalization_fixtures.py. */
    static final double[] SIGMA = {4.158484213966924, 1.3546911475761767, 0.023391075563051787, 0.0005055887319663626};
    static final double[] W2 = {-0.005540121276708368, 0.5988312950882712, 0.8880450566829935, 0.7059879505531513,
            0.39451851477582506, 0.8921685550874698, 0.9923729789718098, 0.6239728407223547, 0.7683145175074082,
            1.1104925624505637, 1.0075906534032748, 0.4821559195969367, 1.0890127800733511, 1.2450054255433525,
            0.9427498667903744, 0.29875689182843124, 1.3345212586195514, 1.2943958526386592, 0.8140537898369794,
            0.0957098678128396, 1.4894643887643244, 1.264956285700965, 0.6434095961559801, -0.10329594506575297};

    static double[][] w() {
        double[][] w = new double[6][4];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 4; j++) {
                w[i][j] = Math.sin(0.3 * i + 0.7 * j) + 0.1 * i - 0.05 * j;
            }
        }
        return w;
    }

    static final String W_INPUT = "W[i][j] = sin(0.3i + 0.7j) + 0.1i − 0.05j (6×4)";

    @Test
    @Points(2)
    void parameterRatio() {
        checkParameterRatio(STUDENT_RATIO);
    }

    static void checkParameterRatio(Ratio f) {
        close("m₁m₂/(k(m₁ + m₂))", "m₁ = 1000, m₂ = 500, k = 50", 20.0 / 3, f.apply(1000, 500, 50), 1e-12, REREAD);
        close("m₁m₂/(k(m₁ + m₂))", "m₁ = 100, m₂ = 100, k = 50 (the break-even rank HM/2)", 1.0, f.apply(100, 100, 50), 1e-12, REREAD);
        close("m₁m₂/(k(m₁ + m₂))", "m₁ = 784, m₂ = 10, k = 3", 7840.0 / (3 * 794), f.apply(784, 10, 3), 1e-12, REREAD);
    }

    @Test
    @Points(3)
    void rankTwoMatchesNumpy() {
        checkRankTwoMatchesNumpy(STUDENT);
    }

    static void checkRankTwoMatchesNumpy(Truncate f) {
        double[][] w = w();
        double[][] w2 = f.apply(w, 2);
        allClose("W_2 (row-major)", W_INPUT + ", k = 2 (compared with numpy.linalg.svd)", W2, flat(w2), 1e-10, REREAD);
        double err = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 4; j++) {
                err += Math.pow(w[i][j] - w2[i][j], 2);
            }
        }
        close("‖W − W_2‖²_F (Eckart–Young: σ₃² + σ₄²)", W_INPUT, SIGMA[2] * SIGMA[2] + SIGMA[3] * SIGMA[3], err, 1e-9, REREAD);
        double[][] w1 = f.apply(w(), 1);
        double e1 = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 4; j++) {
                e1 += Math.pow(w[i][j] - w1[i][j], 2);
            }
        }
        close("‖W − W_1‖²_F (σ₂² + σ₃² + σ₄²)", W_INPUT + ", k = 1", SIGMA[1] * SIGMA[1] + SIGMA[2] * SIGMA[2]
                + SIGMA[3] * SIGMA[3], e1, 1e-9, REREAD);
        allClose("W_4 (full rank gives W back)", W_INPUT + ", k = 4", flat(w), flat(f.apply(w(), 4)), 1e-10, REREAD);
    }

    @Test
    @Points(1)
    void keepsTheLargestSingularValuesInWhateverOrderTheSvdReturnsThem() {
        checkKeepsTheLargestSingularValues(STUDENT);
    }

    static void checkKeepsTheLargestSingularValues(Truncate f) {
        // W = [[0, 1, 0], [2, 0, 0], [0, 0, 3]] has singular values 3, 2, 1 (EJML returns them unsorted): W_1 keeps the 3,
        // W_2 the 3 and the 2 (hand calculation). A single row is its own rank-1 approximation.
        double[][] w = {{0, 1, 0}, {2, 0, 0}, {0, 0, 3}};
        String input = "W = [[0, 1, 0], [2, 0, 0], [0, 0, 3]] (singular values 3, 2, 1)";
        allClose("W_1 (row-major)", input + ", k = 1", new double[]{0, 0, 0, 0, 0, 0, 0, 0, 3}, flat(f.apply(w, 1)),
                1e-12, REREAD + "; sort the SVD: SingularOps_DDRM.descendingOrder");
        allClose("W_2 (row-major)", input + ", k = 2", new double[]{0, 0, 0, 2, 0, 0, 0, 0, 3}, flat(f.apply(w, 2)),
                1e-12, REREAD + "; sort the SVD: SingularOps_DDRM.descendingOrder");
        double[][] row = f.apply(new double[][]{{3, -4}}, 1);
        allClose("W_1", "W = [[3, −4]] (one row), k = 1", new double[]{3, -4}, row == null || row.length == 0 ? null : row[0],
                1e-12, REREAD);
    }

    @Test
    @Points(1)
    void rankOutsideTheRangeIsRefused() {
        checkRankOutsideTheRangeIsRefused(STUDENT);
    }

    static void checkRankOutsideTheRangeIsRefused(Truncate f) {
        for (int k : new int[]{5, 0}) {
            try {
                f.apply(w(), k);
                that(false, "truncate", W_INPUT + ", k = " + k, "expected IllegalArgumentException (k must lie in 1 … 4)", REREAD);
            } catch (IllegalArgumentException e) {
                that(e.getMessage() != null && e.getMessage().contains(String.valueOf(k)), "the error message", "k = " + k,
                        "expected it to name k = " + k + ", got \"" + e.getMessage() + "\"", REREAD);
            }
        }
    }
}
