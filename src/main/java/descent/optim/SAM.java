package descent.optim;

import descent.nn.GradientOracle;
import descent.nn.Param;
import descent.validate.Require;

import java.util.List;

/**
 * Sharpness-aware minimization (Foret et al., ICLR 2021), wrapping a base optimizer. COMP541 lecture 4 shows only
 * the abstract of a SAM follow-up (Yu, Zhang and Kwok, ICML 2024); the update below is the original paper's, for the objective
 * min_θ max_{‖e‖ ≤ ρ} L(θ + e).
 * <pre>
 * loop:    g ← gradient at θ                       (first oracle call)
 *          e ← ρ·g/‖g‖                             (‖·‖ the 2-norm over all tensors; +1e-12 guards g = 0)
 *          g_SAM ← gradient at θ + e               (second oracle call, same minibatch)
 *          θ ← base optimizer's step from θ with g_SAM
 * </pre>
 * Two gradient evaluations per step. The base must step from a gradient at the current point (SGD, Momentum,
 * Adam, …; not the look-ahead Nesterov). Default ρ = 0.05. With ρ = 0 it is the base optimizer.
 */
public final class SAM extends Optimizer {

    private final Optimizer base;
    private final double rho;
    private final double[][] e;

    public SAM(Optimizer base) {
        this(base, 0.05);
    }

    public SAM(Optimizer base, double rho) {
        super(nonNull(base).params(), base.learningRate(), Needs.ORACLE);
        if (base.needsOracle()) {
            throw new IllegalArgumentException("SAM needs a base optimizer that steps from the gradient at the "
                    + "current point, got " + base.name());
        }
        this.base = base;
        this.rho = Require.nonNegative("SAM: neighbourhood radius ρ", rho);
        this.e = newState();
    }

    @Override
    protected double update(GradientOracle gradient) {
        double loss = gradient.evaluate();      // g at θ
        double norm2 = 0;
        for (Param p : params) {
            double[] g = p.grad().data;
            for (int j = 0, n = p.size(); j < n; j++) {
                norm2 += g[j] * g[j];
            }
        }
        double scale = rho / (Math.sqrt(norm2) + 1e-12);
        for (int i = 0; i < params.size(); i++) {
            double[] g = params.get(i).grad().data, ei = e[i];
            for (int j = 0; j < ei.length; j++) {
                ei[j] = scale * g[j];
            }
        }
        axpy(1, e);                              // θ + e
        gradient.evaluate();                     // g_SAM at θ + e
        axpy(-1, e);
        base.step();                             // the base's step from θ with g_SAM
        return loss;
    }

    @Override
    public void setLearningRate(double learningRate) {
        super.setLearningRate(learningRate);
        base.setLearningRate(learningRate);
    }

    @Override
    public double learningRate() {
        return base == null ? super.learningRate() : base.learningRate();
    }

    @Override
    protected void resetState() {
        base.reset();
        zero(e);
    }

    private static Optimizer nonNull(Optimizer base) {
        if (base == null) {
            throw new IllegalArgumentException("SAM needs a base optimizer, got null");
        }
        return base;
    }

    public Optimizer base() {
        return base;
    }

    @Override
    public String name() {
        return "SAM(ρ = " + rho + ", " + base.name() + ")";
    }
}
