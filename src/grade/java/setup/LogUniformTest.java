package setup;

import static descent.grade.GradedAssert.num;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "04.7", title = "log-uniform sampler")
class LogUniformTest {

    private static final String REREAD = "Aggarwal §3.3.1 (sample log₁₀ α uniformly in [log₁₀ lo, log₁₀ hi] and take "
            + "α = 10^(log₁₀ α)) and notebook 17";

    @Test
    @Points(3)
    void everyDecadeGetsTheSameShare() {
        double[][] ranges = {{1e-3, 1e-1}, {1e-4, 1}};
        for (double[] r : ranges) {
            double[] v = LogUniform.sample(r[0], r[1], 20000, 3);
            that(v != null && v.length == 20000, "the number of samples", "n = 20000", "expected 20000", REREAD);
            int decades = (int) Math.round(Math.log10(r[1] / r[0]));
            int[] count = new int[decades];
            for (double x : v) {
                that(x >= r[0] && x <= r[1], "every sample", "range [" + num(r[0]) + ", " + num(r[1]) + "]",
                        "got " + num(x) + ", outside the range (log₁₀ and ln mixed up?)", REREAD);
                count[Math.min(decades - 1, (int) Math.floor(Math.log10(x / r[0])))]++;
            }
            for (int k = 0; k < decades; k++) {
                double share = count[k] / 20000.0;
                that(Math.abs(share - 1.0 / decades) < 0.02, "the share of samples in decade " + k,
                        "range [" + num(r[0]) + ", " + num(r[1]) + "], 20000 samples, seed 3",
                        "expected " + num(1.0 / decades) + ", got " + num(share)
                                + " (a plain uniform draw puts almost everything in the top decade)", REREAD);
            }
        }
    }

    @Test
    @Points(1)
    void sameSeedSameSamples() {
        that(java.util.Arrays.equals(LogUniform.sample(1e-5, 1e-2, 10, 7), LogUniform.sample(1e-5, 1e-2, 10, 7))
                        && !java.util.Arrays.equals(LogUniform.sample(1e-5, 1e-2, 10, 7), LogUniform.sample(1e-5, 1e-2, 10, 8))
                        && LogUniform.sample(1e-5, 1e-2, 0, 7).length == 0,
                "samples", "seeds 7, 7 and 8; n = 10 and n = 0",
                "the same seed must give the same samples, another seed others, and n = 0 none", REREAD);
    }

    @Test
    @Points(2)
    void refusesEmptyOrNonPositiveRanges() {
        double[][] bad = {{0, 1, 5}, {-1e-3, 1e-1, 5}, {1e-2, 1e-2, 5}, {1e-1, 1e-3, 5}, {1e-3, 1e-1, -1}};
        for (double[] c : bad) {
            try {
                LogUniform.sample(c[0], c[1], (int) c[2], 1);
                that(false, "the result", "lo = " + num(c[0]) + ", hi = " + num(c[1]) + ", n = " + (int) c[2],
                        "expected an IllegalArgumentException", REREAD);
            } catch (IllegalArgumentException expected) {
                // the required error
            }
        }
    }
}
