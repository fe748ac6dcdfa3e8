package descent.regularize.noise;

import descent.nn.Cache;
import descent.nn.Layer;
import descent.nn.Param;
import descent.nn.Sequential;
import descent.regularize.Penalty;
import org.ejml.data.DMatrixRMaj;

import java.util.List;

/**
 * The explicit penalties that small Gaussian noise approximates (the draft chapter 7, §7.6.1–7.6.2; Goodfellow et al.
 * §7.5), for a network with one output ŷ(x) trained with squared error:
 * <pre>
 *   input noise  x + ε,   ε ~ N(0, νI):    J̃ₓ = J + ν E‖∇ₓŷ(x)‖² + ν E[(ŷ − y) tr ∇ₓ²ŷ] + O(ν²)     (eq. 7.17)
 *   weight noise W + ε_W, ε_W ~ N(0, ηI):  J̃_W = J + η E‖∇_Wŷ(x)‖² + η E[(ŷ − y) tr ∇_W²ŷ] + O(η²)  (eq. 7.22)
 * </pre>
 * (the Hessian terms are traces; the draft prints them as matrices, and prints ν in eq. 7.22 where η is meant). Near
 * the minimizer ŷ ≈ E[y | x], so the trace terms are of higher order and the noise acts as the penalties
 * ν E‖∇ₓŷ‖² (sensitivity to the input, a Tikhonov/Jacobian penalty) and η E‖∇_Wŷ‖² (sensitivity to the weights,
 * which favours flat minima).
 *
 * <p>How they are computed: <b>exactly, by one backward pass</b>. Back-propagating an upstream gradient of 1 from every
 * output row gives, row by row, ∇ₓŷ(xᵢ) (rows do not interact) and the parameter gradient Σᵢ ∇_θ ŷ(xᵢ); the weight
 * penalty needs ‖∇_Wŷ(xᵢ)‖² per example, so it runs one backward pass per row. For linear regression ŷ = wᵀx + b
 * they are closed forms: ∇ₓŷ = w gives ν‖w‖² (ridge, exactly, with no O(ν²) rest), and ∇_wŷ = x gives η‖x‖², which
 * does not depend on w. These are <em>values</em>: training on them would need their gradient with respect to θ
 * (double backpropagation, a second-order backward pass the layers do not have); for the linear model that gradient
 * is the L² penalty's with α = 2ν ({@code L2Penalty}), and for a network the noise itself is the practical way to
 * apply the penalty. Parameter gradients are saved before and restored after, so a call leaves the network as it was.
 */
public final class Sensitivity {

    private Sensitivity() {
    }

    private static void requireOneOutput(Sequential net, DMatrixRMaj out) {
        if (out.numCols != 1) {
            throw new IllegalArgumentException("Sensitivity: the network " + net + " has " + out.numCols
                    + " outputs per example; the penalties ‖∇ŷ‖² are defined here for one output ŷ");
        }
    }

    private static void requireArgs(Sequential net, DMatrixRMaj x, String what, double coefficient) {
        if (net == null || x == null) {
            throw new IllegalArgumentException("Sensitivity needs a network and inputs, got " + net + ", " + x);
        }
        if (!(coefficient >= 0) || Double.isInfinite(coefficient)) {
            throw new IllegalArgumentException("Sensitivity: the noise variance " + what + " must be finite and ≥ 0, got " + coefficient);
        }
        if (x.numRows < 1) {
            throw new IllegalArgumentException("Sensitivity: the input batch has no rows (" + x.numRows + "×" + x.numCols + ")");
        }
    }

    /** Forward through the layers with fresh caches, backward with an upstream gradient of 1 per row; returns ∂Σŷᵢ/∂x. */
    private static DMatrixRMaj backpropOnes(Sequential net, DMatrixRMaj x, Cache[] caches) {
        List<Layer> layers = net.layers();
        DMatrixRMaj z = x;
        for (int i = 0; i < layers.size(); i++) {
            z = layers.get(i).forward(z, caches[i]);
        }
        requireOneOutput(net, z);
        DMatrixRMaj g = new DMatrixRMaj(z.numRows, 1);
        java.util.Arrays.fill(g.data, 1.0);
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g, caches[i], true);
        }
        return g;
    }

    private static Cache[] caches(Sequential net) {
        Cache[] c = new Cache[net.layers().size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Cache();
        }
        return c;
    }

    private static double[][] saveGrads(List<Param> ps) {
        double[][] s = new double[ps.size()][];
        for (int t = 0; t < s.length; t++) {
            s[t] = ps.get(t).grad().data.clone();
        }
        return s;
    }

    private static void restoreGrads(List<Param> ps, double[][] s) {
        for (int t = 0; t < s.length; t++) {
            System.arraycopy(s[t], 0, ps.get(t).grad().data, 0, s[t].length);
        }
    }

    /** ∇ₓŷ(xᵢ) for every row xᵢ of {@code x}, as a new matrix of x's shape (the network must have one output). */
    public static DMatrixRMaj inputGradients(Sequential net, DMatrixRMaj x) {
        requireArgs(net, x, "", 0);
        List<Param> ps = net.params();
        double[][] saved = saveGrads(ps);
        boolean training = net.isTraining();
        net.setTraining(false);
        try {
            return backpropOnes(net, x, caches(net)).copy();
        } finally {
            net.setTraining(training);
            restoreGrads(ps, saved);
        }
    }

    /** ν · (1/m) Σᵢ ‖∇ₓŷ(xᵢ)‖², the penalty input noise of variance ν approximates (eq. 7.17). */
    public static double inputPenalty(Sequential net, DMatrixRMaj x, double nu) {
        requireArgs(net, x, "ν", nu);
        DMatrixRMaj g = inputGradients(net, x);
        double s = 0;
        for (double v : g.data) {
            s += v * v;
        }
        return nu * s / x.numRows;
    }

    /**
     * η · (1/m) Σᵢ ‖∇_Wŷ(xᵢ)‖² over the {@code WEIGHT} tensors (the ones {@link WeightNoise} perturbs), the penalty
     * weight noise of variance η approximates (eq. 7.22). One backward pass per example.
     */
    public static double weightPenalty(Sequential net, DMatrixRMaj x, double eta) {
        requireArgs(net, x, "η", eta);
        List<Param> ps = net.params(), weights = Penalty.weights(ps);
        double[][] saved = saveGrads(ps);
        boolean training = net.isTraining();
        net.setTraining(false);
        Cache[] caches = caches(net);
        DMatrixRMaj row = new DMatrixRMaj(1, x.numCols);
        double s = 0;
        try {
            for (int i = 0; i < x.numRows; i++) {
                System.arraycopy(x.data, i * x.numCols, row.data, 0, x.numCols);
                net.zeroGrad();
                backpropOnes(net, row, caches);
                for (Param p : weights) {
                    for (double v : p.grad().data) {
                        s += v * v;
                    }
                }
            }
        } finally {
            net.setTraining(training);
            restoreGrads(ps, saved);
        }
        return eta * s / x.numRows;
    }
}
