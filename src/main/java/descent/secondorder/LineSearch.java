package descent.secondorder;

import descent.objective.Objective;

import java.util.Locale;

/**
 * Chooses the step length α along a descent direction p from x: the one-dimensional problem
 * φ(α) = f(x + αp) that the book's CG and quasi-Newton algorithms solve at every iteration (Aggarwal §3.5.6.1,
 * eq. 3.54). Implementations report how many evaluations they used.
 *
 * <p>A direction with ∇f(x)ᵀp ≥ 0 is not a descent direction: every implementation rejects it with an
 * {@link IllegalArgumentException} that names the slope, instead of searching uphill.
 */
public interface LineSearch {

    /**
     * @param f the objective (pass the run's counting wrapper so evaluations are counted)
     * @param x the current point (not modified)
     * @param fx f(x)
     * @param gx ∇f(x) (not modified)
     * @param p the search direction, with gxᵀp &lt; 0
     * @param initialStep the first trial α (ignored by the exact search)
     */
    Step search(Objective f, double[] x, double fx, double[] gx, double[] p, double initialStep);

    /**
     * The same search, writing the accepted point into {@code xOut} and ∇f there into {@code gOut} (both of length
     * d, distinct from x and gx); the returned step's {@code x} and {@code g} are those arrays. Searches that
     * override it ({@link MoreThuenteLineSearch}) allocate nothing of size d; the default copies.
     */
    default Step search(Objective f, double[] x, double fx, double[] gx, double[] p, double initialStep,
                        double[] xOut, double[] gOut) {
        Step s = search(f, x, fx, gx, p, initialStep);
        System.arraycopy(s.x(), 0, xOut, 0, xOut.length);
        System.arraycopy(s.g(), 0, gOut, 0, gOut.length);
        return new Step(s.alpha(), xOut, s.f(), gOut, s.evaluations(), s.found(), s.message());
    }

    /** A short name for tables. */
    String name();

    /**
     * The outcome: the accepted α, the new point with f and ∇f there, the evaluations used, and whether the
     * search's conditions were met. When {@code found} is false, {@code x}, {@code f} and {@code g} are the
     * starting point's (no step taken) and {@code message} says why.
     */
    record Step(double alpha, double[] x, double f, double[] g, int evaluations, boolean found, String message) {
    }

    /** As {@link #requireDescent(String, double[], double[])}, naming the search only when it throws. */
    static double requireDescent(LineSearch who, double[] g, double[] p) {
        double slope = Vectors.dot(g, p);
        return slope < 0 ? slope : requireDescent(who.name(), g, p);
    }

    /** The slope φ'(0) = gᵀp, or an exception when it is not negative (or not finite). */
    static double requireDescent(String who, double[] g, double[] p) {
        double slope = Vectors.dot(g, p);
        if (!(slope < 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: p is not a descent direction: ∇f(x)ᵀp = %s (must be < 0; ‖∇f‖ = %.3g, ‖p‖ = %.3g)",
                    who, slope, Vectors.norm(g), Vectors.norm(p)));
        }
        return slope;
    }

    /** The exact minimizer along p of a quadratic (Hv from the objective). */
    static LineSearch exactQuadratic() {
        return new ExactLineSearch();
    }

    /** Backtracking with the Armijo condition, c₁ = 1e-4, halving. */
    static LineSearch backtracking() {
        return new BacktrackingLineSearch(1e-4, 0.5);
    }

    /** Strong Wolfe with c₁ = 1e-4 and the given c₂ (0.9 for quasi-Newton, 0.1 for nonlinear CG). */
    static LineSearch strongWolfe(double c2) {
        return new WolfeLineSearch(1e-4, c2);
    }

    /** Moré–Thuente with c₁ = 1e-4 and the given c₂ (the search L-BFGS and nonlinear CG use by default). */
    static LineSearch moreThuente(double c2) {
        return new MoreThuenteLineSearch(1e-4, c2);
    }
}
