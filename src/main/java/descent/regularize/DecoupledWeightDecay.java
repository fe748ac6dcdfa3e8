package descent.regularize;

import descent.nn.Param;
import descent.optim.Optimizer;

/**
 * Weight decay applied outside the optimizer (eq. 7.5 read as "shrink, then step"; Loshchilov and Hutter 2019 call it
 * decoupled): the wrapped optimizer steps on J alone, and each penalized tensor additionally moves by
 * <pre>
 *   w ← w − εα_k(w_old − w⁽ᵒ⁾)            (w_old: the value before this step; ε: this step's learning rate)
 * </pre>
 * with the selection, per-tensor coefficients and reference points of an {@link L2Penalty}. For SGD this is exactly
 * one step on J + (α/2)‖w‖², i.e. w ← (1 − εα)w − ε∇J (Goodfellow et al. eq. 7.5). For an adaptive method it is not:
 * added to the gradient, αw is divided by the method's per-coordinate scale; decoupled, it is not. Wrapped around
 * {@code Adam(ε)} it is {@code AdamW} with λ = εα; notebook 09 compares Adam + L2 with AdamW.
 * <pre>{@code
 * Optimizer opt = DecoupledWeightDecay.wrap(new Adam(net.params(), 1e-3), new L2Penalty(net.params(), 1e-2));
 * }</pre>
 * Set the penalty's tensors and coefficients before building the decay.
 */
public final class DecoupledWeightDecay implements AfterStep {

    private final L2Penalty decay;
    private final double[][] old;

    public DecoupledWeightDecay(L2Penalty decay) {
        this.decay = decay;
        this.old = new double[decay.terms()][];
        for (int k = 0; k < old.length; k++) {
            old[k] = new double[decay.term(k).size()];
        }
    }

    /** {@code optimizer} with this decay after each step, as a {@link ProjectedOptimizer}. */
    public static ProjectedOptimizer wrap(Optimizer optimizer, L2Penalty decay) {
        for (Param p : decay.params()) {
            if (!optimizer.params().contains(p)) {
                throw new IllegalArgumentException("the decay penalizes " + p + ", which " + optimizer.name()
                        + " does not update");
            }
        }
        return new ProjectedOptimizer(optimizer, new DecoupledWeightDecay(decay));
    }

    @Override
    public void beforeStep() {
        for (int k = 0; k < old.length; k++) {
            Param p = decay.term(k);
            System.arraycopy(p.value().data, 0, old[k], 0, p.size());
        }
    }

    @Override
    public void afterStep(double learningRate) {
        for (int k = 0; k < old.length; k++) {
            Param p = decay.term(k);
            double c = learningRate * decay.alpha(k);
            double[] w = p.value().data, o = old[k], r = decay.referenceOf(k);
            for (int j = 0; j < o.length; j++) {
                w[j] -= c * (r == null ? o[j] : o[j] - r[j]);
            }
        }
    }

    @Override
    public String toString() {
        return "decoupled decay";
    }
}
