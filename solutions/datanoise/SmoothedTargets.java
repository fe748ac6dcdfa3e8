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
        // BEGIN SOLUTION 06.4 smoothed targets
        if (!(eps >= 0 && eps < 1)) {
            throw new IllegalArgumentException("label smoothing needs ε in [0, 1), got " + eps);
        }
        double[][] t = new double[labels.length][k];
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < k; j++) {
                t[i][j] = j == labels[i] ? 1 - eps : eps / (k - 1);
            }
        }
        return t;
        // END SOLUTION
    }

    /** @return softmax(z) − t for logits z, the label and ε (k = z.length) */
    public static double[] gradient(double[] z, int label, double eps) {
        // BEGIN SOLUTION 06.4 gradient of the smoothed cross-entropy
        int k = z.length;
        double max = z[0];
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] g = new double[k];
        for (int j = 0; j < k; j++) {
            g[j] = Math.exp(z[j] - max);
            sum += g[j];
        }
        double[] t = targets(new int[]{label}, k, eps)[0];
        for (int j = 0; j < k; j++) {
            g[j] = g[j] / sum - t[j];
        }
        return g;
        // END SOLUTION
    }

    /** @return log((1 − ε)(k − 1)/ε), the gap between the labelled logit and any other at the minimum (0 &lt; ε &lt; 1) */
    public static double logitGap(int k, double eps) {
        // BEGIN SOLUTION 06.4 optimal logit gap
        return Math.log((1 - eps) * (k - 1) / eps);
        // END SOLUTION
    }
}
