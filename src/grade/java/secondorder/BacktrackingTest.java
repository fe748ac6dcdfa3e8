package secondorder;

import static descent.grade.GradedAssert.close;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

import java.util.Random;

/** Backtracking: hand-computed steps and trial counts, and the Armijo condition on random quadratics. */
@Exercise(id = "03.15", title = "backtracking line search")
class BacktrackingTest {

    private static final String REREAD = "the Armijo condition φ(α) ≤ φ(0) + c₁αφ'(0) in exercises/secondorder/"
            + "Backtracking.java (a line search for eq. 3.54, Aggarwal §3.5.6.2); notebook 11";

    /** The search, with an exception turned into a failure that says what was expected. */
    private static double search(String input, double expected, java.util.function.DoubleUnaryOperator phi, double phi0,
                                 double slope0, double alpha0, double c1, double shrink) {
        try {
            return Backtracking.search(phi, phi0, slope0, alpha0, c1, shrink);
        } catch (RuntimeException e) {
            that(false, "α", input, "expected α = " + expected + ", got " + e, REREAD);
            return Double.NaN;
        }
    }

    @Test
    @Points(3)
    void firstAcceptableStepByHand() {
        // f(x) = x² at x = 1 along p = −2: φ(α) = (1 − 2α)², φ(0) = 1, φ'(0) = −4.
        // α = 1: φ = 1 > 1 − 4e-4, rejected; α = 0.5: φ = 0, accepted.
        int[] calls = {0};
        String input = "φ(α) = (1 − 2α)², φ(0) = 1, φ'(0) = −4, α₀ = 1, c₁ = 1e-4, ρ = 0.5";
        double alpha = search(input, 0.5, a -> { calls[0]++; return (1 - 2 * a) * (1 - 2 * a); }, 1, -4, 1, 1e-4, 0.5);
        close("α", input, 0.5, alpha, 0, REREAD);
        that(calls[0] == 2, "calls of φ", input, "expected 2 (α = 1 rejected, α = 0.5 accepted), got " + calls[0], REREAD);
        // With c₁ = 0.6 the bound is 1 − 2.4α: α = 0.5 lowers φ to 0 but not below 1 − 1.2 = −0.2, so it is rejected
        // (a plain decrease φ(α) < φ(0) would accept it); α = 0.25: φ = 0.25 ≤ 0.4, accepted.
        String strict = input.replace("c₁ = 1e-4", "c₁ = 0.6");
        close("α", strict, 0.25, search(strict, 0.25, a -> (1 - 2 * a) * (1 - 2 * a), 1, -4, 1, 0.6, 0.5), 0, REREAD);
    }

    @Test
    @Points(3)
    void shrinksUntilSufficientDecrease() {
        // φ(α) = 100α² − 10α, φ(0) = 0, φ'(0) = −10, c₁ = 0.5: accepted iff 100α² ≤ 5α, i.e. α ≤ 0.05.
        // From α₀ = 1 halving: 1, 0.5, 0.25, 0.125, 0.0625 rejected, 0.03125 accepted after 6 calls.
        int[] calls = {0};
        String input = "φ(α) = 100α² − 10α, φ(0) = 0, φ'(0) = −10, α₀ = 1, c₁ = 0.5, ρ = 0.5";
        double alpha = search(input, 0.03125, a -> { calls[0]++; return 100 * a * a - 10 * a; }, 0, -10, 1, 0.5, 0.5);
        close("α", input, 0.03125, alpha, 0, REREAD);
        that(calls[0] == 6, "calls of φ", input, "expected 6, got " + calls[0], REREAD);
        double unit = search(input, 0.04, a -> 100 * a * a - 10 * a, 0, -10, 0.04, 0.5, 0.5);
        close("α when α₀ = 0.04 already satisfies the condition", input.replace("α₀ = 1", "α₀ = 0.04"), 0.04, unit, 0, REREAD);
    }

    @Test
    @Points(3)
    void armijoHoldsOnRandomQuadratics() {
        Random rng = new Random(5);
        for (int k = 0; k < 50; k++) {
            double a = 0.1 + 10 * rng.nextDouble(), s = -(0.1 + 5 * rng.nextDouble()), c1 = 1e-4 + 0.5 * rng.nextDouble();
            double alpha = Backtracking.search(t -> a * t * t + s * t, 0, s, 1 + 10 * rng.nextDouble(), c1, 0.3 + 0.6 * rng.nextDouble());
            String input = String.format(java.util.Locale.ROOT, "φ(α) = %.4fα² + (%.4f)α, c₁ = %.4f", a, s, c1);
            that(alpha > 0 && a * alpha * alpha + s * alpha <= c1 * alpha * s, "Armijo condition", input,
                    "returned α = " + alpha + " which does not satisfy it", REREAD);
        }
    }

    @Test
    @Points(2)
    void acceptsEqualityInTheArmijoCondition() {
        // φ(α) = −2α exactly equals the bound φ(0) + c₁αφ'(0) = 0.5·α·(−4) for every α: "≤" accepts α₀ = 1 at once;
        // "<" would reject every trial.
        int[] calls = {0};
        String input = "φ(α) = −2α, φ(0) = 0, φ'(0) = −4, α₀ = 1, c₁ = 0.5, ρ = 0.5 (φ(α) equals the bound)";
        double alpha;
        try {
            alpha = Backtracking.search(a -> { calls[0]++; return -2 * a; }, 0, -4, 1, 0.5, 0.5);
        } catch (RuntimeException e) {
            that(false, "α", input, "expected α = 1 (φ(1) = −2 ≤ −2), got " + e, REREAD);
            return;
        }
        close("α", input, 1, alpha, 0, REREAD);
        that(calls[0] == 1, "calls of φ", input, "expected 1, got " + calls[0], REREAD);
    }

    @Test
    @Points(2)
    void givesUpAfterSixtyTrials() {
        // φ ≡ 1 > φ(0) = 0 never decreases: exactly 60 trials (α₀, α₀ρ, …, α₀ρ⁵⁹), then IllegalStateException.
        int[] calls = {0};
        String input = "φ(α) = 1 for every α, φ(0) = 0, φ'(0) = −1, α₀ = 1, c₁ = 1e-4, ρ = 0.5";
        try {
            double alpha = Backtracking.search(a -> { calls[0]++; return 1; }, 0, -1, 1, 1e-4, 0.5);
            that(false, "no sufficient decrease", input, "expected IllegalStateException after 60 trials, got α = "
                    + alpha + " after " + calls[0] + " calls", REREAD);
        } catch (IllegalStateException expected) {
            that(calls[0] == 60, "calls of φ before giving up", input, "expected 60, got " + calls[0], REREAD);
        } catch (RuntimeException other) {
            that(false, "no sufficient decrease", input, "expected IllegalStateException, got " + other, REREAD);
        }
    }

    @Test
    @Points(1)
    void rejectsAZeroSlope() {
        String input = "φ'(0) = 0 (p is orthogonal to the gradient: not a descent direction)";
        try {
            Backtracking.search(a -> a * a, 0, 0, 1, 1e-4, 0.5);
        } catch (IllegalArgumentException expected) {
            return;
        } catch (RuntimeException other) {
            that(false, "zero slope", input, "expected IllegalArgumentException, got " + other, REREAD);
        }
        that(false, "zero slope", input, "expected IllegalArgumentException, nothing was thrown", REREAD);
    }

    @Test
    @Points(1)
    void rejectsAnUphillDirection() {
        String input = "φ'(0) = +1 (the direction goes uphill)";
        try {
            Backtracking.search(a -> a, 0, 1, 1, 1e-4, 0.5);
        } catch (IllegalArgumentException expected) {
            return;
        } catch (RuntimeException other) {
            that(false, "uphill direction", input, "expected IllegalArgumentException, got " + other, REREAD);
        }
        that(false, "uphill direction", input, "expected IllegalArgumentException, nothing was thrown", REREAD);
    }
}
