package descent.nn.node;

/**
 * A loss attached to one node's post-activation value h (an output, or a hidden node as in sparse autoencoders,
 * Aggarwal §3.2.7). Losses on different nodes add.
 */
public interface NodeLoss {

    double value(double h);

    /** ∂L/∂h. */
    double derivative(double h);

    /** ½(h − target)². */
    static NodeLoss squared(double target) {
        return new NodeLoss() {
            public double value(double h) {
                return 0.5 * (h - target) * (h - target);
            }

            public double derivative(double h) {
                return h - target;
            }
        };
    }

    /** λ|h|, the sparsity penalty on a hidden unit (derivative λ·sign h, 0 at h = 0). */
    static NodeLoss l1(double lambda) {
        return new NodeLoss() {
            public double value(double h) {
                return lambda * Math.abs(h);
            }

            public double derivative(double h) {
                return lambda * Math.signum(h);
            }
        };
    }

    /** −log h, the cross-entropy term of a probability output h for its true class. */
    static NodeLoss negativeLog() {
        return new NodeLoss() {
            public double value(double h) {
                return -Math.log(h);
            }

            public double derivative(double h) {
                return -1 / h;
            }
        };
    }
}
