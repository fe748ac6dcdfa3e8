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
        // BEGIN SOLUTION 05.5 column max-norm projection
        if (!(c > 0)) {
            throw new IllegalArgumentException("the radius c must be > 0, got " + c);
        }
        if (w.length == 0) {
            return;
        }
        for (int j = 0; j < w[0].length; j++) {
            double s = 0;
            for (double[] row : w) {
                s += row[j] * row[j];
            }
            double scale = Math.min(1, c / Math.sqrt(s));
            for (double[] row : w) {
                row[j] *= scale;
            }
        }
        // END SOLUTION
    }
}
