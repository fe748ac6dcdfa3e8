package descent.functions;

import descent.objective.Objective;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.Random;

/**
 * f(x) = ½·xᵀAx − bᵀx with a symmetric A: ∇f = Ax − b, ∇²f = A. With A positive definite the minimizer
 * is A⁻¹b (the quadratic bowls of Aggarwal §3.4.1 and §3.5.6.1, Goodfellow et al. §8.2.1); with an
 * indefinite A the stationary point is a saddle (§3.5.6.3).
 */
public final class Quadratic implements TestFunction {

    private final String name;
    private final DMatrixRMaj a;
    private final DMatrixRMaj b;
    private final double[] start;
    private final double[] minimizer;
    private final double minimum;

    /**
     * @param a symmetric d×d matrix (copied)
     * @param b length-d vector (copied)
     * @param start the starting point for demonstrations (copied)
     */
    public Quadratic(String name, DMatrixRMaj a, double[] b, double[] start) {
        int d = a.numRows;
        if (a.numCols != d) {
            throw new IllegalArgumentException("Quadratic needs a square A, got " + a.numRows + "x" + a.numCols);
        }
        if (b.length != d || start.length != d) {
            throw new IllegalArgumentException("Quadratic: A is " + d + "x" + d + " but b has length " + b.length
                    + " and start has length " + start.length);
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double x = a.get(i, j), y = a.get(j, i);
                if (Math.abs(x - y) > 1e-12 * (1 + Math.abs(x) + Math.abs(y))) {
                    throw new IllegalArgumentException("Quadratic needs a symmetric A, but A[" + i + "][" + j + "] = "
                            + x + " and A[" + j + "][" + i + "] = " + y);
                }
            }
        }
        this.name = name;
        this.a = a.copy();
        this.b = new DMatrixRMaj(d, 1, true, b.clone());
        this.start = start.clone();
        double[] xs = null;
        double fs = Double.NEGATIVE_INFINITY;
        if (isPositiveDefinite(this.a)) {
            LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(d);
            chol.setA(this.a.copy());
            DMatrixRMaj sol = new DMatrixRMaj(d, 1);
            chol.solve(this.b, sol);
            xs = sol.data;
            fs = -0.5 * CommonOps_DDRM.dot(this.b, sol);
        }
        this.minimizer = xs;
        this.minimum = fs + 0.0; // no -0.0 in printed values
    }

    /** f = Σ cᵢ·xᵢ², e.g. {@code bowl(1, 4)} is Aggarwal's x² + 4y² (Fig. 3.9b); start (1, 1, …). */
    public static Quadratic bowl(double... coefficients) {
        if (coefficients == null || coefficients.length == 0) {
            throw new IllegalArgumentException("a bowl needs at least one coefficient");
        }
        int d = coefficients.length;
        DMatrixRMaj a = new DMatrixRMaj(d, d);
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < d; i++) {
            a.set(i, i, 2 * coefficients[i]);
            label.append(i == 0 ? "" : " + ").append(coefficients[i] == 1 ? "" : fmt(coefficients[i]))
                    .append(d <= 3 ? "xyz".charAt(i) + "²" : "x" + (i + 1) + "²");
        }
        double[] start = new double[d];
        java.util.Arrays.fill(start, 1.0);
        return new Quadratic(label.toString(), a, new double[d], start);
    }

    /**
     * An elongated 2-D bowl whose axes are turned by {@code angle} radians: eigenvalues {@code lambda1} and
     * {@code lambda2} of A, minimizer 0, start (−1, 1).
     */
    public static Quadratic rotated(double lambda1, double lambda2, double angle) {
        double c = Math.cos(angle), s = Math.sin(angle);
        DMatrixRMaj r = new DMatrixRMaj(new double[][]{{c, -s}, {s, c}});
        DMatrixRMaj diag = CommonOps_DDRM.diag(lambda1, lambda2);
        DMatrixRMaj tmp = new DMatrixRMaj(2, 2), a = new DMatrixRMaj(2, 2);
        CommonOps_DDRM.mult(r, diag, tmp);
        CommonOps_DDRM.multTransB(tmp, r, a);
        symmetrize(a);
        return new Quadratic(String.format("rotated bowl (λ = %s, %s; %.0f°)", fmt(lambda1), fmt(lambda2),
                Math.toDegrees(angle)), a, new double[2], new double[]{-1, 1});
    }

    /**
     * A random d-dimensional SPD quadratic with condition number {@code kappa}: A = Q·diag(λ)·Qᵀ for a random
     * orthogonal Q and eigenvalues spaced geometrically from 1 to κ; b random. Same seed, same function.
     */
    public static Quadratic illConditioned(int d, double kappa, long seed) {
        if (d < 1 || !(kappa >= 1)) {
            throw new IllegalArgumentException("illConditioned needs d ≥ 1 and κ ≥ 1, got d = " + d + ", κ = " + kappa);
        }
        Random rng = new Random(seed);
        DMatrixRMaj g = new DMatrixRMaj(d, d);
        for (int i = 0; i < d * d; i++) {
            g.data[i] = rng.nextGaussian();
        }
        var qr = org.ejml.dense.row.factory.DecompositionFactory_DDRM.qr(d, d);
        qr.decompose(g);
        DMatrixRMaj q = qr.getQ(null, false);
        double[] lambda = new double[d];
        for (int i = 0; i < d; i++) {
            lambda[i] = d == 1 ? 1 : Math.pow(kappa, (double) i / (d - 1));
        }
        DMatrixRMaj tmp = new DMatrixRMaj(d, d), a = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(q, CommonOps_DDRM.diag(lambda), tmp);
        CommonOps_DDRM.multTransB(tmp, q, a);
        symmetrize(a);
        double[] b = new double[d];
        for (int i = 0; i < d; i++) {
            b[i] = rng.nextGaussian();
        }
        return new Quadratic(String.format("random SPD quadratic (d = %d, κ = %s)", d, fmt(kappa)), a, b, new double[d]);
    }

    /** The saddle x² − y² of Aggarwal Fig. 3.17(b): A = diag(2, −2), stationary point (0, 0), start (1, 1e-3). */
    public static Quadratic saddle() {
        return new Quadratic("saddle x² − y²", CommonOps_DDRM.diag(2, -2), new double[2], new double[]{1, 1e-3});
    }

    @Override
    public int dimension() {
        return a.numRows;
    }

    @Override
    public double value(double[] x) {
        Objective.requireLength(this, "the point", x);
        int d = dimension();
        DMatrixRMaj xv = DMatrixRMaj.wrap(d, 1, x);
        return 0.5 * quadForm(xv) - CommonOps_DDRM.dot(b, xv);
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        Objective.requireLength(this, "the point", x);
        Objective.requireLength(this, "the gradient", gradient);
        int d = dimension();
        DMatrixRMaj xv = DMatrixRMaj.wrap(d, 1, x);
        DMatrixRMaj g = DMatrixRMaj.wrap(d, 1, gradient);
        CommonOps_DDRM.mult(a, xv, g);
        double f = 0.5 * CommonOps_DDRM.dot(xv, g) - CommonOps_DDRM.dot(b, xv);
        CommonOps_DDRM.subtractEquals(g, b);
        return f;
    }

    @Override
    public void hessian(double[] x, DMatrixRMaj out) {
        Objective.requireLength(this, "the point", x);
        out.setTo(a);
    }

    @Override
    public void hessianVector(double[] x, double[] v, double[] out) {
        Objective.requireLength(this, "the point", x);
        Objective.requireLength(this, "v", v);
        Objective.requireLength(this, "the output", out);
        int d = dimension();
        CommonOps_DDRM.mult(a, DMatrixRMaj.wrap(d, 1, v), DMatrixRMaj.wrap(d, 1, out));
    }

    /** A copy of A. */
    public DMatrixRMaj a() {
        return a.copy();
    }

    /** A copy of b. */
    public double[] b() {
        return b.data.clone();
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

    private double quadForm(DMatrixRMaj xv) {
        DMatrixRMaj ax = new DMatrixRMaj(xv.numRows, 1);
        CommonOps_DDRM.mult(a, xv, ax);
        return CommonOps_DDRM.dot(xv, ax);
    }

    private static boolean isPositiveDefinite(DMatrixRMaj a) {
        var chol = org.ejml.dense.row.factory.DecompositionFactory_DDRM.chol(a.numRows, true);
        return chol.decompose(a.copy());
    }

    private static void symmetrize(DMatrixRMaj a) {
        DMatrixRMaj t = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.transpose(a, t);
        CommonOps_DDRM.add(0.5, a, 0.5, t, a);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
