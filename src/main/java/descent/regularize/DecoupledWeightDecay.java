package descent.regularize;

import descent.nn.Param;
import descent.objective.GradientOracle;
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
 */
public final class DecoupledWeightDecay extends Optimizer {

    private final Optimizer inner;
    private final L2Penalty decay;
    private final double[][] old;

    public DecoupledWeightDecay(Optimizer inner, L2Penalty decay) {
        super(inner.params(), inner.learningRate());
        this.inner = inner;
        this.decay = decay;
        this.old = new double[decay.terms()][];
        for (int k = 0; k < old.length; k++) {
            Param p = decay.term(k);
            if (!inner.params().contains(p)) {
                throw new IllegalArgumentException("the decay penalizes " + p + ", which " + inner.name()
                        + " does not update");
            }
            old[k] = new double[p.size()];
        }
    }

    @Override
    public double step(GradientOracle oracle) {
        save();
        double loss = inner.step(oracle);
        countStep();
        decay();
        return loss;
    }

    @Override
    protected void update() {
        save();
        inner.step();
        decay();
    }

    private void save() {
        for (int k = 0; k < old.length; k++) {
            Param p = decay.term(k);
            System.arraycopy(p.value().data, 0, old[k], 0, p.size());
        }
    }

    private void decay() {
        double eps = inner.learningRate();
        for (int k = 0; k < old.length; k++) {
            Param p = decay.term(k);
            double c = eps * decay.alpha(k);
            double[] w = p.value().data, o = old[k], r = decay.referenceOf(k);
            for (int j = 0; j < o.length; j++) {
                w[j] -= c * (r == null ? o[j] : o[j] - r[j]);
            }
        }
    }

    @Override
    public double learningRate() {
        return inner.learningRate();
    }

    @Override
    public void setLearningRate(double learningRate) {
        inner.setLearningRate(learningRate);
    }

    @Override
    protected void resetState() {
        inner.reset();
    }

    public Optimizer inner() {
        return inner;
    }

    @Override
    public String name() {
        return inner.name() + " + decoupled decay";
    }
}
