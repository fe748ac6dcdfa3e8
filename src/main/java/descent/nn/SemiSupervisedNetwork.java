package descent.nn;

import org.ejml.data.DMatrixRMaj;

import java.util.List;

/**
 * Semi-supervised learning through a shared representation (Goodfellow et al. §7.6): an encoder h = f(x; θ_s) is
 * trained on two criteria at once, a supervised head on the few labelled examples and a decoder that reconstructs
 * every input, labelled or not,
 * <pre>
 *   J = −(1/m_L) Σ_{labelled} log P(y | x) + λ · (1/m) Σ_{all} ½‖x̂(x) − x‖²
 * </pre>
 * The reconstruction term stands for the book's −log P(x) (it is that log-likelihood, up to constants, under a
 * Gaussian model of x with unit variance centred on the reconstruction). λ = 0 is purely supervised training of
 * encoder + classifier; a large λ makes the encoder mostly an autoencoder, the unsupervised end; the book's point
 * (after Lasserre et al. 2006 and Larochelle &amp; Bengio 2008) is that a λ in between can beat both ends.
 *
 * <p>This is a {@link MultitaskNetwork} with two tasks on different inputs: "supervised" (weight 1,
 * {@link SoftmaxCrossEntropy}) and "reconstruction" (weight λ, {@link SquaredError}).
 */
public final class SemiSupervisedNetwork {

    private final MultitaskNetwork net;
    private final double lambda;

    /**
     * @param encoder    the shared layers f
     * @param classifier layers from h to the class scores (softmax cross-entropy on top)
     * @param decoder    layers from h back to the input's size (squared error against x on top)
     * @param lambda     λ ≥ 0, the weight of the reconstruction term
     */
    public SemiSupervisedNetwork(List<Layer> encoder, List<Layer> classifier, List<Layer> decoder, double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("SemiSupervisedNetwork: λ must be finite and ≥ 0, got " + lambda);
        }
        this.lambda = lambda;
        this.net = new MultitaskNetwork(encoder, List.of(
                new MultitaskNetwork.Task("supervised", classifier, new SoftmaxCrossEntropy(), 1.0),
                new MultitaskNetwork.Task("reconstruction", decoder, new SquaredError(), lambda)));
    }

    public double lambda() {
        return lambda;
    }

    /** The underlying two-task network. */
    public MultitaskNetwork network() {
        return net;
    }

    public List<Param> params() {
        return net.params();
    }

    /**
     * J for labelled inputs {@code xLabelled} with {@code labels} and the unlabelled-or-all inputs {@code xAll}; with
     * λ = 0 the reconstruction is skipped (it would not change J or its gradient).
     */
    public double lossAndGradient(DMatrixRMaj xLabelled, int[] labels, DMatrixRMaj xAll) {
        return net.lossAndGradient(MultitaskNetwork.Batch.of(xLabelled, labels),
                lambda == 0 ? null : MultitaskNetwork.Batch.of(xAll, xAll));
    }

    /** A gradient oracle over fixed data. */
    public GradientOracle oracle(DMatrixRMaj xLabelled, int[] labels, DMatrixRMaj xAll) {
        return () -> lossAndGradient(xLabelled, labels, xAll);
    }

    /** The classifier's predicted classes. */
    public int[] predict(DMatrixRMaj x) {
        return net.predict(0, x);
    }

    /** The decoder's reconstruction of x (a buffer valid until the next call). */
    public DMatrixRMaj reconstruct(DMatrixRMaj x) {
        return net.forward(1, x);
    }

    /** {supervised cross-entropy, reconstruction error} of the last {@link #lossAndGradient} call. */
    public double[] lastLosses() {
        return net.lastTaskLosses();
    }
}
