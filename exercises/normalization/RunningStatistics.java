package normalization;

/**
 * Exercise 08.2: the running statistics that batch normalization uses at inference (Aggarwal §3.6, last paragraph;
 * COMP541 lecture 4, slide "Batch Normalization: Test Time"), in PyTorch's convention. Rows of {@code v} are the m
 * examples of a training batch, columns the units i.
 */
public final class RunningStatistics {

    private RunningStatistics() {
    }

    /**
     * The running statistics after one training batch, in PyTorch's convention ({@code BatchNorm1d(momentum=0.1)}):
     * μ̄ ← (1 − momentum)·μ̄ + momentum·μ_B and σ̄² ← (1 − momentum)·σ̄² + momentum·s²_B, where s²_B is the
     * <em>unbiased</em> batch variance (divided by m − 1). Updates {@code runningMean} and {@code runningVar} in place.
     *
     * @param momentum the weight of the new batch, in (0, 1]
     */
    public static void update(double[] runningMean, double[] runningVar, double[][] v, double momentum) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 08.2 (running statistics) is not implemented yet");
    }
}
