package descent.objective;

import descent.objective.Objective;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.Random;

/**
 * L2-regularized logistic regression as an objective over the weight vector w (length d):
 * <pre>
 *   f(w) = (1/n) Σᵢ log(1 + exp(−yᵢ·xᵢᵀw)) + (λ/2)‖w‖²,   yᵢ ∈ {−1, +1}
 *   ∇f   = −(1/n) Xᵀ[y ⊙ σ(−y ⊙ Xw)] + λw
 *   ∇²f  = (1/n) Xᵀ diag(σᵢ(1 − σᵢ)) X + λI,   σᵢ = σ(xᵢᵀw)
 * </pre>
 * Convex, smooth, with an exact Hessian and an exact Hessian-vector product Xᵀ(D(Xv))/n + λv that never forms
 * the d×d matrix: the non-quadratic but well-behaved problem on which the second-order methods are compared
 * (Aggarwal §3.5.6.2). The log-sum is evaluated stably for large margins.
 */
public final class LogisticRegression implements Objective {

    private final DMatrixRMaj x;      // n×d
    private final double[] y;         // ±1
    private final double lambda;
    private final String name;
    private final DMatrixRMaj margin; // n×1 scratch: Xw
    private final DMatrixRMaj weights;// n×1 scratch

    /**
     * @param features n×d design matrix (copied)
     * @param labels length-n labels, each −1 or +1 (copied)
     * @param lambda L2 penalty λ ≥ 0
     */
    public LogisticRegression(DMatrixRMaj features, double[] labels, double lambda) {
        if (labels.length != features.numRows) {
            throw new IllegalArgumentException("LogisticRegression: X is " + features.numRows + "x" + features.numCols
                    + " but there are " + labels.length + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 1 && labels[i] != -1) {
                throw new IllegalArgumentException("LogisticRegression labels must be -1 or +1, label " + i + " is " + labels[i]);
            }
        }
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("LogisticRegression needs λ ≥ 0, got " + lambda);
        }
        this.x = features.copy();
        this.y = labels.clone();
        this.lambda = lambda;
        this.name = String.format("logistic regression (n = %d, d = %d, λ = %s)", features.numRows, features.numCols, lambda);
        this.margin = new DMatrixRMaj(features.numRows, 1);
        this.weights = new DMatrixRMaj(features.numRows, 1);
    }

    /**
     * A seeded synthetic problem: n points with d − 1 standard normal features plus a constant 1 (the bias),
     * labels drawn from a logistic model with a random true weight vector of norm {@code separation}.
     * Same seed, same problem.
     */
    public static LogisticRegression synthetic(int n, int d, double separation, double lambda, long seed) {
        if (n < 1 || d < 2) {
            throw new IllegalArgumentException("synthetic logistic regression needs n ≥ 1 and d ≥ 2, got n = " + n + ", d = " + d);
        }
        Random rng = new Random(seed);
        double[] wTrue = new double[d];
        double norm = 0;
        for (int j = 0; j < d; j++) {
            wTrue[j] = rng.nextGaussian();
            norm += wTrue[j] * wTrue[j];
        }
        norm = Math.sqrt(norm);
        for (int j = 0; j < d; j++) {
            wTrue[j] *= separation / norm;
        }
        DMatrixRMaj features = new DMatrixRMaj(n, d);
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            double z = 0;
            for (int j = 0; j < d; j++) {
                double v = j == d - 1 ? 1.0 : rng.nextGaussian();
                features.set(i, j, v);
                z += v * wTrue[j];
            }
            labels[i] = rng.nextDouble() < sigmoid(z) ? 1 : -1;
        }
        return new LogisticRegression(features, labels, lambda);
    }

    @Override
    public int dimension() {
        return x.numCols;
    }

    public int size() {
        return x.numRows;
    }

    @Override
    public double value(double[] w) {
        Objective.requireLength(this, "the point", w);
        computeMargins(w);
        double f = 0;
        for (int i = 0; i < y.length; i++) {
            f += softplus(-y[i] * margin.data[i]);
        }
        return f / y.length + 0.5 * lambda * dot(w, w);
    }

    @Override
    public double valueAndGradient(double[] w, double[] gradient) {
        Objective.requireLength(this, "the point", w);
        Objective.requireLength(this, "the gradient", gradient);
        computeMargins(w);
        int n = y.length;
        double f = 0;
        for (int i = 0; i < n; i++) {
            double m = -y[i] * margin.data[i];
            f += softplus(m);
            weights.data[i] = -y[i] * sigmoid(m) / n;
        }
        CommonOps_DDRM.multTransA(x, weights, DMatrixRMaj.wrap(dimension(), 1, gradient));
        for (int j = 0; j < dimension(); j++) {
            gradient[j] += lambda * w[j];
        }
        return f / n + 0.5 * lambda * dot(w, w);
    }

    @Override
    public boolean hasHessian() {
        return true;
    }

    @Override
    public void hessian(double[] w, DMatrixRMaj out) {
        Objective.requireLength(this, "the point", w);
        computeMargins(w);
        int n = y.length, d = dimension();
        DMatrixRMaj scaled = x.copy();
        for (int i = 0; i < n; i++) {
            double s = sigmoid(margin.data[i]);
            double c = s * (1 - s) / n;
            for (int j = 0; j < d; j++) {
                scaled.data[i * d + j] *= c;
            }
        }
        out.reshape(d, d);
        CommonOps_DDRM.multTransA(x, scaled, out);
        for (int j = 0; j < d; j++) {
            out.add(j, j, lambda);
        }
    }

    @Override
    public void hessianVector(double[] w, double[] v, double[] out) {
        Objective.requireLength(this, "the point", w);
        Objective.requireLength(this, "v", v);
        Objective.requireLength(this, "the output", out);
        computeMargins(w);
        int n = y.length, d = dimension();
        DMatrixRMaj xv = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.mult(x, DMatrixRMaj.wrap(d, 1, v), xv);
        for (int i = 0; i < n; i++) {
            double s = sigmoid(margin.data[i]);
            xv.data[i] *= s * (1 - s) / n;
        }
        CommonOps_DDRM.multTransA(x, xv, DMatrixRMaj.wrap(d, 1, out));
        for (int j = 0; j < d; j++) {
            out[j] += lambda * v[j];
        }
    }

    /** Fraction of points whose label has the sign of xᵢᵀw. */
    public double accuracy(double[] w) {
        computeMargins(w);
        int right = 0;
        for (int i = 0; i < y.length; i++) {
            right += margin.data[i] * y[i] > 0 ? 1 : 0;
        }
        return (double) right / y.length;
    }

    public DMatrixRMaj features() {
        return x.copy();
    }

    public double[] labels() {
        return y.clone();
    }

    @Override
    public String name() {
        return name;
    }

    private void computeMargins(double[] w) {
        if (w.length != dimension()) {
            throw new IllegalArgumentException(name + " takes weights of length " + dimension() + ", got " + w.length);
        }
        CommonOps_DDRM.mult(x, DMatrixRMaj.wrap(dimension(), 1, w), margin);
    }

    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** log(1 + eᶻ) without overflow. */
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
