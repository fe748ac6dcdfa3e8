package descent.optim;

import descent.nn.GradientOracle;
import descent.nn.Param;
import descent.validate.Require;

import java.util.List;

/**
 * RMSProp with Nesterov momentum, Goodfellow et al. Algorithm 8.6; Aggarwal §3.5.3.3 (eq. 3.42).
 * <pre>
 * require: learning rate ε, decay rate ρ, momentum α, initial θ, initial v = 0
 * r ← 0
 * loop:    θ̃ ← θ + αv
 *          g ← gradient at θ̃
 *          r ← ρr + (1 − ρ) g ⊙ g
 *          v ← αv − ε/√(δ + r) ⊙ g
 *          θ ← θ + v
 * </pre>
 * The box prints no δ (it divides by √r); a zero gradient coordinate would then give 0/0. We add δ inside the
 * root as Alg. 8.5 does; δ = 0 reproduces the box exactly. The gradient is needed at θ̃, so this optimizer only
 * steps through {@link #step(GradientOracle)}.
 * Defaults: ε = 0.001, ρ = 0.9, α = 0.9, δ = 1e-6.
 */
public final class RMSPropNesterov extends Optimizer {

    private final double rho;
    private final double alpha;
    private final double delta;
    private final double[][] r;
    private final double[][] v;

    public RMSPropNesterov(List<Param> params) {
        this(params, 0.001, 0.9, 0.9, 1e-6);
    }

    public RMSPropNesterov(List<Param> params, double learningRate, double rho, double alpha) {
        this(params, learningRate, rho, alpha, 1e-6);
    }

    public RMSPropNesterov(List<Param> params, double learningRate, double rho, double alpha, double delta) {
        super(params, learningRate, Needs.ORACLE);
        this.rho = Require.decay("RMSPropNesterov: decay rate ρ", rho);
        this.alpha = Require.decay("RMSPropNesterov: momentum α", alpha);
        this.delta = Require.nonNegative("RMSPropNesterov: δ", delta);
        this.r = newState();
        this.v = newState();
    }

    @Override
    protected double update(GradientOracle gradient) {
        axpy(alpha, v);                          // θ̃ ← θ + αv
        double loss = gradient.evaluate();      // g at θ̃
        axpy(-alpha, v);
        double eps = learningRate();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            double[] w = p.value().data, g = p.grad().data, ri = r[i], vi = v[i];
            for (int j = 0; j < ri.length; j++) {
                ri[j] = rho * ri[j] + (1 - rho) * g[j] * g[j];
                vi[j] = alpha * vi[j] - eps / Math.sqrt(delta + ri[j]) * g[j];
                w[j] += vi[j];
            }
        }
        return loss;
    }

    @Override
    protected void resetState() {
        zero(r);
        zero(v);
    }

    @Override
    public String name() {
        return "RMSProp+Nesterov(ρ = " + rho + ", α = " + alpha + ")";
    }
}
