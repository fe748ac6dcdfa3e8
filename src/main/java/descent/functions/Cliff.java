package descent.functions;

import descent.objective.Objective;

import org.ejml.data.DMatrixRMaj;

/**
 * A plateau that ends in a cliff above a gentle bowl, for the exploding-gradient picture of Goodfellow et al.
 * §8.2.4 (Fig. 8.3) and Aggarwal §3.5.4 (Fig. 3.13):
 * <pre>
 *   f(x, y) = H·σ(−k(x − x₀)) + ½a(x − m)² + ½b·y²,    σ(z) = 1/(1 + e^(−z)).
 * </pre>
 * Left of x₀ the sigmoid term is a plateau of height H; around x₀ it drops by H over a width of about 4/k, where
 * the slope reaches H·k/4. A gradient step taken on the face is multiplied by that slope and throws the point far
 * to the right, up the bowl's far wall: the loss after the jump can exceed the loss before it. Clipping the
 * gradient's norm keeps the direction and bounds the jump.
 *
 * <p>Default: H = 50, k = 10, x₀ = 0, a = 1, m = 1, b = 1 (face slope 125), start (−2, 1). The minimizer lies on
 * y = 0 near x = m; it is found by Newton's method on the x-part when the function is built.
 */
public final class Cliff implements TestFunction {

    private final double h, k, x0, a, m, b;
    private final double xStar;

    public Cliff() {
        this(50, 10, 0, 1, 1, 1);
    }

    public Cliff(double height, double steepness, double x0, double a, double m, double b) {
        if (!(height > 0 && steepness > 0 && a > 0 && b > 0)) {
            throw new IllegalArgumentException("Cliff needs H, k, a, b > 0, got H = " + height + ", k = " + steepness
                    + ", a = " + a + ", b = " + b);
        }
        this.h = height;
        this.k = steepness;
        this.x0 = x0;
        this.a = a;
        this.m = m;
        this.b = b;
        double x = Math.max(m, x0 + 4 / steepness);
        for (int it = 0; it < 100; it++) {
            double s = sig(x), d1 = -h * k * s * (1 - s) + a * (x - m), d2 = h * k * k * s * (1 - s) * (1 - 2 * s) + a;
            double nx = x - d1 / d2;
            if (Math.abs(nx - x) < 1e-15 * (1 + Math.abs(x))) {
                x = nx;
                break;
            }
            x = nx;
        }
        this.xStar = x;
    }

    private double sig(double x) {
        return 1 / (1 + Math.exp(k * (x - x0))); // σ(−k(x − x₀))
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double value(double[] p) {
        Objective.requireLength(this, "the point", p);
        double dx = p[0] - m;
        return h * sig(p[0]) + 0.5 * a * dx * dx + 0.5 * b * p[1] * p[1];
    }

    @Override
    public double valueAndGradient(double[] p, double[] g) {
        Objective.requireLength(this, "the point", p);
        Objective.requireLength(this, "the gradient", g);
        double s = sig(p[0]);
        g[0] = -h * k * s * (1 - s) + a * (p[0] - m);
        g[1] = b * p[1];
        return value(p);
    }

    @Override
    public void hessian(double[] p, DMatrixRMaj out) {
        Objective.requireLength(this, "the point", p);
        double s = sig(p[0]);
        out.reshape(2, 2);
        out.set(0, 0, h * k * k * s * (1 - s) * (1 - 2 * s) + a);
        out.set(0, 1, 0);
        out.set(1, 0, 0);
        out.set(1, 1, b);
    }

    /** The steepest slope of the face, H·k/4, at x = x₀. */
    public double faceSlope() {
        return h * k / 4;
    }

    @Override
    public double[] start() {
        return new double[]{x0 - 2, 1};
    }

    @Override
    public double[] minimizer() {
        return new double[]{xStar, 0};
    }

    @Override
    public double minimum() {
        return value(minimizer());
    }

    @Override
    public String name() {
        return "cliff (H = " + h + ", k = " + k + ")";
    }
}
