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
        // BEGIN SOLUTION 04.8 output bias from class marginals
        int[] count = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " at position " + i + " is not one of the " + classes + " classes");
            }
            count[labels[i]]++;
        }
        double[] b = new double[classes];
        for (int k = 0; k < classes; k++) {
            if (count[k] == 0) {
                throw new IllegalArgumentException("class " + k + " never occurs; its bias would be log 0 = −∞");
            }
            b[k] = Math.log(count[k] / (double) labels.length);
        }
        return b;
        // END SOLUTION
    }
}
