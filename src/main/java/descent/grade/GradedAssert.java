package descent.grade;

import descent.check.Expect;
import java.util.Locale;

/**
 * Assertions for graded tests, with failure messages written for the student: which quantity, for which input,
 * what was expected, what came back, and which equation or section to reread.
 * <pre>{@code
 * GradedAssert.close("∂L/∂x1", "upstream = 5, x1 = 2, x2 = 3", 15, got[0], 1e-12,
 *         "Aggarwal Table 3.1 (multiplication gate)");
 * }</pre>
 * gives, for a wrong answer,
 * {@code ∂L/∂x1 for upstream = 5, x1 = 2, x2 = 3: expected 15, got 10 (difference 5, tolerance 1e-12). Reread Aggarwal Table 3.1 (multiplication gate).}
 * Tolerances are relative to max(1, |expected|), as in {@link Expect}. NaN and infinite results always fail, with a
 * message that says so.
 */
public final class GradedAssert {

    private GradedAssert() {
    }

    /** |actual − expected| ≤ tol·max(1, |expected|) and actual is finite. */
    public static void close(String quantity, String input, double expected, double actual, double tol,
            String reread) {
        double err = Math.abs(actual - expected);
        if (!Double.isFinite(actual)) {
            fail(quantity, input, num(expected), num(actual) + " (" + nonFinite(actual) + ")", reread);
        }
        if (!(err <= tol * Math.max(1, Math.abs(expected)))) {
            fail(quantity, input, num(expected), num(actual) + String.format(Locale.ROOT,
                    " (difference %s, tolerance %s)", num(err), num(tol)), reread);
        }
    }

    /** Element-wise {@link #close}: same length, every entry close; the message names the first bad entry. */
    public static void allClose(String quantity, String input, double[] expected, double[] actual, double tol,
            String reread) {
        if (actual == null) {
            fail(quantity, input, expected.length + " values", "null", reread);
        }
        if (actual.length != expected.length) {
            fail(quantity, input, expected.length + " values " + list(expected),
                    actual.length + " values " + list(actual), reread);
        }
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(actual[i] - expected[i]);
            if (!Double.isFinite(actual[i])) {
                fail(quantity + "[" + i + "]", input, list(expected),
                        list(actual) + " (entry " + i + " is " + nonFinite(actual[i]) + ")", reread);
            }
            if (!(err <= tol * Math.max(1, Math.abs(expected[i])))) {
                fail(quantity, input, list(expected), list(actual) + String.format(Locale.ROOT,
                        " (entry %d differs by %s, tolerance %s)", i, num(err), num(tol)), reread);
            }
        }
    }

    /**
     * The entries of a matrix in row-major order, for comparing a student's {@code double[][]} with
     * {@link #allClose}. Null stays null and ragged or null rows are concatenated as they are, so a wrong shape shows
     * up as a wrong length in the message instead of an exception inside the test.
     */
    public static double[] flat(double[][] a) {
        if (a == null) {
            return null;
        }
        int total = 0;
        for (double[] row : a) {
            total += row == null ? 0 : row.length;
        }
        double[] out = new double[total];
        int at = 0;
        for (double[] row : a) {
            if (row != null) {
                System.arraycopy(row, 0, out, at, row.length);
                at += row.length;
            }
        }
        return out;
    }

    /** {@link #flat(double[][])} of each matrix in turn (e.g. one weight matrix per layer), concatenated. */
    public static double[] flat(double[][][] a) {
        if (a == null) {
            return null;
        }
        double[][] rows = java.util.Arrays.stream(a).filter(java.util.Objects::nonNull)
                .flatMap(java.util.Arrays::stream).toArray(double[][]::new);
        return flat(rows);
    }

    /** A claim that is true or false; {@code detail} says what was looked at. */
    public static void that(boolean holds, String quantity, String input, String detail, String reread) {
        if (!holds) {
            throw new AssertionError(quantity + " for " + input + ": " + detail + ". Reread " + reread + ".");
        }
    }

    /** Fails with the standard message: {@code <quantity> for <input>: expected <e>, got <g>. Reread <r>.} */
    public static void fail(String quantity, String input, String expected, String got, String reread) {
        throw new AssertionError(quantity + " for " + input + ": expected " + expected + ", got " + got
                + ". Reread " + reread + ".");
    }

    /** The number format of every message: ten significant digits, no trailing zeros, 1e-10 stays "1e-10". */
    public static String num(double v) {
        return Expect.num(v);
    }

    /** {@code [a, b, c]} in {@link #num} format; long arrays are shortened in the middle. */
    public static String list(double[] v) {
        if (v == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            if (v.length > 12 && i == 6) {
                sb.append("…, ");
                i = v.length - 4;
            }
            sb.append(num(v[i]));
            if (i < v.length - 1) {
                sb.append(", ");
            }
        }
        return sb.append(']').toString();
    }

    private static String nonFinite(double v) {
        return Double.isNaN(v) ? "not a number: look for 0/0, ∞−∞ or a log/sqrt of a negative number"
                : "infinite: look for a division by zero or an overflowing exp";
    }
}
