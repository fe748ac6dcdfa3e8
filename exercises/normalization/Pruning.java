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
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 08.5 (magnitude pruning with a mask) is not implemented yet");
    }

    /**
     * One fine-tuning step of gradient descent that keeps the pruned connections removed: wᵢ ← wᵢ − ε gᵢ for the
     * survivors, and wᵢ = 0 for the removed ones (whatever their gradient). Updates {@code w} in place.
     */
    public static void maskedStep(double[] w, double[] grad, boolean[] keep, double learningRate) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 08.5 (magnitude pruning with a mask) is not implemented yet");
    }
}
