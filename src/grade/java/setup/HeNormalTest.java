package setup;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.num;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "04.2", title = "He normal initialization")
class HeNormalTest {

    private static final String REREAD = "notebook 15, \"He initialization\" (W ~ N(0, 2/r) with r the fan-in: the standard "
            + "deviation is √(2/r), the variance 2/r)";

    @Test
    @Points(3)
    void hasVarianceTwoOverFanIn() {
        double[][] w = HeNormal.sample(500, 200, 1);
        that(w != null && w.length == 500 && w[0].length == 200, "the shape of W", "fan-in 500, fan-out 200",
                "expected 500×200", REREAD);
        double got = InitChecks.variance(w);
        double expected = 2.0 / 500;
        that(Math.abs(got - expected) <= 0.03 * expected, "the sample variance of W", "fan-in 500, fan-out 200, seed 1",
                "expected 2/fan_in = " + num(expected) + " within 3 %, got " + num(got)
                        + " (half of it means the factor 2 is missing; a tiny value means the variance was used as the standard deviation)",
                REREAD);
    }

    @Test
    @Points(1)
    void isGaussian() {
        double[][] w = HeNormal.sample(400, 250, 3);
        double std = Math.sqrt(2.0 / 400);
        int inside = 0, beyond2 = 0, n = 0;
        for (double[] row : w) {
            for (double v : row) {
                inside += Math.abs(v) < std ? 1 : 0;
                beyond2 += Math.abs(v) > 2 * std ? 1 : 0;
                n++;
            }
        }
        that(Math.abs(inside / (double) n - 0.6827) < 0.01 && Math.abs(beyond2 / (double) n - 0.0455) < 0.005,
                "the fractions of entries within 1σ and beyond 2σ", "fan-in 400, fan-out 250, seed 3",
                "a normal draw gives 0.6827 and 0.0455, got " + num(inside / (double) n) + " and " + num(beyond2 / (double) n)
                        + " (use nextGaussian())", REREAD);
    }

    @Test
    @Points(1)
    void sameSeedSameMatrix() {
        that(java.util.Arrays.deepEquals(HeNormal.sample(6, 4, 9), HeNormal.sample(6, 4, 9))
                        && !java.util.Arrays.deepEquals(HeNormal.sample(6, 4, 9), HeNormal.sample(6, 4, 10)),
                "matrices drawn with seeds 9, 9 and 10", "fan-in 6, fan-out 4",
                "the same seed must give the same matrix and another seed another one", REREAD);
    }

    @Test
    @Points(1)
    void drawsRowByRowFromNewRandomSeed() {
        // The reference: w[i][j] = √(2/fan-in)·nextGaussian() of new Random(seed), row by row; also for a fan-in or
        // fan-out of exactly 1 (allowed: only values below 1 are refused).
        for (int[] fans : new int[][]{{3, 4}, {1, 3}, {3, 1}}) {
            java.util.Random rng = new java.util.Random(11);
            double std = Math.sqrt(2.0 / fans[0]);
            double[][] w = HeNormal.sample(fans[0], fans[1], 11);
            String input = "fan-in " + fans[0] + ", fan-out " + fans[1] + ", seed 11";
            that(w != null && w.length == fans[0] && java.util.Arrays.stream(w).allMatch(r -> r.length == fans[1]),
                    "shape", input, "expected " + fans[0] + " × " + fans[1], REREAD);
            for (int i = 0; i < fans[0]; i++) {
                double[] expected = new double[fans[1]];
                for (int j = 0; j < fans[1]; j++) {
                    expected[j] = std * rng.nextGaussian();
                }
                allClose("row " + i, input + " (entries drawn row by row from new Random(seed).nextGaussian())", expected,
                        w[i], 1e-12, REREAD);
            }
        }
    }

    @Test
    @Points(1)
    void refusesAnEmptyFan() {
        InitChecks.refusesAnEmptyFan(HeNormal::sample, new int[][]{{0, 3}, {3, 0}}, REREAD);
    }

    @Test
    @Points(1)
    void drawsEveryEntryOfThinMatrices() {
        InitChecks.drawsEveryEntryOfThinMatrices(HeNormal::sample, REREAD);
    }
}
