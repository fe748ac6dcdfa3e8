package setup;

/**
 * Exercise 04.8: initialize the bias of a softmax output layer from the class marginals (Goodfellow et al. §8.4).
 * With the weights near zero the network's first prediction is softmax(b); choosing b so that softmax(b) = c, the
 * class frequencies c_k = n_k/N of the training labels, means solving
 * <pre>
 *   e^{b_k} / Σ_l e^{b_l} = c_k      ⇐      b_k = log c_k   (any constant may be added to every b_k)
 * </pre>
 * The untrained network's cross-entropy is then the entropy H(c) instead of log K. Labels are 0..classes−1. A label
 * outside that range, or a class that never occurs (log 0), is an {@link IllegalArgumentException} naming it.
 */
public final class OutputBias {

    private OutputBias() {
    }

    public static double[] fromLabels(int[] labels, int classes) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 04.8 (output bias from class marginals) is not implemented yet");
    }
}
