package descent.regularize;

/**
 * A norm constraint Ω(θ) ≤ k enforced through its KKT multiplier (Goodfellow et al. §7.2, eqs. 7.25–7.28; the draft
 * chapter 7, §7.3). The generalized Lagrangian
 * <pre>
 *   L(θ, α) = J(θ) + α(Ω(θ) − k),     θ* = argmin_θ max_{α ≥ 0} L(θ, α)      (eqs. 7.26–7.27)
 * </pre>
 * is minimized over θ by the optimizer (this penalty adds α∇Ω to the gradient) while α climbs the dual:
 * <pre>
 *   α ← max(0, α + ρ(Ω(θ) − k))
 * </pre>
 * (dual ascent, standard and not printed in the books): α grows while the constraint is violated and shrinks, never
 * below 0, while it is slack. At the solution α = α*, and the penalized problem with that fixed coefficient has the same
 * minimizer (eq. 7.28). <b>Erratum:</b> Goodfellow et al. print eq. 7.27 with "max over α, α &gt; 0"; the multiplier
 * must be allowed to reach 0 (α ≥ 0), as the draft chapter writes it.
 *
 * <p>Ω is the value of a {@link ParamPenalty} (so it has that penalty's tensor selection, per-tensor coefficients and
 * reference points; for {@link L2Penalty} with coefficient 1, Ω = ½‖w‖² and the constraint ‖w‖ ≤ r is k = r²/2).
 * {@link #ascend()} updates α; as an {@link AfterStep} in a {@link ProjectedOptimizer} it runs after every step.
 * A separate multiplier per hidden unit (the Lagrangian reading of {@link MaxNorm}) is not implemented.
 */
public final class DualAscent implements Penalty, AfterStep {

    private final ParamPenalty<?> omega;
    private final double k;
    private final double rho;
    private double alpha;

    /** α starts at 0. */
    public DualAscent(ParamPenalty<?> omega, double k, double rho) {
        this(omega, k, rho, 0);
    }

    public DualAscent(ParamPenalty<?> omega, double k, double rho, double alpha0) {
        this.omega = omega;
        this.k = Checks.positive("DualAscent: constraint level k", k);
        this.rho = Checks.positive("DualAscent: dual step ρ", rho);
        this.alpha = Checks.coefficient("DualAscent: initial multiplier α", alpha0);
    }

    /** The dual update α ← max(0, α + ρ(Ω(θ) − k)); returns the new α. */
    public double ascend() {
        alpha = Math.max(0, alpha + rho * (omega.value() - k));
        return alpha;
    }

    @Override
    public void afterStep(double learningRate) {
        ascend();
    }

    /** α(Ω(θ) − k), the multiplier's term of the Lagrangian. */
    @Override
    public double value() {
        return alpha * (omega.value() - k);
    }

    @Override
    public double addGradient() {
        return alpha * (omega.addScaledGradient(alpha) - k);
    }

    /** The current multiplier α. */
    public double alpha() {
        return alpha;
    }

    /** Ω(θ) at the current parameters. */
    public double omega() {
        return omega.value();
    }

    public double k() {
        return k;
    }

    @Override
    public String name() {
        return "KKT(" + omega.name() + " ≤ " + k + ")";
    }
}
