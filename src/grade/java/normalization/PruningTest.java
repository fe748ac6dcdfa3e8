package normalization;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

/** Magnitude pruning: which weights go (by hand, ties, bounds), the bad-sparsity error, and the masked step. */
@Exercise(id = "08.5", title = "magnitude pruning with a mask")
class PruningTest {

    static final String REREAD = "Aggarwal §3.7.3 (\"sparsifying weights\": drop the weights of smallest absolute value, "
            + "then fine-tune the rest) and the javadoc of Pruning.keep (⌊s·n⌋ removed, lower index first on ties); notebook 37";

    interface Keep {
        boolean[] apply(double[] w, double sparsity);
    }

    interface Step {
        void apply(double[] w, double[] grad, boolean[] keep, double learningRate);
    }

    static final Keep STUDENT = Pruning::keep;
    static final Step STUDENT_STEP = Pruning::maskedStep;

    static String str(boolean[] b) {
        return b == null ? "null" : Arrays.toString(b);
    }

    static void expect(Keep f, double[] w, double s, boolean[] expected) {
        boolean[] got = f.apply(w.clone(), s);
        that(Arrays.equals(expected, got), "keep", "w = " + Arrays.toString(w) + ", s = " + s,
                "expected " + str(expected) + ", got " + str(got), REREAD);
    }

    @Test
    @Points(3)
    void smallestMagnitudesGoFirst() {
        checkSmallestMagnitudesGoFirst(STUDENT);
    }

    static void checkSmallestMagnitudesGoFirst(Keep f) {
        double[] w = {0.5, -0.1, 0.3, 0.15, -0.7, 0.05, 0.2, -0.4};
        // |w| sorted: 0.05 (5), 0.1 (1), 0.15 (3), 0.2 (6), 0.3 (2), 0.4 (7), 0.5 (0), 0.7 (4)
        expect(f, w, 0.5, new boolean[]{true, false, true, false, true, false, false, true});
        expect(f, w, 0.25, new boolean[]{true, false, true, true, true, false, true, true});
        expect(f, w, 0.0, new boolean[]{true, true, true, true, true, true, true, true});
        // ⌊0.3·8⌋ = 2, ⌊0.99·8⌋ = 7: the count is rounded down
        expect(f, w, 0.3, new boolean[]{true, false, true, true, true, false, true, true});
        expect(f, w, 0.99, new boolean[]{false, false, false, false, true, false, false, false});
        // the smallest weight first in the array: after removing it, the next search must skip it
        expect(f, new double[]{0.1, -5, 0.3, 2}, 0.5, new boolean[]{false, true, false, true});
    }

    @Test
    @Points(1)
    void tiesGoByLowerIndex() {
        checkTiesGoByLowerIndex(STUDENT);
    }

    static void checkTiesGoByLowerIndex(Keep f) {
        expect(f, new double[]{0.3, -0.2, 0.2, 0.9, -0.3}, 0.2, new boolean[]{true, false, true, true, true});
        expect(f, new double[]{0.3, -0.2, 0.2, 0.9, -0.3}, 0.6, new boolean[]{false, false, false, true, true});
    }

    @Test
    @Points(1)
    void sparsityOutsideZeroOneIsRefused() {
        checkSparsityOutsideZeroOneIsRefused(STUDENT);
    }

    static void checkSparsityOutsideZeroOneIsRefused(Keep f) {
        for (double s : new double[]{1.0, -0.25, 1.5}) {
            try {
                boolean[] k = f.apply(new double[]{1, 2, 3, 4}, s);
                that(false, "keep", "w = (1, 2, 3, 4), s = " + s, "expected IllegalArgumentException naming " + s
                        + ", got " + str(k), REREAD);
            } catch (IllegalArgumentException e) {
                that(e.getMessage() != null && e.getMessage().contains(String.valueOf(s)), "the error message",
                        "s = " + s, "expected it to name the value " + s + ", got \"" + e.getMessage() + "\"", REREAD);
            }
        }
    }

    @Test
    @Points(2)
    void maskedStepKeepsPrunedWeightsAtZero() {
        checkMaskedStepKeepsPrunedWeightsAtZero(STUDENT_STEP);
    }

    static void checkMaskedStepKeepsPrunedWeightsAtZero(Step f) {
        double[] w = {0.5, 0.0, 0.3, 0.02, -0.7};
        boolean[] keep = {true, false, true, false, true};
        f.apply(w, new double[]{1, 2, -1, 0.5, 0.5}, keep, 0.1);
        allClose("w after one masked step", "w = (0.5, 0, 0.3, 0.02, −0.7), keep = (T, F, T, F, T), "
                        + "g = (1, 2, −1, 0.5, 0.5), ε = 0.1",
                new double[]{0.4, 0, 0.4, 0, -0.75}, w, 1e-15, REREAD);
    }
}
