package ensembles;

import static descent.grade.GradedAssert.close;
import static descent.grade.GradedAssert.fail;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/** v/k + (k − 1)c/k and its two limits. */
@Exercise(id = "07.2", title = "ensemble error formula")
class EnsembleErrorTest {

    private static final String REREAD = "the draft of Goodfellow et al. ch. 7, §7.10: E[((1/k)Σε_i)²] = v/k + (k − 1)c/k "
            + "(k diagonal terms v and k(k − 1) off-diagonal terms c, over k²); notebook 30";

    @Test
    @Points(3)
    void theDraftsExample() {
        // k = 10, v = 1, c = 0.3: 0.1 + 0.27 = 0.37
        close("E[(mean error)²]", "k = 10, v = 1, c = 0.3", 0.37, EnsembleError.expectedSquaredError(10, 1, 0.3), 1e-12, REREAD);
        close("E[(mean error)²]", "k = 4, v = 2, c = −0.5", 0.5 - 0.375, EnsembleError.expectedSquaredError(4, 2, -0.5), 1e-12, REREAD);
    }

    @Test
    @Points(2)
    void theLimits() {
        close("E[(mean error)²]", "k = 7, v = 1.5, c = v (perfectly correlated: no gain)", 1.5,
                EnsembleError.expectedSquaredError(7, 1.5, 1.5), 1e-12, REREAD);
        close("E[(mean error)²]", "k = 8, v = 2, c = 0 (uncorrelated: v/k)", 0.25,
                EnsembleError.expectedSquaredError(8, 2, 0), 1e-12, REREAD);
        close("E[(mean error)²]", "k = 1, v = 0.8, c = 0.5 (one model is itself)", 0.8,
                EnsembleError.expectedSquaredError(1, 0.8, 0.5), 1e-12, REREAD);
        close("E[(mean error)²]", "k = 2, v = 1, c = −1 (errors cancel)", 0,
                EnsembleError.expectedSquaredError(2, 1, -1), 1e-12, REREAD);
        close("E[(mean error)²]", "k = 3, v = 0, c = 0 (exact models)", 0,
                EnsembleError.expectedSquaredError(3, 0, 0), 1e-12, REREAD);
    }

    @Test
    @Points(1)
    void refusesImpossibleInputs() {
        int[] ks = {0, 3, 3, 3};
        double[] vs = {1, -0.1, 1, 1};
        double[] cs = {0, 0, 1.2, -1.01};
        String[] what = {"k = 0", "v = −0.1", "c = 1.2 > v = 1", "c = −1.01, |c| > v = 1"};
        for (int t = 0; t < ks.length; t++) {
            try {
                EnsembleError.expectedSquaredError(ks[t], vs[t], cs[t]);
                fail(what[t], "an impossible ensemble", "IllegalArgumentException", "no exception", REREAD);
            } catch (IllegalArgumentException expected) {
                // refused
            }
        }
    }
}
