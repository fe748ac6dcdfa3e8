package descent.nn;

import descent.linalg.Blas;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A stack of layers with a loss on top: the decoupled pipeline of Aggarwal Fig. 3.7. {@link #lossAndGradient}
 * zeroes the gradients, runs forward through every layer, evaluates the loss and its gradient, and runs backward
 * in reverse order, leaving ∂L/∂θ in every {@link Param#grad()}.
 *
 * <p>Mini-batch convention: the loss's {@link Reduction} decides whether L is the mean over the batch (default)
 * or the sum of eq. 3.32. Every layer has its own {@link Cache}, reused from step to step, so once the batch size
 * is fixed a step allocates nothing.
 *
 * <p>A network becomes a flat {@code Objective} for line searches, CG and L-BFGS with
 * {@code new ParamsObjective(net.params(), net.oracle(x, labels))}.
 */
public final class Sequential {

    private final List<Layer> layers;
    private final Loss loss;
    private final Cache[] caches;
    private final List<Param> params;
    private final DMatrixRMaj gradOutput = new DMatrixRMaj(1, 1);
    private long step;
    private boolean training = true;

    public Sequential(Loss loss, Layer... layers) {
        this(loss, layers == null ? null : java.util.Arrays.asList(layers));
    }

    public Sequential(Loss loss, List<Layer> layers) {
        if (loss == null) {
            throw new IllegalArgumentException("Sequential needs a loss, got null");
        }
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("Sequential needs at least one layer, got " + layers);
        }
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) == null) {
                throw new IllegalArgumentException("Sequential: layer " + i + " is null");
            }
        }
        this.layers = List.copyOf(layers);
        this.loss = loss;
        this.caches = Layers.caches(layers.size());
        List<Param> ps = new ArrayList<>();
        Layers.addParams(ps, this.layers);
        this.params = Collections.unmodifiableList(ps);
    }

    public List<Layer> layers() {
        return layers;
    }

    public Loss loss() {
        return loss;
    }

    /** Every distinct trainable tensor, layer by layer (a tensor shared by two layers appears once). */
    public List<Param> params() {
        return params;
    }

    /** Number of scalar parameters. */
    public int parameterCount() {
        return Layers.size(params);
    }

    /**
     * Training mode (the default) or inference mode, for every layer (see {@link Layer#setTraining}); returns this.
     * Evaluating held-out data must happen in inference mode, or batch normalization would normalize with the
     * evaluation batch's statistics and update its running averages from it.
     */
    public Sequential setTraining(boolean on) {
        Layers.setTraining(layers, on);
        this.training = on;
        return this;
    }

    /** True in training mode (the default). */
    public boolean isTraining() {
        return training;
    }

    /** Loss evaluations so far (the "step" named in {@link NonFiniteLossException}). */
    public long step() {
        return step;
    }

    /** Forward through every layer; the result is the last layer's output buffer. */
    public DMatrixRMaj forward(DMatrixRMaj x) {
        // one pass over the batch, against a GEMM per layer: NaN would otherwise be hidden (ReLU maps it to 0)
        requireFinite("input", x);
        return Layers.forward(layers, caches, x);
    }

    /** The output of the last {@link #forward} (the last layer's buffer; valid until the next forward). */
    public DMatrixRMaj output() {
        if (caches.length == 0) {
            throw new IllegalStateException("network " + this + " has no layers");
        }
        return caches[caches.length - 1].output();
    }

    /** Backward from ∂L/∂output through every layer (after {@link #forward}); accumulates parameter gradients. */
    public void backward(DMatrixRMaj gradOut) {
        Layers.backward(layers, caches, gradOut, false);
    }

    public void zeroGrad() {
        // an index loop: the for-each iterator of the unmodifiable list was 56 bytes per training step
        for (int i = 0; i < params.size(); i++) {
            params.get(i).zeroGrad();
        }
    }

    /** The loss without gradients (no backward pass). */
    public double loss(DMatrixRMaj x, int[] labels) {
        return check(loss.evaluate(forward(x), labels, null), x);
    }

    /** The loss with soft targets, without gradients. */
    public double loss(DMatrixRMaj x, DMatrixRMaj targets) {
        requireFinite("target", targets);
        return check(loss.evaluate(forward(x), targets, null), x, targets);
    }

    /** Zeroes gradients, runs forward and backward; returns the loss and leaves ∂L/∂θ in the params. */
    public double lossAndGradient(DMatrixRMaj x, int[] labels) {
        zeroGrad();
        double value = check(loss.evaluate(forward(x), labels, gradOutput), x);
        backward(gradOutput);
        return value;
    }

    /** As {@link #lossAndGradient(DMatrixRMaj, int[])} with soft targets. */
    public double lossAndGradient(DMatrixRMaj x, DMatrixRMaj targets) {
        requireFinite("target", targets);
        zeroGrad();
        double value = check(loss.evaluate(forward(x), targets, gradOutput), x, targets);
        backward(gradOutput);
        return value;
    }

    /**
     * As {@link #lossAndGradient(DMatrixRMaj, int[])}, and also writes ∂L/∂x (batch×inputs) into {@code gradX}
     * (reshaped): the input gradient that adversarial examples need (Goodfellow et al. 2014b). Returns the loss.
     */
    public double lossAndInputGradient(DMatrixRMaj x, int[] labels, DMatrixRMaj gradX) {
        if (gradX == null) {
            throw new IllegalArgumentException("network " + this + ": lossAndInputGradient needs a matrix for ∂L/∂x, got null");
        }
        zeroGrad();
        double value = check(loss.evaluate(forward(x), labels, gradOutput), x);
        DMatrixRMaj g = Layers.backward(layers, caches, gradOutput, true);
        gradX.reshape(g.numRows, g.numCols, false);
        System.arraycopy(g.data, 0, gradX.data, 0, g.getNumElements());
        return value;
    }

    /** A gradient oracle over a fixed batch, for optimizers and {@code ParamsObjective}. */
    public GradientOracle oracle(DMatrixRMaj x, int[] labels) {
        return () -> lossAndGradient(x, labels);
    }

    /** A gradient oracle over a fixed batch with soft targets. */
    public GradientOracle oracle(DMatrixRMaj x, DMatrixRMaj targets) {
        return () -> lossAndGradient(x, targets);
    }

    /** Row-wise argmax of the network's output: the predicted classes. */
    public int[] predict(DMatrixRMaj x) {
        return Layers.argmax(forward(x));
    }

    private double check(double value, DMatrixRMaj x) {
        return check(value, x, null);
    }

    /** Counts the evaluation; the targets were checked before it, the input by {@link #forward}. */
    private double check(double value, DMatrixRMaj x, DMatrixRMaj targets) {
        step++;
        if (!Double.isFinite(value)) {
            throw new NonFiniteLossException(loss.name(), step, value, "batch " + Blas.shape(x) + ", network " + this);
        }
        return value;
    }

    /** Throws {@link NonFiniteInputException} naming row and column of the first NaN or ±∞. */
    private void requireFinite(String what, DMatrixRMaj m) {
        if (m == null) {
            throw new IllegalArgumentException("network " + this + ": the " + what + " is null");
        }
        for (int i = 0, n = m.getNumElements(); i < n; i++) {
            if (!Double.isFinite(m.data[i])) {
                throw new NonFiniteInputException(what, i / m.numCols, i % m.numCols, m.data[i],
                        "batch " + Blas.shape(m) + ", network " + this);
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Layer l : layers) {
            sb.append(sb.length() == 0 ? "" : " → ").append(l.name());
        }
        return sb.append(" → ").append(loss.name()).toString();
    }
}
