package datanoise;

import static descent.grade.GradedAssert.allClose;

import descent.grade.Exercise;
import descent.grade.GradedAssert;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/** Algorithm 7.1 walked over a recorded validation trace. */
@Exercise(id = "06.1", title = "early stopping on a validation trace")
class EarlyStoppingTraceTest {

    private static final String REREAD = "notebook 27, Algorithm 7.1 (Goodfellow et al. §7.8): i grows by n before each "
            + "evaluation, j is reset to 0 on every strict improvement (v' < v) and the loop ends when j reaches p";

    private static double[] steps(int[] r) {
        GradedAssert.that(r != null && r.length == 2, "the returned array", "any trace",
                "two entries {i*, stopping step}, got " + (r == null ? "null" : r.length + " entries"), REREAD);
        return new double[]{r[0], r[1]};
    }

    /** By hand: improvements at 10, 20, 30 and 50; 40 does not improve; 60, 70, 80 do not, so p = 3 ends it at 80. */
    @Test
    @Points(3)
    void patienceCountsNonImprovementsSinceTheLastBest() {
        double[] trace = {5, 4, 3, 3.5, 2.5, 2.6, 2.7, 2.8, 1.0};
        allClose("{i*, stopping step}", "validation = (5, 4, 3, 3.5, 2.5, 2.6, 2.7, 2.8, 1.0), n = 10, p = 3",
                new double[]{50, 80}, steps(EarlyStoppingTrace.stop(trace, 10, 3)), 0, REREAD);
    }

    /** A tie is not an improvement: 2 at step 2 stays the best; steps 3 and 4 use up p = 2. */
    @Test
    @Points(2)
    void aTieIsNotAnImprovement() {
        allClose("{i*, stopping step}", "validation = (3, 2, 2, 2, 2), n = 1, p = 2",
                new double[]{2, 4}, steps(EarlyStoppingTrace.stop(new double[]{3, 2, 2, 2, 2}, 1, 2)), 0, REREAD);
    }

    /** The trace ends before the patience runs out: the loop ends at the last evaluation. */
    @Test
    @Points(1)
    void aTraceThatKeepsImproving() {
        allClose("{i*, stopping step}", "validation = (3, 2, 1), n = 5, p = 4",
                new double[]{15, 15}, steps(EarlyStoppingTrace.stop(new double[]{3, 2, 1}, 5, 4)), 0, REREAD);
    }

    /** A diverged run whose validation error is +∞ throughout never improves on v = ∞: i* stays 0 (θ_o is returned). */
    @Test
    @Points(1)
    void noImprovementKeepsTheStartingPoint() {
        double inf = Double.POSITIVE_INFINITY;
        allClose("{i*, stopping step}", "validation = (∞, ∞, ∞), n = 4, p = 2",
                new double[]{0, 8}, steps(EarlyStoppingTrace.stop(new double[]{inf, inf, inf}, 4, 2)), 0, REREAD);
    }

    /** Patience 1 stops at the first evaluation that does not improve. */
    @Test
    @Points(1)
    void patienceOne() {
        allClose("{i*, stopping step}", "validation = (4, 1, 2, 0.5), n = 3, p = 1",
                new double[]{6, 9}, steps(EarlyStoppingTrace.stop(new double[]{4, 1, 2, 0.5}, 3, 1)), 0, REREAD);
    }
}
