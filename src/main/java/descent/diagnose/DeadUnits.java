package descent.diagnose;

import org.ejml.data.DMatrixRMaj;

import java.util.stream.IntStream;

/**
 * Dead units (Aggarwal §3.4.3, "dying neurons"; COMP541 lecture 4, "dead ReLU"): a ReLU unit whose output is 0 on
 * every example of a data set. Its pre-activation is ≤ 0 everywhere, so the gradient reaching its incoming
 * weights is 0 on every example and gradient descent can never revive it.
 *
 * <p>{@link #zeroColumns} looks at a layer's outputs (units are columns, examples rows) and finds the columns that
 * are exactly 0 on every row. {@link #neverPositive} looks at pre-activations and finds the columns that are
 * ≤ 0 on every row: the units that would be dead behind a ReLU. Behind a leaky ReLU or PReLU such a unit still
 * passes a gradient α·g, which is why it can recover.
 */
public final class DeadUnits {

    private DeadUnits() {
    }

    /** Columns of {@code outputs} that are exactly 0 on every row. */
    public static int[] zeroColumns(DMatrixRMaj outputs) {
        return columns(outputs, true);
    }

    /** Columns of {@code preActivations} that are ≤ 0 on every row. */
    public static int[] neverPositive(DMatrixRMaj preActivations) {
        return columns(preActivations, false);
    }

    /** How many columns of {@code outputs} are exactly 0 on every row. */
    public static int count(DMatrixRMaj outputs) {
        return zeroColumns(outputs).length;
    }

    private static int[] columns(DMatrixRMaj m, boolean exactZero) {
        if (m.numRows < 1) {
            throw new IllegalArgumentException("dead units: need at least one example, got a " + m.numRows + "x"
                    + m.numCols + " matrix");
        }
        int d = m.numCols;
        return IntStream.range(0, d).filter(j -> {
            for (int i = 0; i < m.numRows; i++) {
                double v = m.data[i * d + j];
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("dead units: row " + i + ", column " + j + " is NaN");
                }
                if (exactZero ? v != 0 : v > 0) {
                    return false;
                }
            }
            return true;
        }).toArray();
    }
}
