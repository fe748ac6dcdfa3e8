package descent.regularize;

import descent.nn.Param;

/** Argument checks; every message names the quantity and the offending value. */
final class Checks {

    private Checks() {
    }

    /** A penalty coefficient α: finite and ≥ 0. */
    static double coefficient(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and ≥ 0, got " + v);
        }
        return v;
    }

    /** A radius, step size or rate: finite and > 0. */
    static double positive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and > 0, got " + v);
        }
        return v;
    }

    /** Every entry finite; the message names the array and the first bad entry. */
    static double[] finite(String what, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(what + " must be finite, but entry " + i + " is " + v[i]);
            }
        }
        return v;
    }

    /** A copy of {@code v}, which must have the size of {@code p} and finite entries. */
    static double[] sized(String what, Param p, double[] v) {
        if (v == null || v.length != p.size()) {
            throw new IllegalArgumentException(what + " for " + p + " must have " + p.size() + " entries, got "
                    + (v == null ? "null" : v.length));
        }
        return finite(what + " for " + p.name(), v.clone());
    }
}
