package descent.functions;

import descent.objective.Objective;

import org.ejml.data.DMatrixRMaj;

/**
 * f(x) = Σᵢ xᵢ³: with d = 1 the curve x³ and with d = 2 the surface x³ + y³ of Aggarwal §3.5.6.3 and
 * Fig. 3.17(a). The origin is a degenerate stationary point (gradient and Hessian both zero) that is neither
 * a minimum nor a maximum; f is unbounded below. Start (0.5, …).
 */
public final class CubicSum implements TestFunction {

    private final int d;

    public CubicSum(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("CubicSum needs d ≥ 1, got " + d);
        }
        this.d = d;
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public double value(double[] x) {
        Objective.requireLength(this, "the point", x);
        double f = 0;
        for (int i = 0; i < d; i++) {
            f += x[i] * x[i] * x[i];
        }
        return f;
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        Objective.requireLength(this, "the point", x);
        Objective.requireLength(this, "the gradient", g);
        for (int i = 0; i < d; i++) {
            g[i] = 3 * x[i] * x[i];
        }
        return value(x);
    }

    @Override
    public void hessian(double[] x, DMatrixRMaj out) {
        Objective.requireLength(this, "the point", x);
        out.reshape(d, d);
        out.zero();
        for (int i = 0; i < d; i++) {
            out.set(i, i, 6 * x[i]);
        }
    }

    @Override
    public double[] start() {
        double[] s = new double[d];
        java.util.Arrays.fill(s, 0.5);
        return s;
    }

    @Override
    public double[] minimizer() {
        return null;
    }

    @Override
    public double minimum() {
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    public String name() {
        return d == 1 ? "x³" : d == 2 ? "x³ + y³" : "Σ xᵢ³ (d = " + d + ")";
    }
}
