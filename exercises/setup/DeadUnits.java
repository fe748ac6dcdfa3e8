package setup;

/**
 * Exercise 04.5: find the dead units of a ReLU layer (Aggarwal §3.4.3). The layer computes h = ReLU(xW + b) with W
 * of shape d × m (column j holds the incoming weights of unit j) for every row x of the data. Unit j is dead on the
 * data when its output is 0 for <em>every</em> row, i.e. its pre-activation x·W_{:,j} + b_j is ≤ 0 for every row
 * (ReLU(0) = 0 too). Return the dead units' indices in increasing order. If a row's length differs from W's row count,
 * or b's length from W's column count, throw an {@link IllegalArgumentException} naming both.
 */
public final class DeadUnits {

    private DeadUnits() {
    }

    public static int[] find(double[][] x, double[][] w, double[] b) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 04.5 (dead ReLU units) is not implemented yet");
    }
}
