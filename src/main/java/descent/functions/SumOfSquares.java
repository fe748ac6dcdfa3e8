package descent.functions;

import descent.objective.Objective;

import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;

/**
 * f(x) = Σᵢ rᵢ(x)², i = 1 … m, the form of every Moré–Garbow–Hillstrom problem: each residual rᵢ and its gradient
 * ∇rᵢ are given analytically, and ∇f = 2·Σᵢ rᵢ∇rᵢ. There is no analytic Hessian ({@link #hasHessian()} is false);
 * Hessian-vector products are central differences of the gradient. {@link #valueAndGradient} reuses one buffer of
 * length n, so evaluating allocates nothing (an instance is therefore not safe to share between threads).
 */
public final class SumOfSquares implements TestFunction {

    /** Writes ∇rᵢ(x) into {@code grad} (zeroed by the caller, length n) and returns rᵢ(x), for i = 0 … m − 1. */
    @FunctionalInterface
    public interface Residual {
        double at(int i, double[] x, double[] grad);
    }

    private final String name;
    private final int n;
    private final int m;
    private final double[] start;
    private final double minimum;
    private final double[] minimizer;
    private final Residual residual;
    private final double[] buffer;

    /**
     * @param minimum   f at the known minimizer the problem's source lists (the one reached from the start)
     * @param minimizer that point, or {@code null} when the source gives only f
     */
    public SumOfSquares(String name, int n, int m, double[] start, double minimum, double[] minimizer, Residual residual) {
        if (n < 1 || m < 1) {
            throw new IllegalArgumentException(name + ": needs n ≥ 1 and m ≥ 1, got n = " + n + ", m = " + m);
        }
        if (start == null || start.length != n) {
            throw new IllegalArgumentException(name + ": the start must have length n = " + n + ", got "
                    + (start == null ? "null" : "length " + start.length));
        }
        if (minimizer != null && minimizer.length != n) {
            throw new IllegalArgumentException(name + ": the minimizer must have length n = " + n + ", got length " + minimizer.length);
        }
        this.name = name;
        this.n = n;
        this.m = m;
        this.start = start.clone();
        this.minimum = minimum;
        this.minimizer = minimizer == null ? null : minimizer.clone();
        this.residual = residual;
        this.buffer = new double[n];
    }

    /** The number of residuals m. */
    public int residuals() {
        return m;
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double value(double[] x) {
        Objective.requireLength(this, "the point", x);
        double f = 0;
        for (int i = 0; i < m; i++) {
            double r = residual.at(i, x, buffer);
            f += r * r;
        }
        return f;
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        Objective.requireLength(this, "the point", x);
        Objective.requireLength(this, "the gradient", g);
        Arrays.fill(g, 0);
        double f = 0;
        for (int i = 0; i < m; i++) {
            Arrays.fill(buffer, 0);
            double r = residual.at(i, x, buffer);
            f += r * r;
            for (int j = 0; j < n; j++) {
                g[j] += 2 * r * buffer[j];
            }
        }
        return f;
    }

    @Override
    public boolean hasHessian() {
        return false;
    }

    @Override
    public void hessian(double[] x, DMatrixRMaj out) {
        throw new UnsupportedOperationException(name + " has no analytic Hessian; use hessianVector");
    }

    /** H·v by central differences of the gradient, step √ε·(1 + ‖x‖)/‖v‖ (not exact; allocates). */
    @Override
    public void hessianVector(double[] x, double[] v, double[] out) {
        Objective.requireLength(this, "the point", x);
        Objective.requireLength(this, "v", v);
        Objective.requireLength(this, "the output", out);
        double vNorm = 0, xNorm = 0;
        for (int i = 0; i < n; i++) {
            vNorm += v[i] * v[i];
            xNorm += x[i] * x[i];
        }
        if (vNorm == 0) {
            Arrays.fill(out, 0);
            return;
        }
        double h = Math.cbrt(Math.ulp(1.0)) * (1 + Math.sqrt(xNorm)) / Math.sqrt(vNorm);
        double[] xp = x.clone(), xm = x.clone(), gm = new double[n];
        for (int i = 0; i < n; i++) {
            xp[i] += h * v[i];
            xm[i] -= h * v[i];
        }
        valueAndGradient(xp, out);
        valueAndGradient(xm, gm);
        for (int i = 0; i < n; i++) {
            out[i] = (out[i] - gm[i]) / (2 * h);
        }
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    @Override
    public double[] minimizer() {
        return minimizer == null ? null : minimizer.clone();
    }

    @Override
    public double minimum() {
        return minimum;
    }

    @Override
    public String name() {
        return name;
    }
}
