package descent.regularize;

import descent.nn.Param;
import descent.validate.Require;

/** Argument checks of this package's own kinds; the scalar ones are {@link Require}'s. */
final class Checks {

    private Checks() {
    }

    /** A penalty coefficient α: finite and ≥ 0. */
    static double coefficient(String what, double v) {
        return Require.nonNegative(what, v);
    }

    /** A radius, step size or rate: finite and > 0. */
    static double positive(String what, double v) {
        return Require.positive(what, v);
    }

    /** Every entry finite; the message names the array and the first bad entry. */
    static double[] finite(String what, double[] v) {
        return Require.finite(what, v);
    }

    /** A copy of {@code v}, which must have the size of {@code p} and finite entries. */
    static double[] sized(String what, Param p, double[] v) {
        if (v == null || v.length != p.size()) {
            throw new IllegalArgumentException(what + " for " + p + " must have " + p.size() + " entries, got "
                    + (v == null ? "null" : v.length));
        }
        return Require.finite(what + " for " + p.name(), v.clone());
    }
}
