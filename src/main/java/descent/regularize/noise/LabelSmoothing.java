package descent.regularize.noise;

import org.ejml.data.DMatrixRMaj;

/**
 * Label smoothing (Goodfellow et al. §7.5.1; Szegedy et al. 2015): noise on the output targets, built into the cost
 * instead of sampled. If a label is right with probability 1 − ε and otherwise any of the other k − 1 classes is,
 * the expected target of a softmax with k outputs is
 * <pre>
 *   tⱼ = 1 − ε        for the labelled class,
 *   tⱼ = ε/(k − 1)     for each of the others,
 * </pre>
 * and the loss is the cross-entropy −Σⱼ tⱼ log softmax(z)ⱼ with these soft targets
 * ({@link descent.nn.SoftmaxCrossEntropy} takes them; its gradient with respect to the logits is softmax(z) − t).
 * With hard targets the softmax can only approach 0 and 1, so on separable data the weights grow without end; with
 * smoothed targets the minimum over the logits is attained at softmax(z) = t, a finite logit gap between the labelled
 * class and any other:
 * <pre>
 *   z_y − z_j = log((1 − ε)(k − 1)/ε).
 * </pre>
 */
public final class LabelSmoothing {

    private final double epsilon;

    /** @param epsilon ε in [0, 1): the probability that a label is wrong (0 gives the hard one-hot targets) */
    public LabelSmoothing(double epsilon) {
        if (!(epsilon >= 0 && epsilon < 1)) {
            throw new IllegalArgumentException("LabelSmoothing: ε must be in [0, 1), got " + epsilon);
        }
        this.epsilon = epsilon;
    }

    public double epsilon() {
        return epsilon;
    }

    /** Writes the smoothed targets of {@code labels} into {@code out} (reshaped to n×k) and returns it. */
    public DMatrixRMaj targets(int[] labels, int k, DMatrixRMaj out) {
        if (k < 2) {
            throw new IllegalArgumentException("LabelSmoothing needs k ≥ 2 classes, got " + k);
        }
        if (labels == null || out == null) {
            throw new IllegalArgumentException("LabelSmoothing.targets needs labels and an output matrix, got " + labels + ", " + out);
        }
        out.reshape(labels.length, k, false);
        double off = epsilon / (k - 1), on = 1 - epsilon;
        double[] t = out.data;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("LabelSmoothing: label " + labels[i] + " of example " + i
                        + " is outside 0.." + (k - 1));
            }
            int r = i * k;
            for (int j = 0; j < k; j++) {
                t[r + j] = j == labels[i] ? on : off;
            }
        }
        return out;
    }

    /** The smoothed targets in a new n×k matrix. */
    public DMatrixRMaj targets(int[] labels, int k) {
        return targets(labels, k, new DMatrixRMaj(Math.max(labels == null ? 1 : labels.length, 1), k));
    }

    /** log((1 − ε)(k − 1)/ε), the logit gap at the minimum of the smoothed cross-entropy (+∞ for ε = 0). */
    public double optimalLogitGap(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("LabelSmoothing needs k ≥ 2 classes, got " + k);
        }
        return Math.log((1 - epsilon) * (k - 1) / epsilon);
    }
}
