package secondorder;

import java.util.function.DoubleUnaryOperator;

/**
 * Exercise 03.15: backtracking line search with the Armijo (sufficient-decrease) condition, the simplest way to
 * choose the step αₜ of eq. 3.54. Along a direction p from x, write φ(α) = f(x + αp), so φ(0) = f(x) and
 * φ'(0) = ∇f(x)ᵀp &lt; 0. Try α = α₀, then α₀ρ, α₀ρ², … and return the first α with
 * <pre>
 *   φ(α) ≤ φ(0) + c₁·α·φ'(0).
 * </pre>
 */
public final class Backtracking {

    private Backtracking() {
    }

    /**
     * @param phi    φ(α) = f(x + αp); call it once per trial step and no more
     * @param phi0   φ(0)
     * @param slope0 φ'(0) = ∇f(x)ᵀp, must be negative
     * @param alpha0 the first trial step (positive)
     * @param c1     the sufficient-decrease constant, 0 &lt; c₁ &lt; 1 (typically 1e-4)
     * @param shrink the factor ρ, 0 &lt; ρ &lt; 1 (typically ½)
     * @return the first trial step that satisfies the Armijo condition (give up after 60 trials with
     *         {@link IllegalStateException})
     * @throws IllegalArgumentException when slope0 ≥ 0 (p is not a descent direction)
     */
    public static double search(DoubleUnaryOperator phi, double phi0, double slope0, double alpha0, double c1,
                                double shrink) {
        // BEGIN SOLUTION 03.15 backtracking line search
        if (!(slope0 < 0)) {
            throw new IllegalArgumentException("not a descent direction: φ'(0) = " + slope0);
        }
        double alpha = alpha0;
        for (int trial = 0; trial < 60; trial++) {
            double value = phi.applyAsDouble(alpha);
            if (value <= phi0 + c1 * alpha * slope0) {
                return alpha;
            }
            alpha *= shrink;
        }
        throw new IllegalStateException("no sufficient decrease after 60 trials");
        // END SOLUTION
    }
}
