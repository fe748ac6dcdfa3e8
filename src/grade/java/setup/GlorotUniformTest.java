package setup;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.num;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Exercise(id = "04.1", title = "Glorot uniform initialization")
class GlorotUniformTest {

    private static final String REREAD = "Goodfellow et al. eq. 8.23 (W ~ U(−√(6/(m+n)), √(6/(m+n))), whose variance is "
            + "limit²/3 = 2/(m+n)) and notebook 15";

    private static void shape(double[][] w, int r, int s, String input) {
        that(w != null && w.length == r && w[0].length == s, "the shape of W", input,
                "expected " + r + "×" + s + ", got " + (w == null ? "null" : w.length + "×" + (w.length == 0 ? 0 : w[0].length)), REREAD);
    }

    @Test
    @Points(3)
    void hasVarianceTwoOverFanInPlusFanOut() {
        for (int[] fans : new int[][]{{300, 100}, {50, 450}}) {
            String input = "fan-in " + fans[0] + ", fan-out " + fans[1] + ", seed 1";
            double[][] w = GlorotUniform.sample(fans[0], fans[1], 1);
            shape(w, fans[0], fans[1], input);
            double expected = 2.0 / (fans[0] + fans[1]);
            double got = InitChecks.variance(w);
            // 30000 or 22500 draws: the sample variance is within 1 % of the truth with overwhelming probability
            that(Math.abs(got - expected) <= 0.04 * expected, "the sample variance of W", input,
                    "expected 2/(m+n) = " + num(expected) + " within 4 %, got " + num(got)
                            + " (a factor 3 off means the limit is not √(6/(m+n)); check the square root and the 6)", REREAD);
        }
    }

    @Test
    @Points(2)
    void isUniformInsideTheLimit() {
        double limit = Math.sqrt(6.0 / 400);
        double[][] w = GlorotUniform.sample(300, 100, 2);
        double max = 0;
        int outerHalf = 0, n = 0;
        for (double[] row : w) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
                outerHalf += Math.abs(v) > limit / 2 ? 1 : 0;
                n++;
            }
        }
        that(max <= limit * (1 + 1e-12) && max > 0.98 * limit, "the largest |W_ij|", "fan-in 300, fan-out 100, seed 2",
                "expected just below the limit √(6/400) = " + num(limit) + ", got " + num(max), REREAD);
        double frac = outerHalf / (double) n;
        that(Math.abs(frac - 0.5) < 0.02, "the fraction of entries with |W_ij| > limit/2", "fan-in 300, fan-out 100, seed 2",
                "a uniform draw puts half of them there, got " + num(frac), REREAD);
    }

    @Test
    @Points(1)
    void sameSeedSameMatrix() {
        double[][] a = GlorotUniform.sample(7, 5, 42), b = GlorotUniform.sample(7, 5, 42), c = GlorotUniform.sample(7, 5, 43);
        shape(a, 7, 5, "fan-in 7, fan-out 5, seed 42");
        that(java.util.Arrays.deepEquals(a, b), "two matrices", "the same seed 42 twice", "they differ: draw from new Random(seed)", REREAD);
        that(!java.util.Arrays.deepEquals(a, c), "two matrices", "seeds 42 and 43", "they are equal: use the seed", REREAD);
    }

    @Test
    @Points(1)
    void drawsRowByRowFromNewRandomSeed() {
        // The reference: w[i][j] = limit·(2u − 1) with u the next nextDouble() of new Random(seed), row by row; also
        // for a fan-in or fan-out of exactly 1 (allowed: only values below 1 are refused).
        for (int[] fans : new int[][]{{3, 4}, {1, 3}, {3, 1}}) {
            Random rng = new Random(11);
            double limit = Math.sqrt(6.0 / (fans[0] + fans[1]));
            double[][] w = GlorotUniform.sample(fans[0], fans[1], 11);
            String input = "fan-in " + fans[0] + ", fan-out " + fans[1] + ", seed 11";
            shape(w, fans[0], fans[1], input);
            for (int i = 0; i < fans[0]; i++) {
                double[] expected = new double[fans[1]];
                for (int j = 0; j < fans[1]; j++) {
                    expected[j] = limit * (2 * rng.nextDouble() - 1);
                }
                allClose("row " + i, input + " (entries drawn row by row from new Random(seed))", expected, w[i], 1e-12, REREAD);
            }
        }
    }

    @Test
    @Points(1)
    void refusesAnEmptyFan() {
        InitChecks.refusesAnEmptyFan(GlorotUniform::sample, new int[][]{{0, 5}, {5, 0}}, REREAD);
    }

    @Test
    @Points(1)
    void drawsEveryEntryOfThinMatrices() {
        InitChecks.drawsEveryEntryOfThinMatrices(GlorotUniform::sample, REREAD);
    }
}
