package descent.nn;

/**
 * How a loss combines the examples of a mini-batch. The book's update (Aggarwal eq. 3.32) <em>sums</em> the
 * per-example gradients, so its learning rate grows with the batch size; libraries such as PyTorch average
 * instead. Descent averages by default ({@link #MEAN}) so a learning rate carries over between batch sizes;
 * {@link #SUM} reproduces eq. 3.32 exactly (its gradient is batch-size × the mean's).
 */
public enum Reduction {
    MEAN, SUM;

    /** The factor applied to the summed loss and gradient for a batch of n examples. */
    public double scale(int n) {
        return this == MEAN ? 1.0 / n : 1.0;
    }
}
