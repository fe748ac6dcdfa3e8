package setup;

import static descent.grade.GradedAssert.that;

/**
 * The checks that the graded tests of the two weight-initialization exercises (04.1 Glorot uniform, 04.2 He normal)
 * make alike, written once; each test passes its exercise's sampler and the section to reread.
 */
final class InitChecks {

    private InitChecks() {
    }

    /** An exercise's {@code sample(fanIn, fanOut, seed)}. */
    interface Sampler {
        double[][] sample(int fanIn, int fanOut, long seed);
    }

    /** The biased sample variance of every entry of {@code w}. */
    static double variance(double[][] w) {
        double s = 0, ss = 0;
        int n = 0;
        for (double[] row : w) {
            for (double v : row) {
                s += v;
                ss += v * v;
                n++;
            }
        }
        return ss / n - (s / n) * (s / n);
    }

    /** Each {fan-in, fan-out} pair of {@code fans} (one of them 0) must be refused with an IllegalArgumentException. */
    static void refusesAnEmptyFan(Sampler f, int[][] fans, String reread) {
        for (int[] fan : fans) {
            try {
                f.sample(fan[0], fan[1], 1);
                that(false, "the result", "fan-in " + fan[0] + ", fan-out " + fan[1],
                        "expected an IllegalArgumentException, got a matrix", reread);
            } catch (IllegalArgumentException expected) {
                // the required error
            }
        }
    }

    /** Matrices with a fan of 1 (and a larger one) have the right shape and no entry left at 0. */
    static void drawsEveryEntryOfThinMatrices(Sampler f, String reread) {
        for (int[] fans : new int[][]{{1, 5}, {5, 1}, {1, 1}, {40, 30}}) {
            double[][] w = f.sample(fans[0], fans[1], 3);
            String input = "fan-in " + fans[0] + ", fan-out " + fans[1];
            that(w != null && w.length == fans[0] && w[0].length == fans[1], "the shape of W", input,
                    "expected " + fans[0] + "×" + fans[1], reread);
            for (double[] row : w) {
                for (double v : row) {
                    that(v != 0, "every entry of W", input, "an entry is exactly 0: every entry must be drawn", reread);
                }
            }
        }
    }
}
