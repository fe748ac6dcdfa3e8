package descent.functions;

import descent.objective.Objective;

import org.ejml.data.DMatrixRMaj;

/**
 * Beale's function f(x, y) = Σₖ (cₖ − x + x·yᵏ)² with c = (1.5, 2.25, 2.625), k = 1, 2, 3. Minimum f(3, ½) = 0;
 * flat plateaus and a narrow curved valley make it a standard race track for adaptive methods. Start (1, 1.5).
 */
public final class Beale implements TestFunction {

    private static final double[] C = {1.5, 2.25, 2.625};

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double value(double[] p) {
        Objective.requireLength(this, "the point", p);
        double x = p[0], y = p[1], f = 0, yk = 1;
        for (int k = 1; k <= 3; k++) {
            yk *= y;
            double r = C[k - 1] - x + x * yk;
            f += r * r;
        }
        return f;
    }

    @Override
    public double valueAndGradient(double[] p, double[] g) {
        Objective.requireLength(this, "the point", p);
        Objective.requireLength(this, "the gradient", g);
        double x = p[0], y = p[1], f = 0, gx = 0, gy = 0;
        for (int k = 1; k <= 3; k++) {
            double yk = Math.pow(y, k), ykm1 = Math.pow(y, k - 1);
            double r = C[k - 1] - x + x * yk;
            f += r * r;
            gx += 2 * r * (yk - 1);
            gy += 2 * r * x * k * ykm1;
        }
        g[0] = gx;
        g[1] = gy;
        return f;
    }

    @Override
    public void hessian(double[] p, DMatrixRMaj out) {
        Objective.requireLength(this, "the point", p);
        double x = p[0], y = p[1], hxx = 0, hxy = 0, hyy = 0;
        for (int k = 1; k <= 3; k++) {
            double yk = Math.pow(y, k), ykm1 = Math.pow(y, k - 1);
            double ykm2 = k >= 2 ? Math.pow(y, k - 2) : 0;
            double r = C[k - 1] - x + x * yk;
            double rx = yk - 1, ry = x * k * ykm1;
            hxx += 2 * rx * rx;
            hxy += 2 * (ry * rx + r * k * ykm1);
            hyy += 2 * (ry * ry + r * x * k * (k - 1) * ykm2);
        }
        out.reshape(2, 2);
        out.set(0, 0, hxx);
        out.set(0, 1, hxy);
        out.set(1, 0, hxy);
        out.set(1, 1, hyy);
    }

    @Override
    public double[] start() {
        return new double[]{1, 1.5};
    }

    @Override
    public double[] minimizer() {
        return new double[]{3, 0.5};
    }

    @Override
    public double minimum() {
        return 0;
    }

    @Override
    public String name() {
        return "Beale";
    }
}
