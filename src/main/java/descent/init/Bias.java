package descent.init;

/**
 * Bias initialisation rules (Goodfellow et al. §8.4; Aggarwal §3.3.3; COMP541 lecture 4). Zero is the default and
 * fits most schemes; the exceptions below set a bias from the statistics of the training data or to keep a unit
 * out of saturation.
 *
 * <ul>
 *   <li>{@link #logMarginals}: an output softmax whose bias b solves softmax(b) = c for the class marginals c,
 *       i.e. b = log c (up to a constant). The untrained network then predicts the class frequencies, and its
 *       cross-entropy is the entropy H(c) ({@link #entropy}) instead of log K.</li>
 *   <li>{@link #logit}: the sigmoid analogue, b = log(p/(1 − p)) for a positive rate p.</li>
 *   <li>{@link #gaussianOutput}: for a Gaussian output p(y | x) = N(y; wᵀx + b, 1/β) (Goodfellow et al. eq. 8.24),
 *       the bias at the marginal mean and the precision β at the inverse marginal variance; {@link #PRECISION} = 1
 *       is the data-free choice.</li>
 *   <li>{@link #RELU_HIDDEN} = 0.1 (Goodfellow et al. §8.4) or {@link #RELU_HIDDEN_LECTURE} = 0.01 (COMP541
 *       lecture 4): a small positive ReLU bias so that most units start active.</li>
 *   <li>{@link #LSTM_FORGET_GATE} = 1 (Jozefowicz et al. 2015): a gate that starts open.</li>
 * </ul>
 */
public final class Bias {

    /** Hidden ReLU bias of Goodfellow et al. §8.4. */
    public static final double RELU_HIDDEN = 0.1;
    /** Hidden ReLU bias of the COMP541 lecture ("slightly positive, e.g. 0.01"). */
    public static final double RELU_HIDDEN_LECTURE = 0.01;
    /** LSTM forget-gate bias (Goodfellow et al. §8.4, after Jozefowicz et al. 2015). */
    public static final double LSTM_FORGET_GATE = 1.0;
    /** Initial precision β of a Gaussian output, eq. 8.24. */
    public static final double PRECISION = 1.0;

    private Bias() {
    }

    /**
     * b_k = log(n_k / N) for class counts n_k, so that softmax(b) equals the class frequencies.
     *
     * @throws IllegalArgumentException for no classes, a negative count or a class with count 0 (its bias would be
     *                                  −∞), naming the class
     */
    public static double[] logMarginals(int[] counts) {
        if (counts == null || counts.length == 0) {
            throw new IllegalArgumentException("logMarginals needs the count of at least one class");
        }
        long total = 0;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] <= 0) {
                throw new IllegalArgumentException("logMarginals: class " + k + " has count " + counts[k]
                        + "; every class needs a positive count (log 0 = −∞)");
            }
            total += counts[k];
        }
        double[] b = new double[counts.length];
        for (int k = 0; k < counts.length; k++) {
            b[k] = Math.log(counts[k] / (double) total);
        }
        return b;
    }

    /** Counts of each label 0..classes−1. */
    public static int[] counts(int[] labels, int classes) {
        int[] c = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            int y = labels[i];
            if (y < 0 || y >= classes) {
                throw new IllegalArgumentException("label " + y + " at position " + i + " is outside 0.." + (classes - 1));
            }
            c[y]++;
        }
        return c;
    }

    /** H(c) = −Σ c_k log c_k in nats, the expected cross-entropy of predicting c when labels are drawn from c. */
    public static double entropy(double[] c) {
        double h = 0;
        for (double p : c) {
            if (p < 0 || !Double.isFinite(p)) {
                throw new IllegalArgumentException("entropy needs probabilities, got " + p);
            }
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    /** log(p/(1 − p)): the sigmoid bias whose output is the positive rate p ∈ (0, 1). */
    public static double logit(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("logit needs a rate strictly between 0 and 1, got " + p);
        }
        return Math.log(p / (1 - p));
    }

    /** A Gaussian output layer's bias and precision β = 1/σ², eq. 8.24. */
    public record GaussianOutput(double bias, double precision) {
    }

    /** Bias = mean of the targets, precision = 1/variance of the targets (population variance). */
    public static GaussianOutput gaussianOutput(double[] targets) {
        if (targets == null || targets.length < 2) {
            throw new IllegalArgumentException("gaussianOutput needs at least 2 targets, got "
                    + (targets == null ? "null" : targets.length));
        }
        double mean = 0;
        for (double y : targets) {
            mean += y;
        }
        mean /= targets.length;
        double var = 0;
        for (double y : targets) {
            var += (y - mean) * (y - mean);
        }
        var /= targets.length;
        if (!(var > 0) || !Double.isFinite(var)) {
            throw new IllegalArgumentException("gaussianOutput: the targets have variance " + var
                    + "; a precision needs a positive, finite variance");
        }
        return new GaussianOutput(mean, 1 / var);
    }
}
