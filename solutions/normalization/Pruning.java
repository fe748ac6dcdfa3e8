package normalization;

/**
 * Exercise 08.5: magnitude pruning with a mask (Aggarwal §3.7.3, "sparsifying weights"): remove the weights of
 * smallest absolute value, then fine-tune only the survivors.
 */
public final class Pruning {

    private Pruning() {
    }

    /**
     * Which weights survive pruning to sparsity s: exactly ⌊s·n⌋ weights are removed, those of smallest |w|; among weights
     * of equal magnitude the one with the lower index is removed first.
     *
     * @param w        the weights (not modified)
     * @param sparsity s, the fraction removed
     * @return keep, with keep[i] false for a removed weight
     * @throws IllegalArgumentException when s is not in [0, 1) (s = 1 would remove the whole layer); the message names s
     */
    public static boolean[] keep(double[] w, double sparsity) {
        // BEGIN SOLUTION 08.5 magnitude pruning with a mask
        if (!(sparsity >= 0 && sparsity < 1)) {
            throw new IllegalArgumentException("sparsity must lie in [0, 1), got " + sparsity);
        }
        int n = w.length;
        int drop = (int) Math.floor(sparsity * n);
        boolean[] keep = new boolean[n];
        java.util.Arrays.fill(keep, true);
        for (int k = 0; k < drop; k++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (keep[i] && (best < 0 || Math.abs(w[i]) < Math.abs(w[best]))) {
                    best = i;
                }
            }
            keep[best] = false;
        }
        return keep;
        // END SOLUTION
    }

    /**
     * One fine-tuning step of gradient descent that keeps the pruned connections removed: wᵢ ← wᵢ − ε gᵢ for the
     * survivors, and wᵢ = 0 for the removed ones (whatever their gradient). Updates {@code w} in place.
     */
    public static void maskedStep(double[] w, double[] grad, boolean[] keep, double learningRate) {
        // BEGIN SOLUTION 08.5 magnitude pruning with a mask
        for (int i = 0; i < w.length; i++) {
            w[i] = keep[i] ? w[i] - learningRate * grad[i] : 0;
        }
        // END SOLUTION
    }
}
