package descent.optim;

import descent.nn.Param;
import descent.validate.Require;

import java.util.List;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter 2019, Algorithm 2, the AdamW lines; COMP541 lecture 4, slide "AdamW").
 * <pre>
 * given:   α = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, λ ∈ ℝ; schedule multiplier η_t
 * m ← 0, v ← 0, t ← 0
 * loop:    g ← gradient at θ                   (no λθ added here: that would be Adam + L2)
 *          t ← t + 1
 *          m ← β₁m + (1 − β₁) g,   v ← β₂v + (1 − β₂) g ⊙ g
 *          m̂ ← m/(1 − β₁ᵗ),        v̂ ← v/(1 − β₂ᵗ)
 *          θ ← θ − η_t (α m̂/(√v̂ + ε) + λθ)
 * </pre>
 * The decay λθ bypasses the adaptive denominator and is scaled by the schedule multiplier η_t but not by α.
 * <b>Erratum:</b> COMP541 lecture 4's text of the algorithm reads "m₀ ← θ, v₀ ← θ" (an OCR slip for ← 0); the
 * moments start at zero. Notebook 09 shows it.
 *
 * <p>The update loop is written once, in {@code AdaptiveMoments}, shared with {@link Adam} (m, v are its s, r;
 * β₁, β₂, ε its ρ₁, ρ₂, δ).
 *
 * <p>The learning rate reported by {@link #learningRate()} is α·η_t. A schedule that sets the learning rate to
 * ε_k sets η_t = ε_k/α, so it scales both terms.
 *
 * <p><b>Two conventions for the decay.</b> Here λ is the paper's: the fraction of θ removed per step (times η_t),
 * θ ← θ − η_t λθ − …. PyTorch's {@code torch.optim.AdamW(lr, weight_decay=w)} multiplies its w by the learning
 * rate instead, θ ← θ − lr·w·θ − …, so its w is λ/α: PyTorch's default w = 0.01 at lr = 0.001 is λ = 1e-5 here,
 * and passing PyTorch's w as λ decays a thousand times too fast. To port PyTorch code, build the optimizer with
 * {@link #withPyTorchWeightDecay(List, double, double)}, which sets α = lr and λ = lr·w; under a schedule both
 * conventions then give the same trajectory (checked against torch 1.13 in {@code TorchTrajectoryTest}).
 */
public final class AdamW extends AdaptiveMoments {

    private final double alpha;
    private final double lambda;

    /** PyTorch's defaults: α = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, {@code weight_decay} 0.01, i.e. λ = 1e-5. */
    public AdamW(List<Param> params) {
        this(params, 0.001, 0.9, 0.999, 1e-8, 0.001 * 0.01);
    }

    /** α = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8 and the given λ (the decay per step: θ ← θ − λθ − …). */
    public AdamW(List<Param> params, double lambda) {
        this(params, 0.001, 0.9, 0.999, 1e-8, lambda);
    }

    public AdamW(List<Param> params, double alpha, double beta1, double beta2, double epsilon, double lambda) {
        super(params, Require.positive("AdamW: step size α", alpha), Require.decay("AdamW: decay rate β₁", beta1),
                Require.decay("AdamW: decay rate β₂", beta2), Require.nonNegative("AdamW: ε", epsilon));
        this.alpha = alpha;
        this.lambda = Require.nonNegative("AdamW: weight decay λ", lambda);
    }

    /**
     * AdamW with PyTorch's parameters: {@code torch.optim.AdamW(params, lr, weight_decay=weightDecay)} (β₁ = 0.9,
     * β₂ = 0.999, ε = 1e-8), i.e. α = lr and λ = lr·weightDecay.
     */
    public static AdamW withPyTorchWeightDecay(List<Param> params, double lr, double weightDecay) {
        return withPyTorchWeightDecay(params, lr, 0.9, 0.999, 1e-8, weightDecay);
    }

    /** The same with PyTorch's {@code betas=(beta1, beta2)} and {@code eps}. */
    public static AdamW withPyTorchWeightDecay(List<Param> params, double lr, double beta1, double beta2, double eps,
                                               double weightDecay) {
        Require.positive("AdamW: PyTorch lr", lr);
        Require.nonNegative("AdamW: PyTorch weight_decay", weightDecay);
        return new AdamW(params, lr, beta1, beta2, eps, lr * weightDecay);
    }

    /** λ, the decay per step in the paper's convention (PyTorch's {@code weight_decay} is λ/α). */
    public double lambda() {
        return lambda;
    }

    /** η_t = (current learning rate)/α. */
    public double scheduleMultiplier() {
        return learningRate() / alpha;
    }

    // the box above in the shared loop of AdaptiveMoments: η = η_t, α, λ, no coupled L2, always bias-corrected
    @Override
    double stepSize() {
        return alpha;
    }

    @Override
    double stepScale() {
        return scheduleMultiplier();
    }

    @Override
    double decoupledDecay() {
        return lambda;
    }

    @Override
    double coupledL2() {
        return 0;
    }

    @Override
    boolean biasCorrected() {
        return true;
    }

    @Override
    public String name() {
        return "AdamW(λ = " + lambda + ")";
    }
}
