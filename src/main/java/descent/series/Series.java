package descent.series;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The number sequences notebooks compute, check and plot: ranges and grids for an x axis, the coordinate columns of
 * an optimization path, lists turned into arrays, and the least-squares slope of a curve (on log-log axes, the
 * exponent of a power law: −½ for a minibatch gradient's error against the batch size, −1 for O(1/k)). Written once
 * here so that notebooks and tests do not each carry their own copy.
 */
public final class Series {

    private Series() {
    }

    /** 0, 1, …, n − 1. */
    public static double[] range(int n) {
        return range(0, n);
    }

    /** from, from + 1, …, to − 1 (empty when to ≤ from). */
    public static double[] range(int from, int to) {
        double[] r = new double[Math.max(0, to - from)];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    /** n equally spaced values from a to b, both included (n ≥ 2). */
    public static double[] linspace(double a, double b, int n) {
        requireFinite("linspace: start", a);
        requireFinite("linspace: end", b);
        if (n < 2) {
            throw new IllegalArgumentException("linspace needs at least 2 points, got n = " + n);
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = a + (b - a) * i / (n - 1);
        }
        r[n - 1] = b;
        return r;
    }

    /** n values from 10^a to 10^b, equally spaced in the exponent (n ≥ 2). */
    public static double[] logspace(double a, double b, int n) {
        double[] e = linspace(a, b, n);
        for (int i = 0; i < n; i++) {
            e[i] = Math.pow(10, e[i]);
        }
        return e;
    }

    /** f applied to every value, in a new array. */
    public static double[] map(double[] x, DoubleUnaryOperator f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f.applyAsDouble(x[i]);
        }
        return y;
    }

    /** Coordinate k of every point of a path (rows are points), e.g. the x values of {@code Result.path()}. */
    public static double[] column(List<double[]> points, int k) {
        return column(points, k, points.size());
    }

    /** Coordinate k of the first {@code limit} points of a path (all of them when the path is shorter). */
    public static double[] column(List<double[]> points, int k, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("column: limit must be ≥ 0, got " + limit);
        }
        int n = Math.min(limit, points.size());
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            double[] p = points.get(i);
            if (k < 0 || k >= p.length) {
                throw new IllegalArgumentException("column: coordinate " + k + " does not exist in point " + i
                        + ", which has " + p.length + " coordinates");
            }
            c[i] = p[k];
        }
        return c;
    }

    /** Coordinate k of every row of a matrix stored as rows. */
    public static double[] column(double[][] rows, int k) {
        return column(java.util.Arrays.asList(rows), k);
    }

    /** The values of a list, as an array. */
    public static double[] toArray(List<? extends Number> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i).doubleValue();
        }
        return a;
    }

    /** The least-squares slope of y against x (at least two points, not all x equal). */
    public static double slope(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("slope: x has " + x.length + " values but y has " + y.length);
        }
        if (x.length < 2) {
            throw new IllegalArgumentException("slope needs at least 2 points, got " + x.length);
        }
        double mx = 0, my = 0;
        for (int i = 0; i < x.length; i++) {
            requireFinite("slope: x[" + i + "]", x[i]);
            requireFinite("slope: y[" + i + "]", y[i]);
            mx += x[i] / x.length;
            my += y[i] / x.length;
        }
        double sxy = 0, sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("slope: all x values are equal (" + mx + "), the slope is undefined");
        }
        return sxy / sxx;
    }

    /**
     * The least-squares slope of log y against log x: p when y ≈ c·x^p. Every value must be positive; the base of
     * the logarithm does not matter.
     */
    public static double logLogSlope(double[] x, double[] y) {
        return slope(logs("x", x), logs("y", y));
    }

    /** {@link #logLogSlope} over the points with from ≤ x ≤ to. */
    public static double logLogSlope(double[] x, double[] y, double from, double to) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("logLogSlope: x has " + x.length + " values but y has " + y.length);
        }
        int n = 0;
        for (double v : x) {
            n += v >= from && v <= to ? 1 : 0;
        }
        double[] xs = new double[n], ys = new double[n];
        for (int i = 0, j = 0; i < x.length; i++) {
            if (x[i] >= from && x[i] <= to) {
                xs[j] = x[i];
                ys[j++] = y[i];
            }
        }
        return logLogSlope(xs, ys);
    }

    private static double[] logs(String name, double[] v) {
        double[] l = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0) || Double.isInfinite(v[i])) {
                throw new IllegalArgumentException("logLogSlope: " + name + "[" + i + "] = " + v[i]
                        + " has no logarithm; every value must be positive and finite");
            }
            l[i] = Math.log(v[i]);
        }
        return l;
    }

    private static void requireFinite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite, got " + v);
        }
    }
}
