package penalties;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

import java.util.Random;

/** Columns (units), not rows and not the whole matrix; columns inside the ball stay put. */
@Exercise(id = "05.5", title = "column max-norm projection")
class MaxNormProjectionTest {

    private static final String REREAD = "Goodfellow et al. §7.2 (constrain each column — each hidden unit's weight vector — "
            + "not the whole matrix): W_{:,j} ← W_{:,j}·min(1, c/‖W_{:,j}‖); notebook 22";

    @Test
    @Points(3)
    void everyColumnByHand() {
        // column norms 5, 1, 13 with c = 2: scale by 2/5, keep, scale by 2/13
        double[][] w = {{3, 1, 5}, {4, 0, 12}};
        MaxNormProjection.project(w, 2);
        allClose("row 0 of W", "W = [[3, 1, 5], [4, 0, 12]], c = 2", new double[]{1.2, 1, 10.0 / 13}, w[0], 1e-14, REREAD);
        allClose("row 1 of W", "W = [[3, 1, 5], [4, 0, 12]], c = 2", new double[]{1.6, 0, 24.0 / 13}, w[1], 1e-14, REREAD);
    }

    @Test
    @Points(2)
    void columnsInsideTheBallAreLeftAlone() {
        double[][] w = {{0.3, -0.1}, {0.4, 0.2}, {0, 0.5}};
        MaxNormProjection.project(w, 1);
        allClose("row 0 of W", "W = [[0.3, −0.1], [0.4, 0.2], [0, 0.5]], c = 1 (every column inside)",
                new double[]{0.3, -0.1}, w[0], 0, REREAD);
        allClose("row 2 of W", "the same W", new double[]{0, 0.5}, w[2], 0, REREAD);
    }

    @Test
    @Points(1)
    void noColumnEndsUpLongerThanC() {
        Random rng = new Random(55);
        double[][] w = new double[6][4];
        for (double[] row : w) {
            for (int j = 0; j < 4; j++) {
                row[j] = 2 * rng.nextGaussian();
            }
        }
        MaxNormProjection.project(w, 1.5);
        for (int j = 0; j < 4; j++) {
            double s = 0;
            for (double[] row : w) {
                s += row[j] * row[j];
            }
            that(Math.sqrt(s) <= 1.5 + 1e-12, "‖W_{:," + j + "}‖", "a random 6×4 W, c = 1.5",
                    "the column has norm " + Math.sqrt(s), REREAD);
        }
    }

    @Test
    @Points(1)
    void emptyAndSingleRowMatrices() {
        MaxNormProjection.project(new double[0][], 1);               // nothing to do, and no exception
        double[][] w = {{3, -0.5, 4}};                                // one input: every column is a single weight
        MaxNormProjection.project(w, 1);
        allClose("W", "W = [[3, −0.5, 4]] (one row), c = 1", new double[]{1, -0.5, 1}, w[0], 1e-15, REREAD);
    }

    @Test
    @Points(1)
    void refusesANonPositiveRadius() {
        try {
            MaxNormProjection.project(new double[][]{{1}}, 0);
            that(false, "c = 0", "W = [[1]]", "expected IllegalArgumentException, got no exception", REREAD);
        } catch (IllegalArgumentException expected) {
            // refused
        }
    }
}
