package descent.optim;

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
 * <p>The update loop is written once, in {@code AdaptiveMoments}, shared with {@link AdamW}; it can also run as a
 * sliced step over ranges of the parameters ({@link #beginSlicedStep()}), which data-parallel training uses.
 *
 * <p>{@link #withL2(double)} adds λθ to the gradient before the moments (Adam + L2, line 6 of Loshchilov and Hutter's
 * Algorithm 2): the decay is then divided by √r̂ like the data gradient. Compare {@link AdamW}.
 */
public final class Adam extends AdaptiveMoments {

    private boolean biasCorrection = true;
    private double l2 = 0;

    public Adam(List<Param> params) {
        this(params, 0.001, 0.9, 0.999, 1e-8);
    }

    public Adam(List<Param> params, double learningRate) {
        this(params, learningRate, 0.9, 0.999, 1e-8);
    }

    public Adam(List<Param> params, double learningRate, double rho1, double rho2, double delta) {
        super(params, learningRate, Require.decay("Adam: decay rate ρ₁", rho1), Require.decay("Adam: decay rate ρ₂", rho2),
                Require.nonNegative("Adam: δ", delta));
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

    // Alg. 8.7 in the shared loop of AdaptiveMoments: α = ε, η = 1, no decoupled decay, κ = the L2 coefficient.
    @Override
    double stepSize() {
        return learningRate();
    }

    @Override
    double stepScale() {
        return 1;
    }

    @Override
    double decoupledDecay() {
        return 0;
    }

    @Override
    double coupledL2() {
        return l2;
    }

    @Override
    boolean biasCorrected() {
        return biasCorrection;
    }

    @Override
    public String name() {
        return "Adam" + (biasCorrection ? "" : " (no bias correction)") + (l2 > 0 ? " + L2(λ = " + l2 + ")" : "");
    }
}
