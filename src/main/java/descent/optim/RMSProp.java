package descent.optim;

import descent.nn.GradientOracle;
import descent.nn.Param;
import descent.validate.Require;

import java.util.List;

/**
 * RMSProp (Hinton 2012), Goodfellow et al. Algorithm 8.5; Aggarwal eq. 3.41.
 * <pre>
 * require: learning rate ε, decay rate ρ, initial θ, small constant δ (usually 1e-6)
 * r ← 0
 * loop:    g ← gradient at θ
 *          r ← ρr + (1 − ρ) g ⊙ g
 *          Δθ ← −ε/√(δ + r) ⊙ g          (δ inside the root, as Alg. 8.5 prints it)
 *          θ ← θ + Δθ
 * </pre>
 * {@link #deltaOutsideRoot()} switches to Δθ = −ε/(δ + √r) ⊙ g, the form PyTorch, Keras and COMP541 lecture 4 use (then
 * δ = 1e-8 matches PyTorch's default). Goodfellow et al. give no default ρ; 0.9 is Keras's.
 * Defaults: ε = 0.001, ρ = 0.9, δ = 1e-6 inside the root.
 *
 * <p>Because r starts at 0 the first step is ε/√(1 − ρ)·sign(g) (ignoring δ), about 3.16ε for ρ = 0.9:
 * the initialisation bias that Adam corrects (Aggarwal §3.5.3.2).
 */
public final class RMSProp extends Optimizer {

    private final double rho;
    private final double delta;
    private boolean deltaInside = true;
    private final double[][] r;

    public RMSProp(List<Param> params) {
        this(params, 0.001, 0.9, 1e-6);
    }

    public RMSProp(List<Param> params, double learningRate, double rho) {
        this(params, learningRate, rho, 1e-6);
    }

    public RMSProp(List<Param> params, double learningRate, double rho, double delta) {
        super(params, learningRate);
        this.rho = Require.decay("RMSProp: decay rate ρ", rho);
        this.delta = Require.nonNegative("RMSProp: δ", delta);
        this.r = newState();
    }

    /** Use −ε/(δ + √r) ⊙ g (PyTorch, Keras) instead of the box's −ε/√(δ + r) ⊙ g. Returns this. */
    public RMSProp deltaOutsideRoot() {
        this.deltaInside = false;
        return this;
    }

    @Override
    protected double update(GradientOracle gradient) {
        double loss = gradient.evaluate();
        double eps = learningRate();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            double[] w = p.value().data, g = p.grad().data, ri = r[i];
            for (int j = 0; j < ri.length; j++) {
                ri[j] = rho * ri[j] + (1 - rho) * g[j] * g[j];
                w[j] -= eps / denominator(ri[j]) * g[j];
            }
        }
        return loss;
    }

    private double denominator(double rj) {
        return deltaInside ? Math.sqrt(delta + rj) : delta + Math.sqrt(rj);
    }

    /** The rate each entry of tensor {@code i} would get for a unit gradient: ε/√(δ + r) (or ε/(δ + √r)). */
    public double[] effectiveRates(int i) {
        double[] out = new double[r[i].length];
        for (int j = 0; j < out.length; j++) {
            out[j] = learningRate() / denominator(r[i][j]);
        }
        return out;
    }

    /** The moving average r of tensor {@code i} (live view). */
    public double[] accumulator(int i) {
        return r[i];
    }

    @Override
    protected void resetState() {
        zero(r);
    }

    @Override
    public String name() {
        return "RMSProp(ρ = " + rho + ")";
    }
}
