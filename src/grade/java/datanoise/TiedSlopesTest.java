package datanoise;

import static descent.grade.GradedAssert.allClose;

import descent.grade.Exercise;
import descent.grade.GradedAssert;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/** The minimizer of two least-squares slopes tied by λ(w_A − w_B)². */
@Exercise(id = "06.8", title = "tied slopes in closed form")
class TiedSlopesTest {

    private static final String REREAD = "notebook 28, section 1: ∂J/∂w_A = (1/m_A)Σ x_i(w_A x_i − y_i) + 2λ(w_A − w_B) = 0 and "
            + "∂J/∂w_B = (1/m_B)Σ x_i(w_B x_i − y_i) − 2λ(w_A − w_B) = 0 (the penalty has no ½, so its derivative carries 2λ; "
            + "each task's loss is a mean over its own examples)";

    private static double[] run(double[] xa, double[] ya, double[] xb, double[] yb, double lambda) {
        double[] w = TiedSlopes.fit(xa, ya, xb, yb, lambda);
        GradedAssert.that(w != null && w.length == 2, "the returned slopes", "two tasks", "two entries {w_A, w_B}", REREAD);
        return w;
    }

    /** λ = 0: each task's own least-squares slope, Σxy/Σx²: A (x = 1, 2; y = 2, 4) gives 2, B (x = 1; y = 3) gives 3. */
    @Test
    @Points(2)
    void zeroLambdaGivesTheTwoSeparateFits() {
        allClose("{w_A, w_B}", "A: x = (1, 2), y = (2, 4); B: x = (1), y = (3); λ = 0", new double[]{2, 3},
                run(new double[]{1, 2}, new double[]{2, 4}, new double[]{1}, new double[]{3}, 0), 1e-12, REREAD);
    }

    /**
     * By hand: A: x = (2, 0), y = (0, 5) → mean x² = 2, mean xy = 0; B: x = (2, 0), y = (6, 1) → mean x² = 2, mean xy = 6;
     * λ = 1: (2 + 2)w_A − 2w_B = 0 and −2w_A + (2 + 2)w_B = 6 → w_A = 1, w_B = 2.
     */
    @Test
    @Points(3)
    void byHand() {
        allClose("{w_A, w_B}", "A: x = (2, 0), y = (0, 5); B: x = (2, 0), y = (6, 1); λ = 1", new double[]{1, 2},
                run(new double[]{2, 0}, new double[]{0, 5}, new double[]{2, 0}, new double[]{6, 1}, 1), 1e-12, REREAD);
    }

    /**
     * A huge λ forces one slope: the minimizer of the two mean losses together, (mean xy_A + mean xy_B)/(mean x²_A +
     * mean x²_B) = (0 + 6)/(2 + 2) = 1.5 for the data of {@link #byHand}.
     */
    @Test
    @Points(2)
    void hugeLambdaGivesTheSharedSlope() {
        allClose("{w_A, w_B}", "A: x = (2, 0), y = (0, 5); B: x = (2, 0), y = (6, 1); λ = 10⁹", new double[]{1.5, 1.5},
                run(new double[]{2, 0}, new double[]{0, 5}, new double[]{2, 0}, new double[]{6, 1}, 1e9), 1e-6, REREAD);
    }

    /** Tasks of different sizes: A has 1 example, B has 3 (each loss is a mean over its own examples), λ = 0.5. */
    @Test
    @Points(1)
    void unequalTaskSizes() {
        // A: mean x² = 1, mean xy = 2; B: x = (1, 1, 1), y = (0, 0, 3) → mean x² = 1, mean xy = 1; t = 2λ = 1:
        // 2w_A − w_B = 2, −w_A + 2w_B = 1 → w_A = 5/3, w_B = 4/3
        allClose("{w_A, w_B}", "A: x = (1), y = (2); B: x = (1, 1, 1), y = (0, 0, 3); λ = 0.5", new double[]{5.0 / 3, 4.0 / 3},
                run(new double[]{1}, new double[]{2}, new double[]{1, 1, 1}, new double[]{0, 0, 3}, 0.5), 1e-12, REREAD);
    }

    private static void rejects(double lambda) {
        try {
            TiedSlopes.fit(new double[]{1}, new double[]{1}, new double[]{1}, new double[]{1}, lambda);
        } catch (IllegalArgumentException e) {
            return;
        }
        GradedAssert.fail("the result", "λ = " + lambda, "an IllegalArgumentException", "no exception", REREAD);
    }

    /** λ must be a finite number ≥ 0. */
    @Test
    @Points(1)
    void badLambda() {
        rejects(-0.5);
        rejects(Double.NaN);
        rejects(Double.POSITIVE_INFINITY);
    }
}
