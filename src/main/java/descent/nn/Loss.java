package descent.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * A loss on a network's batch×k output, with hard labels (one int class index per example) or soft targets
 * (a batch×k matrix). Each call returns the loss, reduced over the batch as {@link #reduction()} says, and
 * writes ∂L/∂output into {@code grad} (reshaped to the output's shape) unless {@code grad} is null.
 */
public interface Loss {

    String name();

    Reduction reduction();

    double evaluate(DMatrixRMaj output, int[] labels, DMatrixRMaj grad);

    double evaluate(DMatrixRMaj output, DMatrixRMaj targets, DMatrixRMaj grad);

    /** The label-range check with the standard message. */
    static void requireLabels(String loss, int[] labels, int rows, int classes) {
        if (labels.length != rows) {
            throw new IllegalArgumentException(loss + ": " + labels.length + " labels for a batch of " + rows + " rows");
        }
        for (int i = 0; i < labels.length; i++) {
            requireLabel(loss, labels[i], i, classes);
        }
    }

    /** The label of one example must name one of the classes (the standard message names both). */
    static void requireLabel(String loss, int label, int example, int classes) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException(loss + ": label " + label + " of example " + example
                    + " is outside 0.." + (classes - 1) + " (" + classes + " classes)");
        }
    }

    /** The soft-target shape check with the standard message. */
    static void requireSameShape(String loss, DMatrixRMaj output, DMatrixRMaj targets) {
        if (output.numRows != targets.numRows || output.numCols != targets.numCols) {
            throw new IllegalArgumentException(loss + ": targets " + targets.numRows + "x" + targets.numCols
                    + " do not match the output " + output.numRows + "x" + output.numCols);
        }
    }
}
