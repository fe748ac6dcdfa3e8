package descent.optim;

import descent.nn.GradientOracle;
import descent.nn.Param;
import descent.validate.Require;

import java.util.List;

/**
 * AdaDelta (Zeiler 2012), Aggarwal §3.5.3.4 (eqs. 3.41 and 3.43), with ε in numerator and denominator.
 * <pre>
 * require: decay rate ρ, small constant ε, initial θ; A ← 0, D ← 0
 * loop:    g ← gradient at θ
 *          A ← ρA + (1 − ρ) g ⊙ g                      (eq. 3.41)
 *          Δ ← √((D + ε)/(A + ε)) ⊙ g
 *          D ← ρD + (1 − ρ) Δ ⊙ Δ                      (eq. 3.43, after the step's Δ is known)
 *          θ ← θ − lr·Δ
 * </pre>
 * <b>Why ε in the numerator:</b> Aggarwal writes √(D/A); with D starting at 0, every Δ would be 0 and D would stay 0,
 * so the parameters would never move. Zeiler's ε in both places starts the ratio at √(ε/(A + ε)).
 * The ratio plays the part of a learning rate with units of θ (a diagonal stand-in for the inverse Hessian);
 * {@code lr} is an extra multiplier, 1.0 by default as in Keras and PyTorch. Defaults: ρ = 0.95, ε = 1e-6.
 * Goodfellow et al. §8.5.4 names AdaDelta but prints no algorithm.
 */
public final class AdaDelta extends Optimizer {

    private final double rho;
    private final double epsilon;
    private final double[][] a;
    private final double[][] d;

    public AdaDelta(List<Param> params) {
        this(params, 1.0, 0.95, 1e-6);
    }

    public AdaDelta(List<Param> params, double lr, double rho, double epsilon) {
        super(params, lr);
        this.rho = Require.decay("AdaDelta: decay rate ρ", rho);
        this.epsilon = Require.nonNegative("AdaDelta: ε", epsilon);
        this.a = newState();
        this.d = newState();
    }

    @Override
    protected double update(GradientOracle gradient) {
        double loss = gradient.evaluate();
        double lr = learningRate();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            double[] w = p.value().data, g = p.grad().data, ai = a[i], di = d[i];
            for (int j = 0; j < ai.length; j++) {
                ai[j] = rho * ai[j] + (1 - rho) * g[j] * g[j];
                double step = Math.sqrt((di[j] + epsilon) / (ai[j] + epsilon)) * g[j];
                di[j] = rho * di[j] + (1 - rho) * step * step;
                w[j] -= lr * step;
            }
        }
        return loss;
    }

    @Override
    protected void resetState() {
        zero(a);
        zero(d);
    }

    @Override
    public String name() {
        return "AdaDelta(ρ = " + rho + ")";
    }
}
