package backprop;

/**
 * Book exercise 3 of the training chapter (Aggarwal ch. 3): inputs x_1..x_n feed one hidden unit per pair i &lt; j
 * computing x_i·x_j, and the output adds the hidden units, o = Σ_{i&lt;j} x_i x_j. Each input reaches o through the
 * n − 1 products it takes part in (Lemma 3.2.1: sum the path products).
 */
public final class PairwiseProducts {

    private PairwiseProducts() {
    }

    /** o = Σ_{i&lt;j} x_i x_j. */
    public static double forward(double[] x) {
        double o = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                o += x[i] * x[j];
            }
        }
        return o;
    }

    /**
     * ∂L/∂x_k for every input, given the upstream derivative ∂L/∂o.
     *
     * @param x        the inputs of the forward pass
     * @param upstream ∂L/∂o
     */
    public static double[] gradient(double[] x, double upstream) {
        // BEGIN SOLUTION 01.3 gradient through a sum of pairwise products
        double total = 0;
        for (double v : x) {
            total += v;
        }
        double[] g = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            g[k] = upstream * (total - x[k]);
        }
        return g;
        // END SOLUTION
    }
}
