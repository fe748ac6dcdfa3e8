package ensembles;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.fail;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/** x + ε·sign(g), sign(0) = 0, clipped to [lo, hi]. */
@Exercise(id = "07.6", title = "fast gradient sign step")
class FastGradientSignTest {

    private static final String REREAD = "the draft of Goodfellow et al. ch. 7, §7.13 and Fig. 7.7: x' = x + ε·sign(∇ₓJ) "
            + "(the sign, not the gradient; + to increase the cost; sign(0) = 0), then clip to [lo, hi]; notebook 32";

    @Test
    @Points(3)
    void signStep() {
        allClose("x'", "x = [0.5, 0.2, 0.7, 0.4], ∇ₓJ = [3, −0.01, 0, −7], ε = 0.1, range [0, 1]",
                new double[]{0.6, 0.1, 0.7, 0.3},
                FastGradientSign.perturb(new double[]{0.5, 0.2, 0.7, 0.4}, new double[]{3, -0.01, 0, -7}, 0.1, 0, 1), 1e-14, REREAD);
    }

    @Test
    @Points(2)
    void clipsToTheInputRange() {
        allClose("x'", "x = [0.95, 0.02, 0.5], ∇ₓJ = [1, −1, 1], ε = 0.1, range [0, 1]", new double[]{1, 0, 0.6},
                FastGradientSign.perturb(new double[]{0.95, 0.02, 0.5}, new double[]{1, -1, 1}, 0.1, 0, 1), 1e-14, REREAD);
        allClose("x'", "x = [3, −4], ∇ₓJ = [2, 5], ε = 0.5, range [−1, 1]", new double[]{1, -1},
                FastGradientSign.perturb(new double[]{3, -4}, new double[]{2, 5}, 0.5, -1, 1), 1e-14, REREAD);
        allClose("x'", "x = [0.3, 0.6], ∇ₓJ = [1, −1], ε = 0 (no attack), range [0.3, 0.6]", new double[]{0.3, 0.6},
                FastGradientSign.perturb(new double[]{0.3, 0.6}, new double[]{1, -1}, 0, 0.3, 0.6), 0, REREAD);
        allClose("x'", "x = [2], ∇ₓJ = [1], ε = 1, range [2, 2]", new double[]{2},
                FastGradientSign.perturb(new double[]{2}, new double[]{1}, 1, 2, 2), 0, REREAD);
    }

    @Test
    @Points(1)
    void refusesBadArguments() {
        double[][] xs = {{0.5}, {0.5}, {0.5}, {0.5, 0.1}};
        double[] eps = {-0.1, Double.NaN, 0.1, 0.1}, lo = {0, 0, 1, 0}, hi = {1, 1, 0, 1};
        String[] what = {"ε = −0.1", "ε = NaN", "range [1, 0]", "x of length 2, gradient of length 1"};
        for (int t = 0; t < xs.length; t++) {
            try {
                FastGradientSign.perturb(xs[t], new double[]{1}, eps[t], lo[t], hi[t]);
                fail(what[t], "bad arguments", "IllegalArgumentException", "no exception", REREAD);
            } catch (IllegalArgumentException expected) {
                // refused
            }
        }
    }
}
