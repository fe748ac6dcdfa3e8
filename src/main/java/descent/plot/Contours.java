package descent.plot;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

/**
 * Level sets of a function of two variables, traced by marching squares on a grid, for drawing optimizer
 * paths over the contours of a loss surface (Aggarwal Figs. 3.9, 3.11, 3.16; Goodfellow et al. Fig. 8.5).
 * Each level becomes one series of line segments separated by NaN, which {@link Figure} draws as gaps.
 */
public final class Contours {

    private Contours() {
    }

    /**
     * The segments of the level set f = level on an n×n grid over the rectangle, as x and y arrays with NaN
     * between segments: {@code result[0]} holds x, {@code result[1]} holds y.
     */
    public static double[][] levelSet(DoubleBinaryOperator f, double xMin, double xMax, double yMin, double yMax,
                                      int n, double level) {
        return levelSets(grid(f, xMin, xMax, yMin, yMax, n), xMin, xMax, yMin, yMax, new double[]{level})[0];
    }

    /** f on an n×n grid: {@code values[j][i] = f(x_i, y_j)}. */
    public static double[][] grid(DoubleBinaryOperator f, double xMin, double xMax, double yMin, double yMax, int n) {
        if (n < 2 || !(xMax > xMin) || !(yMax > yMin)) {
            throw new IllegalArgumentException(String.format("a contour grid needs n ≥ 2 and a non-empty rectangle, got n = %d, x ∈ [%s, %s], y ∈ [%s, %s]",
                    n, xMin, xMax, yMin, yMax));
        }
        double[][] v = new double[n][n];
        for (int j = 0; j < n; j++) {
            double y = yMin + (yMax - yMin) * j / (n - 1);
            for (int i = 0; i < n; i++) {
                v[j][i] = f.applyAsDouble(xMin + (xMax - xMin) * i / (n - 1), y);
            }
        }
        return v;
    }

    /** One {x, y} pair of NaN-separated segment arrays per level. */
    static double[][][] levelSets(double[][] v, double xMin, double xMax, double yMin, double yMax, double[] levels) {
        int n = v.length;
        double dx = (xMax - xMin) / (n - 1), dy = (yMax - yMin) / (n - 1);
        double[][][] out = new double[levels.length][][];
        for (int l = 0; l < levels.length; l++) {
            double c = levels[l];
            double[] xs = new double[64], ys = new double[64];
            int size = 0;
            for (int j = 0; j < n - 1; j++) {
                for (int i = 0; i < n - 1; i++) {
                    double a = v[j][i], b = v[j][i + 1], d = v[j + 1][i + 1], e = v[j + 1][i];
                    if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(d) && Double.isFinite(e))) {
                        continue;
                    }
                    int code = (a > c ? 1 : 0) | (b > c ? 2 : 0) | (d > c ? 4 : 0) | (e > c ? 8 : 0);
                    if (code == 0 || code == 15) {
                        continue;
                    }
                    double x0 = xMin + i * dx, y0 = yMin + j * dy;
                    // crossing points on the four cell edges: bottom, right, top, left
                    double[] px = {x0 + dx * t(a, b, c), x0 + dx, x0 + dx * t(e, d, c), x0};
                    double[] py = {y0, y0 + dy * t(b, d, c), y0 + dy, y0 + dy * t(a, e, c)};
                    int[] edges = segments(code, (a + b + d + e) / 4 > c);
                    for (int s = 0; s + 1 < edges.length; s += 2) {
                        if (size + 3 > xs.length) {
                            xs = Arrays.copyOf(xs, xs.length * 2);
                            ys = Arrays.copyOf(ys, ys.length * 2);
                        }
                        xs[size] = px[edges[s]];
                        ys[size++] = py[edges[s]];
                        xs[size] = px[edges[s + 1]];
                        ys[size++] = py[edges[s + 1]];
                        xs[size] = Double.NaN;
                        ys[size++] = Double.NaN;
                    }
                }
            }
            out[l] = new double[][]{Arrays.copyOf(xs, size), Arrays.copyOf(ys, size)};
        }
        return out;
    }

    private static double t(double from, double to, double level) {
        return from == to ? 0.5 : (level - from) / (to - from);
    }

    /** Pairs of crossed edges (0 bottom, 1 right, 2 top, 3 left) for a marching-squares case. */
    private static int[] segments(int code, boolean centreAbove) {
        return switch (code) {
            case 1, 14 -> new int[]{3, 0};
            case 2, 13 -> new int[]{0, 1};
            case 3, 12 -> new int[]{3, 1};
            case 4, 11 -> new int[]{1, 2};
            case 6, 9 -> new int[]{0, 2};
            case 7, 8 -> new int[]{3, 2};
            // saddle cells: the centre value decides which corners connect
            case 5 -> centreAbove ? new int[]{3, 2, 0, 1} : new int[]{3, 0, 1, 2};
            case 10 -> centreAbove ? new int[]{3, 0, 1, 2} : new int[]{3, 2, 0, 1};
            default -> new int[0];
        };
    }

    /** n levels spaced evenly between lo and hi, or geometrically when {@code log} (then lo must be positive). */
    public static double[] levels(double lo, double hi, int n, boolean log) {
        if (n < 1 || !(hi > lo) || (log && !(lo > 0))) {
            throw new IllegalArgumentException("levels needs n ≥ 1 and lo < hi (lo > 0 for log spacing), got n = " + n
                    + ", lo = " + lo + ", hi = " + hi);
        }
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            double s = n == 1 ? 0.5 : (double) k / (n - 1);
            out[k] = log ? lo * Math.pow(hi / lo, s) : lo + (hi - lo) * s;
        }
        return out;
    }
}
