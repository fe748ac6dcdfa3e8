package capstone;

/**
 * Exercise 09.1: the confusion matrix of a classifier and the accuracy read off it (notebook 39). Entry [t][p] counts the
 * examples whose true class is t and whose predicted class is p: rows are true classes, columns predictions, so the
 * diagonal holds the correct answers and row t sums to the number of examples of class t.
 */
public final class Confusion {

    private Confusion() {
    }

    /**
     * The classes × classes confusion matrix of {@code truth} against {@code predicted}.
     *
     * @throws IllegalArgumentException when the two arrays differ in length (naming both lengths), or when a label or a
     *                                  prediction lies outside 0 … classes − 1 (naming the example and the value)
     */
    public static int[][] matrix(int[] truth, int[] predicted, int classes) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 09.1 (confusion matrix) is not implemented yet");
    }

    /** The accuracy: the diagonal's sum over the sum of all entries (0 for an empty matrix of counts). */
    public static double accuracy(int[][] counts) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 09.1 (accuracy from the confusion matrix) is not implemented yet");
    }
}
