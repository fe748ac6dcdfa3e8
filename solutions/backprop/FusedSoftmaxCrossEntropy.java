package backprop;

/**
 * Softmax and cross-entropy fused into one loss (Aggarwal eqs. 3.20–3.22), averaged over a mini-batch of n examples
 * with hard labels: L = (1/n) Σ_i [log Σ_j exp(v_ij) − v_{i,y_i}] and ∂L/∂v_ij = (o_ij − [j = y_i])/n.
 * <p>
 * Computing log Σ_j exp(v_j) as m + log Σ_j exp(v_j − m), with m = max_j v_j, keeps every exponent at or below 0,
 * so scores of ±1000 give a finite loss and gradient where exp(1000) would overflow.
 */
public final class FusedSoftmaxCrossEntropy {

    private FusedSoftmaxCrossEntropy() {
    }

    /**
     * The mean loss; writes ∂L/∂v into {@code grad} (same shape as {@code logits}).
     *
     * @param logits scores v, n × k
     * @param labels class index 0..k−1 per example
     * @param grad   output, n × k
     */
    public static double lossAndGradient(double[][] logits, int[] labels, double[][] grad) {
        // BEGIN SOLUTION 01.14 fused softmax cross-entropy
        int n = logits.length;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] v = logits[i];
            double m = Double.NEGATIVE_INFINITY;
            for (double t : v) {
                m = Math.max(m, t);
            }
            double s = 0;
            for (double t : v) {
                s += Math.exp(t - m);
            }
            double lse = m + Math.log(s);
            total += lse - v[labels[i]];
            for (int j = 0; j < v.length; j++) {
                grad[i][j] = (Math.exp(v[j] - lse) - (j == labels[i] ? 1 : 0)) / n;
            }
        }
        return total / n;
        // END SOLUTION
    }
}
