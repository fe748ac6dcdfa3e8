package datanoise;

/**
 * Exercise 06.4: label smoothing (Goodfellow et al. §7.5.1). A label is taken to be right with probability 1 − ε and
 * otherwise to be any one of the other k − 1 classes, so the expected target of a softmax with k outputs is
 * <pre>
 *   tⱼ = 1 − ε for the labelled class y,     tⱼ = ε/(k − 1) for each other class,
 * </pre>
 * and the loss is the cross-entropy −Σⱼ tⱼ log softmax(z)ⱼ.
 * <ul>
 *   <li>{@link #targets}: the m×k matrix of smoothed targets; ε outside [0, 1) is refused with an
 *       {@link IllegalArgumentException} naming the value.</li>
 *   <li>{@link #gradient}: ∂L/∂z = softmax(z) − t for one example (compute softmax stably: subtract the largest logit
 *       before exponentiating).</li>
 *   <li>{@link #logitGap}: at the minimum, softmax(z) = t, so z_y − z_j = log(t_y/t_j) = log((1 − ε)(k − 1)/ε) for
 *       every j ≠ y: finite, unlike with hard targets.</li>
 * </ul>
 */
public final class SmoothedTargets {

    private SmoothedTargets() {
    }

    /** @return t[i][j] for the labels (each in 0 … k − 1), k ≥ 2 classes and ε in [0, 1) */
    public static double[][] targets(int[] labels, int k, double eps) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 06.4 (smoothed targets) is not implemented yet");
    }

    /** @return softmax(z) − t for logits z, the label and ε (k = z.length) */
    public static double[] gradient(double[] z, int label, double eps) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 06.4 (gradient of the smoothed cross-entropy) is not implemented yet");
    }

    /** @return log((1 − ε)(k − 1)/ε), the gap between the labelled logit and any other at the minimum (0 &lt; ε &lt; 1) */
    public static double logitGap(int k, double eps) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 06.4 (optimal logit gap) is not implemented yet");
    }
}
