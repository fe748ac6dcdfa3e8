package descent.optim;

import descent.nn.GradientOracle;
import descent.nn.Param;
import descent.validate.Require;

import java.util.List;

/**
 * Adam (Kingma and Ba 2014), Goodfellow et al. Algorithm 8.7; Aggarwal eqs. 3.44–3.46.
 * <pre>
 * require: step size ε (default 0.001), decay rates ρ₁, ρ₂ ∈ [0, 1) (defaults 0.9, 0.999),
 *          small constant δ (default 1e-8), initial θ
 * s ← 0, r ← 0, t ← 0
 * loop:    g ← gradient at θ
 *          t ← t + 1                         (so the first step uses t = 1)
 *          s ← ρ₁s + (1 − ρ₁) g              (first moment)
 *          r ← ρ₂r + (1 − ρ₂) g ⊙ g          (second moment)
 *          ŝ ← s/(1 − ρ₁ᵗ),  r̂ ← r/(1 − ρ₂ᵗ)   (bias correction)
 *          Δθ ← −ε ŝ/(√r̂ + δ)
 *          θ ← θ + Δθ
 * </pre>
 * <b>Errata:</b> COMP541 lecture 4's Adam code loops from t = 0, which divides by 1 − ρ₁⁰ = 0; t must start at 1 as
 * above. Srihari's slides print "r̂ ← r₁/(1 − ρ_r^t)" for r̂ ← r/(1 − ρ₂ᵗ). Aggarwal (eq. 3.46) puts δ inside the root;
 * Goodfellow et al. Alg. 8.7, Kingma and Ba, and PyTorch put it outside, as here. Notebook 09 shows all three.
 *
 * <p>At t = 1, ŝ = g and r̂ = g ⊙ g, so the first step is −ε·sign(g) in every coordinate whatever the gradient's
 * scale. {@link #withoutBiasCorrection()} uses s and r directly (the ablation): the first step is then
 * −ε(1 − ρ₁)/√(1 − ρ₂)·sign(g) ≈ −3.16ε·sign(g) for the defaults.
 *
 * <p>{@link #withL2(double)} adds λθ to the gradient before the moments (Adam + L2, line 6 of Loshchilov and Hutter's
 * Algorithm 2): the decay is then divided by √r̂ like the data gradient. Compare {@link AdamW}.
 */
public final class Adam extends Optimizer {

    private final double rho1;
    private final double rho2;
    private final double delta;
    private boolean biasCorrection = true;
    private double l2 = 0;
    private final double[][] s;
    private final double[][] r;
    private long t;

    public Adam(List<Param> params) {
        this(params, 0.001, 0.9, 0.999, 1e-8);
    }

    public Adam(List<Param> params, double learningRate) {
        this(params, learningRate, 0.9, 0.999, 1e-8);
    }

    public Adam(List<Param> params, double learningRate, double rho1, double rho2, double delta) {
        super(params, learningRate);
        this.rho1 = Require.decay("Adam: decay rate ρ₁", rho1);
        this.rho2 = Require.decay("Adam: decay rate ρ₂", rho2);
        this.delta = Require.nonNegative("Adam: δ", delta);
        this.s = newState();
        this.r = newState();
    }

    /** Skip the division by 1 − ρᵗ (for demonstrating what bias correction does). Returns this. */
    public Adam withoutBiasCorrection() {
        this.biasCorrection = false;
        return this;
    }

    /** Couple an L2 penalty (λ/2)‖θ‖² into the gradient: g ← g + λθ. Returns this. */
    public Adam withL2(double lambda) {
        this.l2 = Require.nonNegative("Adam: L2 coefficient λ", lambda);
        return this;
    }

    @Override
    protected double update(GradientOracle gradient) {
        double loss = gradient.evaluate();
        t++;
        double eps = learningRate();
        double c1 = biasCorrection ? 1 - Math.pow(rho1, t) : 1;
        double c2 = biasCorrection ? 1 - Math.pow(rho2, t) : 1;
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            double[] w = p.value().data, gr = p.grad().data, si = s[i], ri = r[i];
            for (int j = 0; j < si.length; j++) {
                double g = gr[j] + l2 * w[j];
                si[j] = rho1 * si[j] + (1 - rho1) * g;
                ri[j] = rho2 * ri[j] + (1 - rho2) * g * g;
                double sHat = si[j] / c1, rHat = ri[j] / c2;
                w[j] -= eps * sHat / (Math.sqrt(rHat) + delta);
            }
        }
        return loss;
    }

    /** t, the number of moment updates so far. */
    public long t() {
        return t;
    }

    @Override
    protected void resetState() {
        zero(s);
        zero(r);
        t = 0;
    }

    @Override
    protected double[][][] stateArrays() {
        return new double[][][]{s, r};
    }

    @Override
    protected long[] stateCounters() {
        return new long[]{t};
    }

    @Override
    protected void setStateCounters(long[] c) {
        t = c[0];
    }

    @Override
    public String name() {
        return "Adam" + (biasCorrection ? "" : " (no bias correction)") + (l2 > 0 ? " + L2(λ = " + l2 + ")" : "");
    }
}
