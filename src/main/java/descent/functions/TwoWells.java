package descent.functions;

import descent.objective.Objective;

import org.ejml.data.DMatrixRMaj;

/**
 * A 1-D loss with a sharp, deep minimum and a flat, shallower one, for the sharp-versus-flat-minima discussion
 * around SAM (Foret et al. 2021; its follow-up opens COMP541 lecture 4):
 * <pre>
 *   f(x) = −a_s·exp(−(x − c_s)²/(2w_s²)) − a_f·exp(−(x − c_f)²/(2w_f²)).
 * </pre>
 * Default: sharp well a_s = 1, c_s = 1, w_s = 0.05 (curvature about a_s/w_s² = 400); flat well a_f = 0.8, c_f = −1,
 * w_f = 1 (curvature about 0.8). The global minimizer is the sharp one; {@link #minimizer()} finds it by Newton's
 * method from c_s, {@link #flatMinimizer()} the other from c_f.
 */
public final class TwoWells implements TestFunction {

    private final double as, cs, ws, af, cf, wf;
    private final double sharpMin, flatMin;

    public TwoWells() {
        this(1, 1, 0.05, 0.8, -1, 1);
    }

    public TwoWells(double as, double cs, double ws, double af, double cf, double wf) {
        if (!(as > 0 && ws > 0 && af > 0 && wf > 0)) {
            throw new IllegalArgumentException("TwoWells needs positive depths and widths, got a_s = " + as + ", w_s = " + ws
                    + ", a_f = " + af + ", w_f = " + wf);
        }
        this.as = as;
        this.cs = cs;
        this.ws = ws;
        this.af = af;
        this.cf = cf;
        this.wf = wf;
        this.sharpMin = newton(cs);
        this.flatMin = newton(cf);
    }

    private double newton(double x) {
        double[] g = new double[1];
        for (int it = 0; it < 100; it++) {
            valueAndGradient(new double[]{x}, g);
            double step = g[0] / second(x);
            x -= step;
            if (Math.abs(step) < 1e-15) {
                break;
            }
        }
        return x;
    }

    private double second(double x) {
        double a = (x - cs) / ws, b = (x - cf) / wf;
        return as * Math.exp(-0.5 * a * a) * (1 - a * a) / (ws * ws) + af * Math.exp(-0.5 * b * b) * (1 - b * b) / (wf * wf);
    }

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public double value(double[] x) {
        Objective.requireLength(this, "the point", x);
        double a = (x[0] - cs) / ws, b = (x[0] - cf) / wf;
        return -as * Math.exp(-0.5 * a * a) - af * Math.exp(-0.5 * b * b);
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        Objective.requireLength(this, "the point", x);
        Objective.requireLength(this, "the gradient", g);
        double a = (x[0] - cs) / ws, b = (x[0] - cf) / wf;
        double ea = as * Math.exp(-0.5 * a * a), eb = af * Math.exp(-0.5 * b * b);
        g[0] = ea * a / ws + eb * b / wf;
        return -ea - eb;
    }

    @Override
    public void hessian(double[] x, DMatrixRMaj out) {
        Objective.requireLength(this, "the point", x);
        out.reshape(1, 1);
        out.set(0, 0, second(x[0]));
    }

    /** f'' at a point: the sharpness of the well it sits in when it is a minimizer. */
    public double curvature(double x) {
        return second(x);
    }

    @Override
    public double[] start() {
        return new double[]{cs - 0.02};
    }

    @Override
    public double[] minimizer() {
        return new double[]{sharpMin};
    }

    @Override
    public double minimum() {
        return value(minimizer());
    }

    /** The bottom of the flat well. */
    public double flatMinimizer() {
        return flatMin;
    }

    @Override
    public String name() {
        return "two wells (sharp at " + cs + ", flat at " + cf + ")";
    }
}
