package descent.regularize.adversarial;

import descent.nn.Sequential;
import org.ejml.data.DMatrixRMaj;

/**
 * The fast gradient sign method (Goodfellow et al. 2014b; the draft of Goodfellow et al. ch. 7, §7.13 and Fig. 7.7,
 * where the formula is implied rather than printed):
 * <pre>
 *   x' = clip(x + ε · sign(∇ₓJ(θ, x, y)), lo, hi)
 * </pre>
 * one step of size ε in max-norm in the direction that increases the cost to first order (sign(0) = 0). For a
 * linear score wᵀx the step changes the score by exactly ε‖w‖₁ — the draft prints "ε|w|" — which grows with the
 * dimension even when each coordinate moves by only ε. The gradient is taken in the network's current mode
 * (training or inference); the parameters' gradients are overwritten.
 */
public final class FastGradientSign {

    private final double epsilon;
    private final double lo;
    private final double hi;
    private final DMatrixRMaj grad = new DMatrixRMaj(1, 1);

    /**
     * @param epsilon ε ≥ 0, the max-norm size of the perturbation
     * @param lo      the smallest valid input value (−∞ for no clipping)
     * @param hi      the largest valid input value (+∞ for no clipping), ≥ lo
     */
    public FastGradientSign(double epsilon, double lo, double hi) {
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("FGSM: ε must be finite and ≥ 0, got " + epsilon);
        }
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("FGSM: the input range needs lo ≤ hi, got [" + lo + ", " + hi + "]");
        }
        this.epsilon = epsilon;
        this.lo = lo;
        this.hi = hi;
    }

    /** Without clipping. */
    public static FastGradientSign unclipped(double epsilon) {
        return new FastGradientSign(epsilon, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    public double epsilon() {
        return epsilon;
    }

    /** x' for the batch {@code x} with labels {@code y}, as a new matrix. */
    public DMatrixRMaj perturb(Sequential net, DMatrixRMaj x, int[] labels) {
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, x.numCols);
        perturb(net, x, labels, out);
        return out;
    }

    /** x' into {@code out} (reshaped to x's shape); returns the loss at x. */
    public double perturb(Sequential net, DMatrixRMaj x, int[] labels, DMatrixRMaj out) {
        if (net == null || x == null || labels == null || out == null) {
            throw new IllegalArgumentException("FGSM needs a network, inputs, labels and an output matrix");
        }
        double loss = net.lossAndInputGradient(x, labels, grad);
        out.reshape(x.numRows, x.numCols, false);
        for (int i = 0, n = x.getNumElements(); i < n; i++) {
            out.data[i] = Math.min(hi, Math.max(lo, x.data[i] + epsilon * Math.signum(grad.data[i])));
        }
        return loss;
    }

    /** The input gradient of the last {@link #perturb} call (batch × inputs): its sign is the perturbation's direction. */
    public DMatrixRMaj lastInputGradient() {
        return grad;
    }
}
