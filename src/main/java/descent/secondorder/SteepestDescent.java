package descent.secondorder;

/**
 * Gradient descent with a line search, p = −∇f: the first-order baseline the second-order methods are compared
 * with (Aggarwal §3.5.6: it bounces between the walls of a valley). The first trial step is 1/‖∇f‖₂; later
 * ones come from the previous decrease, α₀ = 2·(f_k − f_{k−1})/φ'(0) (Nocedal and Wright eq. 3.60).
 */
public final class SteepestDescent extends Minimizer {

    private final LineSearch lineSearch;

    /** With a backtracking Armijo line search. */
    public SteepestDescent() {
        this(LineSearch.backtracking());
    }

    public SteepestDescent(LineSearch lineSearch) {
        super(100_000);
        if (lineSearch == null) {
            throw new IllegalArgumentException("SteepestDescent: line search is null");
        }
        this.lineSearch = lineSearch;
    }

    @Override
    protected void iterate(Run run) {
        double fPrevious = Double.NaN;
        while (!run.done()) {
            double[] p = Vectors.negate(run.g());
            double slope = Vectors.dot(run.g(), p);
            double alpha0 = Double.isNaN(fPrevious) ? 1 / Vectors.norm(run.g())
                    : 2.02 * (run.f() - fPrevious) / slope;
            if (!(alpha0 > 0) || !Double.isFinite(alpha0)) {
                alpha0 = 1 / Vectors.norm(run.g());
            }
            LineSearch.Step s = lineSearch.search(run.objective(), run.x(), run.f(), run.g(), p, alpha0);
            if (s.alpha() == 0) {
                run.stop(StopReason.LINE_SEARCH_FAILED, s.message());
                return;
            }
            fPrevious = run.f();
            run.accept(s.x(), s.f(), s.g());
        }
    }

    @Override
    public String name() {
        return "steepest descent";
    }
}
