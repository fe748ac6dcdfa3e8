package descent.functions;

import java.util.ArrayList;
import java.util.List;

/**
 * The unconstrained-minimization test set of Moré, Garbow and Hillstrom, "Testing unconstrained optimization
 * software", ACM Transactions on Mathematical Software 7(1), 1981, pp. 17–41 (their §3 list of 18 problems, numbered
 * here 1–18 as in that list, with the paper's problem number in parentheses). Each is a sum of squares
 * f = Σᵢ fᵢ(x)² with analytic residual gradients ({@link SumOfSquares}), the paper's standard starting point x₀, and the
 * minimum value f* the paper lists for that dimension.
 *
 * <p>Dimensions: fixed where the paper fixes them; for the problems of variable dimension the ones chosen here are
 * n = 10 (variably dimensioned, penalty I, penalty II, trigonometric), n = 9 (Watson, m = 31), n = 12 (extended Powell
 * singular), n = 8 (Chebyquad) and m = 99 (Gulf research and development, m ≤ 100). The extended Rosenbrock function
 * (problem 14) is {@link Rosenbrock} at n = 10; {@link #all()} also lists it at n = 2, 100 and 1000.
 *
 * <p>An independent numpy implementation of the same problems ({@code src/bench/python/mgh.py}, written separately
 * with vectorised residuals and Jacobians) agrees with this one on f and ∇f at every starting point
 * ({@code MoreGarbowHillstromTest}).
 */
public final class MoreGarbowHillstrom {

    private MoreGarbowHillstrom() {
    }

    /** 1 (7). Helical valley, n = 3: a spiral valley around the x₃ axis; f* = 0 at (1, 0, 0). */
    public static SumOfSquares helicalValley() {
        return new SumOfSquares("helical valley", 3, 3, new double[]{-1, 0, 0}, 0, new double[]{1, 0, 0}, (i, x, g) -> {
            double x1 = x[0], x2 = x[1], rr = x1 * x1 + x2 * x2;
            switch (i) {
                case 0 -> {
                    double theta;
                    if (x1 > 0) {
                        theta = Math.atan(x2 / x1) / (2 * Math.PI);
                    } else if (x1 < 0) {
                        theta = Math.atan(x2 / x1) / (2 * Math.PI) + 0.5;
                    } else {
                        theta = 0.25 * Math.signum(x2);
                    }
                    // ∂θ/∂x₁ = −x₂/(2π r²), ∂θ/∂x₂ = x₁/(2π r²)
                    g[0] = -100 * (-x2 / (2 * Math.PI * rr));
                    g[1] = -100 * (x1 / (2 * Math.PI * rr));
                    g[2] = 10;
                    return 10 * (x[2] - 10 * theta);
                }
                case 1 -> {
                    double r = Math.sqrt(rr);
                    g[0] = 10 * x1 / r;
                    g[1] = 10 * x2 / r;
                    return 10 * (r - 1);
                }
                default -> {
                    g[2] = 1;
                    return x[2];
                }
            }
        });
    }

    /** 2 (18). Biggs EXP6, n = 6, m = 13; f* = 0 at (1, 10, 1, 5, 4, 3). */
    public static SumOfSquares biggsExp6() {
        return new SumOfSquares("Biggs EXP6", 6, 13, new double[]{1, 2, 1, 1, 1, 1}, 0, new double[]{1, 10, 1, 5, 4, 3},
                (i, x, g) -> {
                    double t = 0.1 * (i + 1);
                    double y = Math.exp(-t) - 5 * Math.exp(-10 * t) + 3 * Math.exp(-4 * t);
                    double e1 = Math.exp(-t * x[0]), e2 = Math.exp(-t * x[1]), e5 = Math.exp(-t * x[4]);
                    g[0] = -t * x[2] * e1;
                    g[1] = t * x[3] * e2;
                    g[2] = e1;
                    g[3] = -e2;
                    g[4] = -t * x[5] * e5;
                    g[5] = e5;
                    return x[2] * e1 - x[3] * e2 + x[5] * e5 - y;
                });
    }

    private static final double[] GAUSSIAN_Y = {0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989,
            0.3521, 0.2420, 0.1295, 0.0540, 0.0175, 0.0044, 0.0009};

    /** 3 (9). Gaussian, n = 3, m = 15; f* = 1.12793e-8. */
    public static SumOfSquares gaussian() {
        return new SumOfSquares("Gaussian", 3, 15, new double[]{0.4, 1, 0}, 1.12793e-8, null, (i, x, g) -> {
            double t = (8 - (i + 1)) / 2.0, d = t - x[2];
            double e = Math.exp(-x[1] * d * d / 2);
            g[0] = e;
            g[1] = -x[0] * e * d * d / 2;
            g[2] = x[0] * e * x[1] * d;
            return x[0] * e - GAUSSIAN_Y[i];
        });
    }

    /** 4 (3). Powell badly scaled, n = 2; f* = 0 at (1.098…e-5, 9.106…). */
    public static SumOfSquares powellBadlyScaled() {
        return new SumOfSquares("Powell badly scaled", 2, 2, new double[]{0, 1}, 0, null, (i, x, g) -> {
            if (i == 0) {
                g[0] = 1e4 * x[1];
                g[1] = 1e4 * x[0];
                return 1e4 * x[0] * x[1] - 1;
            }
            g[0] = -Math.exp(-x[0]);
            g[1] = -Math.exp(-x[1]);
            return Math.exp(-x[0]) + Math.exp(-x[1]) - 1.0001;
        });
    }

    /** 5 (12). Box three-dimensional, n = 3, m = 10; f* = 0 at (1, 10, 1) among others. */
    public static SumOfSquares box3d() {
        return new SumOfSquares("Box 3-D", 3, 10, new double[]{0, 10, 20}, 0, new double[]{1, 10, 1}, (i, x, g) -> {
            double t = 0.1 * (i + 1);
            double e1 = Math.exp(-t * x[0]), e2 = Math.exp(-t * x[1]), c = Math.exp(-t) - Math.exp(-10 * t);
            g[0] = -t * e1;
            g[1] = t * e2;
            g[2] = -c;
            return e1 - e2 - x[2] * c;
        });
    }

    /** 6 (25). Variably dimensioned, m = n + 2; f* = 0 at (1, …, 1). */
    public static SumOfSquares variablyDimensioned(int n) {
        double[] start = new double[n], ones = new double[n];
        for (int j = 0; j < n; j++) {
            start[j] = 1 - (j + 1.0) / n;
            ones[j] = 1;
        }
        return new SumOfSquares("variably dimensioned (n = " + n + ")", n, n + 2, start, 0, ones, (i, x, g) -> {
            if (i < n) {
                g[i] = 1;
                return x[i] - 1;
            }
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += (j + 1) * (x[j] - 1);
            }
            double scale = i == n ? 1 : 2 * s;
            for (int j = 0; j < n; j++) {
                g[j] = scale * (j + 1);
            }
            return i == n ? s : s * s;
        });
    }

    /** 7 (20). Watson, m = 31; f* = 1.39976e-6 for n = 9 (2.28767e-3 for n = 6). */
    public static SumOfSquares watson(int n) {
        double minimum = n == 9 ? 1.39976e-6 : n == 6 ? 2.28767e-3 : n == 12 ? 4.72238e-10 : Double.NaN;
        return new SumOfSquares("Watson (n = " + n + ")", n, 31, new double[n], minimum, null, (i, x, g) -> {
            if (i == 29) {
                g[0] = 1;
                return x[0];
            }
            if (i == 30) {
                g[0] = -2 * x[0];
                g[1] = 1;
                return x[1] - x[0] * x[0] - 1;
            }
            double t = (i + 1) / 29.0;
            double s1 = 0, s2 = 0, p = 1;       // s1 = Σ (j−1)xⱼt^(j−2), s2 = Σ xⱼt^(j−1)
            for (int j = 0; j < n; j++) {
                s2 += x[j] * p;
                p *= t;
            }
            p = 1;
            for (int j = 1; j < n; j++) {
                s1 += j * x[j] * p;
                p *= t;
            }
            p = 1;
            for (int j = 0; j < n; j++) {
                g[j] = (j == 0 ? 0 : j * Math.pow(t, j - 1)) - 2 * s2 * p;
                p *= t;
            }
            return s1 - s2 * s2 - 1;
        });
    }

    /** 8 (23). Penalty function I, m = n + 1; f* = 7.08765e-5 for n = 10 (2.24997e-5 for n = 4). */
    public static SumOfSquares penaltyI(int n) {
        double[] start = new double[n];
        for (int j = 0; j < n; j++) {
            start[j] = j + 1;
        }
        double a = Math.sqrt(1e-5);
        double minimum = n == 10 ? 7.08765e-5 : n == 4 ? 2.24997e-5 : Double.NaN;
        return new SumOfSquares("penalty I (n = " + n + ")", n, n + 1, start, minimum, null, (i, x, g) -> {
            if (i < n) {
                g[i] = a;
                return a * (x[i] - 1);
            }
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += x[j] * x[j];
                g[j] = 2 * x[j];
            }
            return s - 0.25;
        });
    }

    /** 9 (24). Penalty function II, m = 2n; f* = 2.93660e-4 for n = 10 (9.37629e-6 for n = 4). */
    public static SumOfSquares penaltyII(int n) {
        double[] start = new double[n];
        java.util.Arrays.fill(start, 0.5);
        double a = Math.sqrt(1e-5);
        double minimum = n == 10 ? 2.93660e-4 : n == 4 ? 9.37629e-6 : Double.NaN;
        return new SumOfSquares("penalty II (n = " + n + ")", n, 2 * n, start, minimum, null, (i, x, g) -> {
            int k = i + 1; // the paper's 1-based index
            if (k == 1) {
                g[0] = 1;
                return x[0] - 0.2;
            }
            if (k <= n) {
                double y = Math.exp(k / 10.0) + Math.exp((k - 1) / 10.0);
                double e = Math.exp(x[k - 1] / 10), ep = Math.exp(x[k - 2] / 10);
                g[k - 1] = a * e / 10;
                g[k - 2] = a * ep / 10;
                return a * (e + ep - y);
            }
            if (k < 2 * n) {
                double e = Math.exp(x[k - n] / 10);
                g[k - n] = a * e / 10;
                return a * (e - Math.exp(-0.1));
            }
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += (n - j) * x[j] * x[j];
                g[j] = 2 * (n - j) * x[j];
            }
            return s - 1;
        });
    }

    /** 10 (4). Brown badly scaled, n = 2, m = 3; f* = 0 at (10⁶, 2·10⁻⁶). */
    public static SumOfSquares brownBadlyScaled() {
        return new SumOfSquares("Brown badly scaled", 2, 3, new double[]{1, 1}, 0, new double[]{1e6, 2e-6}, (i, x, g) -> {
            switch (i) {
                case 0 -> {
                    g[0] = 1;
                    return x[0] - 1e6;
                }
                case 1 -> {
                    g[1] = 1;
                    return x[1] - 2e-6;
                }
                default -> {
                    g[0] = x[1];
                    g[1] = x[0];
                    return x[0] * x[1] - 2;
                }
            }
        });
    }

    /** 11 (16). Brown and Dennis, n = 4, m = 20; f* = 85822.2. */
    public static SumOfSquares brownDennis() {
        return new SumOfSquares("Brown and Dennis", 4, 20, new double[]{25, 5, -5, -1}, 85822.2, null, (i, x, g) -> {
            double t = (i + 1) / 5.0;
            double u = x[0] + t * x[1] - Math.exp(t), v = x[2] + x[3] * Math.sin(t) - Math.cos(t);
            g[0] = 2 * u;
            g[1] = 2 * u * t;
            g[2] = 2 * v;
            g[3] = 2 * v * Math.sin(t);
            return u * u + v * v;
        });
    }

    /** 12 (11). Gulf research and development, n = 3, m = 99; f* = 0 at (50, 25, 1.5). */
    public static SumOfSquares gulf() {
        return new SumOfSquares("Gulf R&D", 3, 99, new double[]{5, 2.5, 0.15}, 0, new double[]{50, 25, 1.5}, (i, x, g) -> {
            double t = (i + 1) / 100.0;
            double y = 25 + Math.pow(-50 * Math.log(t), 2.0 / 3.0);
            double r = y - x[1], ar = Math.abs(r);
            double a = Math.pow(ar, x[2]);
            double e = Math.exp(-a / x[0]);
            g[0] = e * a / (x[0] * x[0]);
            g[1] = ar == 0 ? 0 : e * x[2] * Math.pow(ar, x[2] - 1) * Math.signum(r) / x[0];
            g[2] = ar == 0 ? 0 : -e * a * Math.log(ar) / x[0];
            return e - t;
        });
    }

    /** 13 (26). Trigonometric, m = n; f* = 0. */
    public static SumOfSquares trigonometric(int n) {
        double[] start = new double[n];
        java.util.Arrays.fill(start, 1.0 / n);
        return new SumOfSquares("trigonometric (n = " + n + ")", n, n, start, 0, null, (i, x, g) -> {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += Math.cos(x[j]);
                g[j] = Math.sin(x[j]);
            }
            g[i] += (i + 1) * Math.sin(x[i]) - Math.cos(x[i]);
            return n - s + (i + 1) * (1 - Math.cos(x[i])) - Math.sin(x[i]);
        });
    }

    /** 15 (22). Extended Powell singular, n a multiple of 4; f* = 0 at the origin, where the Hessian is singular. */
    public static SumOfSquares extendedPowellSingular(int n) {
        if (n < 4 || n % 4 != 0) {
            throw new IllegalArgumentException("extended Powell singular needs n a positive multiple of 4, got n = " + n);
        }
        double[] start = new double[n];
        for (int j = 0; j < n; j += 4) {
            start[j] = 3;
            start[j + 1] = -1;
            start[j + 2] = 0;
            start[j + 3] = 1;
        }
        double s5 = Math.sqrt(5), s10 = Math.sqrt(10);
        return new SumOfSquares("extended Powell singular (n = " + n + ")", n, n, start, 0, new double[n], (i, x, g) -> {
            int b = i - i % 4; // first index of the block
            double x1 = x[b], x2 = x[b + 1], x3 = x[b + 2], x4 = x[b + 3];
            switch (i % 4) {
                case 0 -> {
                    g[b] = 1;
                    g[b + 1] = 10;
                    return x1 + 10 * x2;
                }
                case 1 -> {
                    g[b + 2] = s5;
                    g[b + 3] = -s5;
                    return s5 * (x3 - x4);
                }
                case 2 -> {
                    double u = x2 - 2 * x3;
                    g[b + 1] = 2 * u;
                    g[b + 2] = -4 * u;
                    return u * u;
                }
                default -> {
                    double u = x1 - x4;
                    g[b] = 2 * s10 * u;
                    g[b + 3] = -2 * s10 * u;
                    return s10 * u * u;
                }
            }
        });
    }

    /** 16 (5). Beale, n = 2, m = 3; f* = 0 at (3, ½); MGH's start (1, 1). */
    public static SumOfSquares beale() {
        double[] y = {1.5, 2.25, 2.625};
        return new SumOfSquares("Beale", 2, 3, new double[]{1, 1}, 0, new double[]{3, 0.5}, (i, x, g) -> {
            int k = i + 1;
            double pk = Math.pow(x[1], k);
            g[0] = -(1 - pk);
            g[1] = x[0] * k * Math.pow(x[1], k - 1);
            return y[i] - x[0] * (1 - pk);
        });
    }

    /** 17 (14). Wood, n = 4, m = 6; f* = 0 at (1, 1, 1, 1). */
    public static SumOfSquares wood() {
        double s90 = Math.sqrt(90), s10 = Math.sqrt(10);
        return new SumOfSquares("Wood", 4, 6, new double[]{-3, -1, -3, -1}, 0, new double[]{1, 1, 1, 1}, (i, x, g) -> {
            switch (i) {
                case 0 -> {
                    g[0] = -20 * x[0];
                    g[1] = 10;
                    return 10 * (x[1] - x[0] * x[0]);
                }
                case 1 -> {
                    g[0] = -1;
                    return 1 - x[0];
                }
                case 2 -> {
                    g[2] = -2 * s90 * x[2];
                    g[3] = s90;
                    return s90 * (x[3] - x[2] * x[2]);
                }
                case 3 -> {
                    g[2] = -1;
                    return 1 - x[2];
                }
                case 4 -> {
                    g[1] = s10;
                    g[3] = s10;
                    return s10 * (x[1] + x[3] - 2);
                }
                default -> {
                    g[1] = 1 / s10;
                    g[3] = -1 / s10;
                    return (x[1] - x[3]) / s10;
                }
            }
        });
    }

    /** 18 (35). Chebyquad, m = n; f* = 3.51687e-3 for n = 8 (0 for n = 1–7 and 9, 6.50395e-3 for n = 10). */
    public static SumOfSquares chebyquad(int n) {
        double[] start = new double[n];
        for (int j = 0; j < n; j++) {
            start[j] = (j + 1.0) / (n + 1);
        }
        double minimum = n == 8 ? 3.51687e-3 : n == 10 ? 6.50395e-3 : n <= 9 ? 0 : Double.NaN;
        return new SumOfSquares("Chebyquad (n = " + n + ")", n, n, start, minimum, null, (i, x, g) -> {
            int k = i + 1; // Chebyshev degree, shifted to [0, 1]: Tₖ(2x − 1)
            double s = 0;
            for (int j = 0; j < n; j++) {
                double y = 2 * x[j] - 1;
                double t0 = 1, t1 = y, d0 = 0, d1 = 1; // T and dT/dy
                for (int q = 1; q < k; q++) {
                    double t2 = 2 * y * t1 - t0, d2 = 2 * t1 + 2 * y * d1 - d0;
                    t0 = t1;
                    t1 = t2;
                    d0 = d1;
                    d1 = d2;
                }
                s += t1;
                g[j] = 2 * d1 / n;
            }
            double integral = k % 2 == 1 ? 0 : -1.0 / (k * k - 1);
            return s / n - integral;
        });
    }

    /** The 18 problems at the dimensions above, in the paper's §3 order (extended Rosenbrock at n = 10). */
    public static List<TestFunction> standard() {
        List<TestFunction> list = new ArrayList<>();
        list.add(helicalValley());
        list.add(biggsExp6());
        list.add(gaussian());
        list.add(powellBadlyScaled());
        list.add(box3d());
        list.add(variablyDimensioned(10));
        list.add(watson(9));
        list.add(penaltyI(10));
        list.add(penaltyII(10));
        list.add(brownBadlyScaled());
        list.add(brownDennis());
        list.add(gulf());
        list.add(trigonometric(10));
        list.add(new Rosenbrock(10));
        list.add(extendedPowellSingular(12));
        list.add(beale());
        list.add(wood());
        list.add(chebyquad(8));
        return list;
    }

    /**
     * The benchmark set: the 18 standard problems plus extended Rosenbrock at n = 2 (the classic 2-D function, the
     * paper's problem 1), 100 and 1000 — 21 problems.
     */
    public static List<TestFunction> all() {
        List<TestFunction> list = standard();
        int at = list.indexOf(list.stream().filter(f -> f instanceof Rosenbrock).findFirst().orElseThrow());
        list.add(at, Rosenbrock.twoD());
        list.add(at + 2, new Rosenbrock(100));
        list.add(at + 3, new Rosenbrock(1000));
        return list;
    }
}
