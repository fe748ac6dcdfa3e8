package penalties;

import static descent.grade.GradedAssert.close;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/** α ← max(0, α + ρ(Ω − k)): up when violated, down when slack, never below 0. */
@Exercise(id = "05.6", title = "dual-ascent update")
class DualAscentUpdateTest {

    private static final String REREAD = "Goodfellow et al. §7.2, eqs. 7.26–7.27: α must increase when Ω(θ) > k, decrease "
            + "when Ω(θ) < k, and stay ≥ 0; notebook 22";

    @Test
    @Points(2)
    void aViolatedConstraintRaisesTheMultiplier() {
        close("new α", "α = 0.5, Ω = 3, k = 1, ρ = 0.25", 1.0, DualAscentUpdate.update(0.5, 3, 1, 0.25), 1e-15, REREAD);
    }

    @Test
    @Points(3)
    void aSlackConstraintLowersItButNeverBelowZero() {
        close("new α", "α = 1, Ω = 0.5, k = 1, ρ = 0.4", 0.8, DualAscentUpdate.update(1, 0.5, 1, 0.4), 1e-15, REREAD);
        close("new α", "α = 0.5, Ω = 0.2, k = 1, ρ = 1 (α + ρ(Ω − k) = −0.3)", 0, DualAscentUpdate.update(0.5, 0.2, 1, 1),
                0, REREAD);
    }

    @Test
    @Points(2)
    void findsTheMultiplierOfAOneDimensionalProblem() {
        // J = ½(θ − 3)², Ω = ½θ², k = ½ (|θ| ≤ 1): for fixed α the minimizer is θ = 3/(1 + α); the constraint is
        // active at θ = 1, i.e. α* = 2
        double alpha = 0;
        for (int t = 0; t < 500; t++) {
            double theta = 3 / (1 + alpha);
            alpha = DualAscentUpdate.update(alpha, 0.5 * theta * theta, 0.5, 0.5);
        }
        close("α after 500 updates", "J = ½(θ − 3)², Ω = ½θ², k = ½, ρ = 0.5, θ = 3/(1 + α) between updates", 2, alpha,
                1e-9, REREAD);
    }

    @Test
    @Points(1)
    void refusesANonPositiveStep() {
        try {
            DualAscentUpdate.update(1, 1, 1, -0.1);
            that(false, "ρ = −0.1", "α = 1, Ω = 1, k = 1", "expected IllegalArgumentException, got no exception", REREAD);
        } catch (IllegalArgumentException expected) {
            // refused
        }
        try {
            DualAscentUpdate.update(1, 2, 1, 0);
            that(false, "ρ = 0", "α = 1, Ω = 2, k = 1 (a step of 0 never moves α)", "expected IllegalArgumentException, got no exception", REREAD);
        } catch (IllegalArgumentException expected) {
            // refused
        }
    }
}
