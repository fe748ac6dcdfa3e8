package ensembles;

import static descent.grade.GradedAssert.close;
import static descent.grade.GradedAssert.fail;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

/** With replacement, m draws, from a Random built from the seed, in order. */
@Exercise(id = "07.1", title = "bootstrap replicate")
class BootstrapTest {

    private static final String REREAD = "the draft of Goodfellow et al. ch. 7, §7.10 (bagging: m examples drawn with "
            + "replacement, so duplicates are expected); the javadoc's recipe idx[i] = new Random(seed).nextInt(m) in order; notebook 30";

    @Test
    @Points(3)
    void seededDrawsInOrder() {
        // new java.util.Random(42).nextInt(8), eight times: 5 0 5 0 2 7 2 5 (duplicates and gaps, as bootstrap sets have)
        int[] got = Bootstrap.sample(8, 42);
        if (!Arrays.equals(new int[]{5, 0, 5, 0, 2, 7, 2, 5}, got)) {
            fail("the replicate", "m = 8, seed = 42", "[5, 0, 5, 0, 2, 7, 2, 5]", Arrays.toString(got), REREAD);
        }
        got = Bootstrap.sample(5, 7);
        if (!Arrays.equals(new int[]{1, 4, 0, 4, 0}, got)) {
            fail("the replicate", "m = 5, seed = 7", "[1, 4, 0, 4, 0]", Arrays.toString(got), REREAD);
        }
    }

    @Test
    @Points(2)
    void aboutSixtyThreePercentOfTheExamplesArePresent() {
        int m = 5000;
        int[] idx = Bootstrap.sample(m, 2026);
        that(idx != null && idx.length == m, "the length of the replicate", "m = " + m,
                "got " + (idx == null ? "null" : idx.length + " indices"), REREAD);
        boolean[] seen = new boolean[m];
        int unique = 0;
        for (int i : idx) {
            that(i >= 0 && i < m, "index", "m = " + m, "got " + i + ", outside [0, m)", REREAD);
            unique += seen[i] ? 0 : 1;
            seen[i] = true;
        }
        // 1 − (1 − 1/m)^m ≈ 0.632 with a standard deviation of about 0.007 at m = 5000
        close("the fraction of distinct examples", "m = 5000, seed = 2026", 1 - Math.pow(1 - 1.0 / m, m),
                (double) unique / m, 0.03, REREAD);
    }

    @Test
    @Points(1)
    void oneExampleAndNoExample() {
        int[] one = Bootstrap.sample(1, 3);
        that(Arrays.equals(new int[]{0}, one), "the replicate", "m = 1", "got " + Arrays.toString(one), REREAD);
        try {
            Bootstrap.sample(0, 3);
            fail("m = 0", "an empty training set", "IllegalArgumentException", "no exception", REREAD);
        } catch (IllegalArgumentException expected) {
            // refused
        }
    }
}
