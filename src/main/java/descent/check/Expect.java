package descent.check;

import java.util.Locale;

/**
 * Checks for notebook cells: each one prints a line saying what was compared and how closely it agreed,
 * and throws {@link AssertionError} when the claim fails, so an executed notebook with a wrong derivation
 * stops with an error output instead of quietly showing a wrong number.
 * <pre>{@code
 * Expect.close("∂o/∂w = 32·w³¹ at w = 1.1 (eq. 3.6)", 32 * Math.pow(1.1, 31), dp, 1e-9);
 * }</pre>
 * Tolerances are relative to max(1, |expected|): {@code |actual − expected| ≤ tol·max(1, |expected|)}.
 */
public final class Expect {

    private Expect() {
    }

    /** A tolerance is a number ≥ 0: a negative or NaN one would make the check fail, or pass, for no reason. */
    private static void requireTolerance(String claim, double tol) {
        if (!(tol >= 0)) {
            throw new IllegalArgumentException("check \"" + claim + "\": the tolerance must be ≥ 0, got " + tol);
        }
    }

    /** |actual − expected| ≤ tol·max(1, |expected|), and actual is finite. */
    public static void close(String claim, double expected, double actual, double tol) {
        requireTolerance(claim, tol);
        double err = Math.abs(actual - expected);
        boolean ok = Double.isFinite(actual) && err <= tol * Math.max(1, Math.abs(expected));
        report(ok, claim, String.format(Locale.ROOT, "expected %s, got %s (difference %.2e, tolerance %.0e)",
                num(expected), num(actual), err, tol));
    }

    /** Element-wise {@link #close}; reports the worst entry. */
    public static void allClose(String claim, double[] expected, double[] actual, double tol) {
        requireTolerance(claim, tol);
        if (expected == null || actual == null) {
            throw new IllegalArgumentException("check \"" + claim + "\": expected or actual is null");
        }
        if (expected.length != actual.length) {
            report(false, claim, "expected " + expected.length + " values, got " + actual.length);
        }
        int worst = -1;
        double worstRatio = -1;
        for (int i = 0; i < expected.length; i++) {
            double ratio = Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i]));
            if (!Double.isFinite(actual[i])) {
                ratio = Double.POSITIVE_INFINITY;
            }
            if (ratio > worstRatio) {
                worstRatio = ratio;
                worst = i;
            }
        }
        if (worst < 0) {
            report(true, claim, "no entries");
            return;
        }
        report(worstRatio <= tol, claim, String.format(Locale.ROOT,
                "%d entries; worst is [%d]: expected %s, got %s (relative difference %.2e, tolerance %.0e)",
                expected.length, worst, num(expected[worst]), num(actual[worst]), worstRatio, tol));
    }

    /** value < bound. */
    public static void below(String claim, double value, double bound) {
        report(value < bound, claim, String.format(Locale.ROOT, "%s < %s", num(value), num(bound)));
    }

    /** value > bound. */
    public static void above(String claim, double value, double bound) {
        report(value > bound, claim, String.format(Locale.ROOT, "%s > %s", num(value), num(bound)));
    }

    /** A claim that is simply true or false; {@code detail} says what was looked at. */
    public static void that(String claim, boolean holds, String detail) {
        report(holds, claim, detail);
    }

    private static void report(boolean ok, String claim, String detail) {
        if (!ok) {
            throw new AssertionError("CHECK FAILED: " + claim + " — " + detail);
        }
        System.out.println("✓ " + claim + " — " + detail);
    }

    /**
     * Ten significant digits without trailing zeros: 1e-10, 0.25, 15000000, 1.5e+12, NaN, Infinity.
     * Shared with the grader's failure messages ({@code descent.grade.GradedAssert}).
     */
    public static String num(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        String s = String.format(Locale.ROOT, "%.10g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + exponent;
    }
}
