package descent.functions;

import descent.objective.Objective;

import org.ejml.data.DMatrixRMaj;

/**
 * L(x, y) = x² + y¹⁰, Aggarwal chapter 3 exercise 6: the gradient (2x, 10y⁹) vanishes along y near the
 * origin (10·0.5⁹ ≈ 0.0195 at y = 0.5) and explodes away from it (10·2⁹ = 5120 at y = 2), so no single
 * constant learning rate suits both starts (0.5, 0.5) and (2, 2). Default start (0.5, 0.5).
 */
public final class PowerSum implements TestFunction {

    private final double[] start;

    public PowerSum() {
        this(0.5, 0.5);
    }

    public PowerSum(double x0, double y0) {
        this.start = new double[]{x0, y0};
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double value(double[] p) {
        Objective.requireLength(this, "the point", p);
        return p[0] * p[0] + Math.pow(p[1], 10);
    }

    @Override
    public double valueAndGradient(double[] p, double[] g) {
        Objective.requireLength(this, "the point", p);
        Objective.requireLength(this, "the gradient", g);
        g[0] = 2 * p[0];
        g[1] = 10 * Math.pow(p[1], 9);
        return value(p);
    }

    @Override
    public void hessian(double[] p, DMatrixRMaj out) {
        Objective.requireLength(this, "the point", p);
        out.reshape(2, 2);
        out.zero();
        out.set(0, 0, 2);
        out.set(1, 1, 90 * Math.pow(p[1], 8));
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    @Override
    public double[] minimizer() {
        return new double[]{0, 0};
    }

    @Override
    public double minimum() {
        return 0;
    }

    @Override
    public String name() {
        return "x² + y¹⁰";
    }
}
