package descent.functions;

import descent.objective.Objective;

import org.ejml.data.DMatrixRMaj;

/**
 * The extended Rosenbrock function (Moré, Garbow and Hillstrom 1981, problem 21): n/2 independent copies of
 * the banana valley, f(x) = Σᵢ [100·(x₂ᵢ − x₂ᵢ₋₁²)² + (1 − x₂ᵢ₋₁)²], started from (−1.2, 1, −1.2, 1, …).
 * With n = 2 it is the classic 2-D Rosenbrock function, f(−1.2, 1) = 24.2. The unique minimum is f(1, …, 1) = 0.
 *
 * <p>This block-separable form, not scipy's chained {@code rosen}, is the one to use for large n: the chained
 * form has a second local minimum near (−1, 1, …, 1) for n ≥ 4.
 */
public final class Rosenbrock implements TestFunction {

    private final int n;

    /** @param n an even dimension ≥ 2 */
    public Rosenbrock(int n) {
        if (n < 2 || n % 2 != 0) {
            throw new IllegalArgumentException("the extended Rosenbrock function needs an even n ≥ 2, got n = " + n);
        }
        this.n = n;
    }

    /** The 2-D function (a = 1, b = 100) from (−1.2, 1). */
    public static Rosenbrock twoD() {
        return new Rosenbrock(2);
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double value(double[] x) {
        Objective.requireLength(this, "the point", x);
        double f = 0;
        for (int i = 0; i < n; i += 2) {
            double t = x[i + 1] - x[i] * x[i];
            double u = 1 - x[i];
            f += 100 * t * t + u * u;
        }
        return f;
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        Objective.requireLength(this, "the point", x);
        Objective.requireLength(this, "the gradient", g);
        double f = 0;
        for (int i = 0; i < n; i += 2) {
            double t = x[i + 1] - x[i] * x[i];
            double u = 1 - x[i];
            f += 100 * t * t + u * u;
            g[i] = -400 * x[i] * t - 2 * u;
            g[i + 1] = 200 * t;
        }
        return f;
    }

    @Override
    public void hessian(double[] x, DMatrixRMaj out) {
        Objective.requireLength(this, "the point", x);
        out.reshape(n, n);
        out.zero();
        for (int i = 0; i < n; i += 2) {
            out.set(i, i, 1200 * x[i] * x[i] - 400 * x[i + 1] + 2);
            out.set(i, i + 1, -400 * x[i]);
            out.set(i + 1, i, -400 * x[i]);
            out.set(i + 1, i + 1, 200);
        }
    }

    @Override
    public void hessianVector(double[] x, double[] v, double[] out) {
        Objective.requireLength(this, "the point", x);
        Objective.requireLength(this, "v", v);
        Objective.requireLength(this, "the output", out);
        // The Hessian is block-diagonal with 2x2 blocks; O(n) instead of forming n×n.
        for (int i = 0; i < n; i += 2) {
            double h11 = 1200 * x[i] * x[i] - 400 * x[i + 1] + 2, h12 = -400 * x[i];
            out[i] = h11 * v[i] + h12 * v[i + 1];
            out[i + 1] = h12 * v[i] + 200 * v[i + 1];
        }
    }

    @Override
    public double[] start() {
        double[] s = new double[n];
        for (int i = 0; i < n; i += 2) {
            s[i] = -1.2;
            s[i + 1] = 1;
        }
        return s;
    }

    @Override
    public double[] minimizer() {
        double[] m = new double[n];
        java.util.Arrays.fill(m, 1.0);
        return m;
    }

    @Override
    public double minimum() {
        return 0;
    }

    @Override
    public String name() {
        return n == 2 ? "Rosenbrock" : "extended Rosenbrock (n = " + n + ")";
    }
}
