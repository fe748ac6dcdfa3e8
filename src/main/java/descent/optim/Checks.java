package descent.optim;

/** Argument checks for hyperparameters; every message names the hyperparameter and the offending value. */
final class Checks {

    private Checks() {
    }

    static double nonNegative(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and ≥ 0, got " + v);
        }
        return v;
    }

    static double positive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and > 0, got " + v);
        }
        return v;
    }

    /** A decay or momentum coefficient in [0, 1). */
    static double decay(String what, double v) {
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException(what + " must lie in [0, 1), got " + v);
        }
        return v;
    }
}
