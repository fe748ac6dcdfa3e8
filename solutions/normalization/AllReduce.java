package normalization;

import java.util.List;

/**
 * Exercise 08.8: one step of synchronous data-parallel SGD (Aggarwal §3.7.2). Worker s computed g_s, the mean gradient
 * over its m_s rows of the global batch of m = Σ m_s rows. The all-reduce combines them into the gradient of the mean loss
 * over the whole batch, and every replica takes the same step:
 * <pre>
 *   g = Σ_s (m_s / m) g_s,     θ ← θ − ε g
 * </pre>
 */
public final class AllReduce {

    private AllReduce() {
    }

    /**
     * @param theta          θ, updated in place
     * @param shardGradients g_s for every worker s (each the length of θ)
     * @param shardRows      m_s for every worker s
     * @param learningRate   ε
     * @return g, a new array
     */
    public static double[] step(double[] theta, List<double[]> shardGradients, int[] shardRows, double learningRate) {
        // BEGIN SOLUTION 08.8 synchronous all-reduce step
        int m = 0;
        for (int rows : shardRows) {
            m += rows;
        }
        double[] g = new double[theta.length];
        for (int s = 0; s < shardRows.length; s++) {
            double w = (double) shardRows[s] / m;
            double[] gs = shardGradients.get(s);
            for (int j = 0; j < g.length; j++) {
                g[j] += w * gs[j];
            }
        }
        for (int j = 0; j < theta.length; j++) {
            theta[j] -= learningRate * g[j];
        }
        return g;
        // END SOLUTION
    }
}
