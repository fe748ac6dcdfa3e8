package backprop;

/**
 * Book exercise 4 of the training chapter (Aggarwal ch. 3): as exercise 3, but the output is the largest pairwise
 * product, o = max_{i&lt;j} x_i x_j. A max node passes the upstream derivative to its maximal input only (Table 3.1,
 * "Max"), so only the two inputs of the winning product receive a gradient.
 * <p>
 * Tie convention: pairs are ordered (1,2), (1,3), …, (1,n), (2,3), …, and the first maximal pair wins.
 */
public final class MaxOfProducts {

    private MaxOfProducts() {
    }

    /** o = max_{i&lt;j} x_i x_j. */
    public static double forward(double[] x) {
        double o = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                o = Math.max(o, x[i] * x[j]);
            }
        }
        return o;
    }

    /**
     * ∂L/∂x_k for every input, given ∂L/∂o.
     *
     * @param x        the inputs (at least two)
     * @param upstream ∂L/∂o
     */
    public static double[] gradient(double[] x, double upstream) {
        // BEGIN SOLUTION 01.4 gradient through a max of pairwise products
        int bi = 0;
        int bj = 1;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                if (x[i] * x[j] > x[bi] * x[bj]) {
                    bi = i;
                    bj = j;
                }
            }
        }
        double[] g = new double[x.length];
        g[bi] = upstream * x[bj];
        g[bj] = upstream * x[bi];
        return g;
        // END SOLUTION
    }
}
