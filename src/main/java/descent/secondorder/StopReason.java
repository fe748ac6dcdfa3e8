package descent.secondorder;

/** Why a minimizer stopped; recorded in every {@link Result}. Only {@link #GRADIENT_TOLERANCE} counts as success. */
public enum StopReason {
    /** ‖∇f‖∞ fell to the tolerance (default 1e-5, scipy's {@code gtol}). */
    GRADIENT_TOLERANCE("‖g‖∞ ≤ tolerance"),
    /** The iteration budget ran out first. */
    MAX_ITERATIONS("iteration limit reached"),
    /** The line search found no acceptable step (for example f is flat to rounding along the direction). */
    LINE_SEARCH_FAILED("line search found no acceptable step"),
    /** The Newton system could not be solved: H is singular (the 0/0 step of x³ at its flat point). */
    SINGULAR_HESSIAN("Hessian is singular"),
    /** f fell below −1e30: the function is unbounded below along the path (x² − y², x³). */
    UNBOUNDED("f is decreasing without bound");

    private final String description;

    StopReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
