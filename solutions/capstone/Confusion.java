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
        // BEGIN SOLUTION 09.1 confusion matrix
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("confusion matrix: " + truth.length + " true labels but "
                    + predicted.length + " predictions");
        }
        int[][] counts = new int[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            int t = truth[i], p = predicted[i];
            if (t < 0 || t >= classes || p < 0 || p >= classes) {
                throw new IllegalArgumentException("confusion matrix: example " + i + " has true class " + t
                        + " and prediction " + p + ", outside [0, " + classes + ")");
            }
            counts[t][p]++;
        }
        return counts;
        // END SOLUTION
    }

    /** The accuracy: the diagonal's sum over the sum of all entries (0 for an empty matrix of counts). */
    public static double accuracy(int[][] counts) {
        // BEGIN SOLUTION 09.1 accuracy from the confusion matrix
        long correct = 0, total = 0;
        for (int t = 0; t < counts.length; t++) {
            for (int p = 0; p < counts[t].length; p++) {
                total += counts[t][p];
                if (t == p) {
                    correct += counts[t][p];
                }
            }
        }
        return total == 0 ? 0 : (double) correct / total;
        // END SOLUTION
    }
}
