package descent.nn.norm;

/**
 * How batch normalization keeps the running estimates of μ and σ² it uses at inference (Aggarwal §3.6, last
 * paragraph; COMP541 lecture 4, slide "Batch Normalization: Test Time"). Both common conventions update
 * <pre>
 *   running ← (1 − w)·running + w·batch
 * </pre>
 * and differ in how they name w and in which batch variance they average:
 * <ul>
 *   <li>Keras ({@code BatchNormalization(momentum=0.99, epsilon=1e-3)}): "momentum" is the weight of the old value,
 *   w = 1 − 0.99 = 0.01, and the batch variance is the biased one (divided by m);</li>
 *   <li>PyTorch ({@code BatchNorm1d(momentum=0.1, eps=1e-5)}): "momentum" is the weight of the new value, w = 0.1,
 *   and the running variance averages the unbiased batch variance (divided by m − 1), while the forward pass itself
 *   normalizes with the biased one;</li>
 *   <li>the cumulative average (PyTorch {@code momentum=None}): w = 1/k at the k-th batch, so the running values are
 *   the plain means over all batches seen (the "whole training population" estimate of the book, up to the
 *   variance of the batch means), unbiased batch variance.</li>
 * </ul>
 * The defaults of the two libraries' ε come with them: {@link #keras} pairs with ε = 10⁻³, {@link #pytorch} with
 * ε = 10⁻⁵ (see the factories of {@link BatchNorm}).
 *
 * @param weightOfNew w, the weight of the current batch (ignored when {@code cumulative})
 * @param isCumulative  w = 1/k for the k-th batch instead of a constant
 * @param unbiased    average the batch variance divided by m − 1 instead of m
 * @param convention  a name for messages, e.g. {@code "PyTorch momentum 0.1"}
 */
public record RunningAverage(double weightOfNew, boolean isCumulative, boolean unbiased, String convention) {

    public RunningAverage {
        if (!isCumulative && !(weightOfNew > 0 && weightOfNew <= 1)) {
            throw new IllegalArgumentException("running average: the weight of the new batch must lie in (0, 1], got "
                    + weightOfNew + " (" + convention + ")");
        }
    }

    /** Keras: running ← momentum·running + (1 − momentum)·batch, biased batch variance; Keras's default is 0.99. */
    public static RunningAverage keras(double momentum) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("Keras batch-normalization momentum (the weight of the old value) must "
                    + "lie in [0, 1), got " + momentum);
        }
        return new RunningAverage(1 - momentum, false, false, "Keras momentum " + momentum);
    }

    /** PyTorch: running ← (1 − momentum)·running + momentum·batch, unbiased batch variance; PyTorch's default is 0.1. */
    public static RunningAverage pytorch(double momentum) {
        if (!(momentum > 0 && momentum <= 1)) {
            throw new IllegalArgumentException("PyTorch batch-normalization momentum (the weight of the new value) must "
                    + "lie in (0, 1], got " + momentum);
        }
        return new RunningAverage(momentum, false, true, "PyTorch momentum " + momentum);
    }

    /** The plain mean over all batches seen (PyTorch {@code momentum=None}), unbiased batch variance. */
    public static RunningAverage cumulativeAverage() {
        return new RunningAverage(Double.NaN, true, true, "cumulative average");
    }

    /** The weight w of the k-th batch (k = 1, 2, …). */
    public double weight(long k) {
        return isCumulative ? 1.0 / k : weightOfNew;
    }
}
