package descent.validate;

/**
 * Hyperparameter and argument checks; every message names the quantity and the offending value, e.g.
 * {@code Require.positive("Adam: the step size ε", -0.1)} throws
 * {@code IllegalArgumentException: Adam: the step size ε must be finite and > 0, got -0.1}.
 */
public final class Require {

    private Require() {
    }

    /** A finite value ≥ 0 (a penalty coefficient, a noise variance, a tolerance). */
    public static double nonNegative(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and ≥ 0, got " + v);
        }
        return v;
    }

    /** A finite value > 0 (a step size, a radius, a rate). */
    public static double positive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and > 0, got " + v);
        }
        return v;
    }

    /** A decay or momentum coefficient in [0, 1). */
    public static double decay(String what, double v) {
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException(what + " must lie in [0, 1), got " + v);
        }
        return v;
    }

    /** Every entry finite; the message names the array and the first bad entry. */
    public static double[] finite(String what, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(what + " must be finite, but entry " + i + " is " + v[i]);
            }
        }
        return v;
    }
}
