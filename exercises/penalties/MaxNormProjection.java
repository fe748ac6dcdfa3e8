package penalties;

/**
 * Exercise 05.5: the per-unit column-norm ("max-norm") constraint of Goodfellow et al. §7.2 (after Srebro and Shraibman
 * 2005 and Hinton et al. 2012). W is a layer's n_in × n_out weight matrix, so column j holds the incoming weights of
 * hidden unit j. Project every column onto the ball of radius c:
 * <pre>
 *   W_{:,j} ← W_{:,j} · min(1, c/‖W_{:,j}‖₂)
 * </pre>
 * A column already inside the ball is left exactly as it is.
 */
public final class MaxNormProjection {

    private MaxNormProjection() {
    }

    /**
     * Projects {@code w} in place ({@code w[i][j]}: row i = input i, column j = unit j).
     *
     * @param c the radius, &gt; 0
     * @throws IllegalArgumentException when c ≤ 0 or NaN
     */
    public static void project(double[][] w, double c) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 05.5 (column max-norm projection) is not implemented yet");
    }
}
