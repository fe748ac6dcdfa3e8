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
        // BEGIN SOLUTION 04.5 dead ReLU units
        int d = w.length, m = b.length;
        for (int i = 0; i < d; i++) {
            if (w[i].length != m) {
                throw new IllegalArgumentException("W row " + i + " has " + w[i].length + " columns but b has " + m + " entries");
            }
        }
        boolean[] alive = new boolean[m];
        for (int r = 0; r < x.length; r++) {
            if (x[r].length != d) {
                throw new IllegalArgumentException("row " + r + " has " + x[r].length + " features but W has " + d + " rows");
            }
            for (int j = 0; j < m; j++) {
                double a = b[j];
                for (int i = 0; i < d; i++) {
                    a += x[r][i] * w[i][j];
                }
                if (a > 0) {
                    alive[j] = true;
                }
            }
        }
        return java.util.stream.IntStream.range(0, m).filter(j -> !alive[j]).toArray();
        // END SOLUTION
    }
}
