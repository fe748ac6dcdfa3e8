package capstone;

import static descent.grade.GradedAssert.close;
import static descent.grade.GradedAssert.fail;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

/** The confusion matrix against counts made by hand, its error paths, and the accuracy read off it. */
@Exercise(id = "09.1", title = "confusion matrix")
class ConfusionTest {

    static final String REREAD = "notebook 39, \"Confusion matrix\": entry [t][p] counts the examples of true class t "
            + "predicted as p (rows true, columns predicted); the accuracy is the diagonal's sum over all entries";

    @Test
    @Points(3)
    void countsByHand() {
        // true 0 0 1 2 2 2 1 0, predicted 0 1 1 2 0 2 1 0 → [0][0] = 2, [0][1] = 1, [1][1] = 2, [2][2] = 2, [2][0] = 1
        int[] truth = {0, 0, 1, 2, 2, 2, 1, 0}, predicted = {0, 1, 1, 2, 0, 2, 1, 0};
        int[][] expected = {{2, 1, 0}, {0, 2, 0}, {1, 0, 2}};
        int[][] got = Confusion.matrix(truth, predicted, 3);
        String input = "truth " + Arrays.toString(truth) + ", predicted " + Arrays.toString(predicted) + ", 3 classes";
        if (!Arrays.deepEquals(expected, got)) {
            fail("confusion matrix (rows true, columns predicted)", input, Arrays.deepToString(expected),
                    Arrays.deepToString(got), REREAD);
        }
    }

    @Test
    @Points(1)
    void aClassNeverSeenGivesAZeroRowAndColumn() {
        int[][] got = Confusion.matrix(new int[]{1, 1, 0}, new int[]{1, 0, 0}, 4);
        int[][] expected = {{1, 0, 0, 0}, {1, 1, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}};
        if (!Arrays.deepEquals(expected, got)) {
            fail("confusion matrix with 4 classes, two never seen", "truth [1, 1, 0], predicted [1, 0, 0], 4 classes",
                    Arrays.deepToString(expected), Arrays.deepToString(got), REREAD);
        }
    }

    @Test
    @Points(2)
    void badInputNamesTheExampleOrTheLengths() {
        expectError(new int[]{0, 1, 3}, new int[]{0, 1, 1}, 3, "example 2", "a true class 3 with 3 classes (example 2)");
        expectError(new int[]{0, 1, 2}, new int[]{0, -1, 1}, 3, "example 1", "a prediction −1 (example 1)");
        expectError(new int[]{0, 1, 2}, new int[]{0, 3, 1}, 3, "example 1", "a prediction 3 with 3 classes (example 1)");
        expectError(new int[]{-1, 1}, new int[]{0, 1}, 3, "example 0", "a true class −1 (example 0)");
        expectError(new int[]{0, 1, 2}, new int[]{0, 1}, 3, "2", "3 labels but 2 predictions");
    }

    static void expectError(int[] truth, int[] predicted, int classes, String mention, String what) {
        String input = "truth " + Arrays.toString(truth) + ", predicted " + Arrays.toString(predicted) + ", " + classes
                + " classes";
        try {
            Confusion.matrix(truth, predicted, classes);
            that(false, "confusion matrix of " + what, input, "expected an IllegalArgumentException", REREAD);
        } catch (IllegalArgumentException e) {
            that(e.getMessage() != null && e.getMessage().contains(mention), "the error message", input,
                    "expected it to mention \"" + mention + "\", got \"" + e.getMessage() + "\"", REREAD);
        } catch (RuntimeException e) {
            that(false, "confusion matrix of " + what, input, "expected an IllegalArgumentException naming \"" + mention
                    + "\", got " + e, REREAD);
        }
    }

    @Test
    @Points(2)
    void accuracyIsTheDiagonalOverTheTotal() {
        int[][] counts = {{2, 1, 0}, {0, 2, 0}, {1, 0, 3}};
        close("accuracy", "counts " + Arrays.deepToString(counts), 7.0 / 9, Confusion.accuracy(counts), 1e-15, REREAD);
        int[][] skewed = {{0, 5}, {0, 1}};
        close("accuracy", "counts " + Arrays.deepToString(skewed), 1.0 / 6, Confusion.accuracy(skewed), 1e-15, REREAD);
        close("accuracy of an empty matrix", "counts [[0, 0], [0, 0]]", 0, Confusion.accuracy(new int[2][2]), 0, REREAD);
    }
}
