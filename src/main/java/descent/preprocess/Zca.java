package descent.preprocess;

import descent.linalg.Blas;
import org.ejml.data.DMatrixRMaj;

/**
 * ZCA ("zero-phase") whitening: PCA whitening rotated back into the original axes,
 * <pre>
 *   C = P Λ Pᵀ,     W = P (Λ + εI)^{−1/2} Pᵀ,     y = (x − μ) W
 * </pre>
 * Like PCA whitening it makes the training covariance (nearly) the identity, but among all whitening matrices W it
 * is the one whose output stays closest to the input (Bell and Sejnowski 1997), so whitened images still look like
 * images. It keeps all d dimensions, so it needs ε &gt; 0 when some direction has no variance; with ε = 0 a singular
 * covariance is refused, naming the constant columns.
 */
public final class Zca implements Transform {

    private final double epsilon;
    private double[] mean;
    private DMatrixRMaj w;

    /** @param epsilon ε ≥ 0 added to every eigenvalue (Aggarwal's 10⁻⁵ is {@link Pca#EPSILON}) */
    public Zca(double epsilon) {
        if (!(epsilon >= 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("ZCA ε must be ≥ 0 and finite, got " + epsilon);
        }
        this.epsilon = epsilon;
    }

    @Override
    public Zca fit(DMatrixRMaj train) {
        Checks.requireFitData(name(), train, 2);
        Covariance.Eigen e = Covariance.eigen(Covariance.of(train));
        int d = train.numCols;
        double smallest = e.values()[d - 1];
        if (!(smallest + epsilon > 1e-12 * Math.max(e.values()[0], 1e-300))) {
            int[] constant = Covariance.constantColumns(train);
            throw new IllegalArgumentException(String.format(
                    "%s.fit: the training covariance is singular (smallest eigenvalue %s) and ε = %s; %s",
                    name(), descent.check.Expect.num(smallest), descent.check.Expect.num(epsilon),
                    constant.length > 0 ? "column" + (constant.length == 1 ? " " : "s ") + Checks.list(constant)
                            + (constant.length == 1 ? " is" : " are") + " constant on the training data; drop them or use ε > 0"
                            : "some columns are linear combinations of others; use ε > 0"));
        }
        DMatrixRMaj scaled = e.vectors().copy();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                scaled.set(i, j, scaled.get(i, j) / Math.sqrt(Math.max(e.values()[j], 0) + epsilon));
            }
        }
        w = new DMatrixRMaj(d, d);
        Blas.gemm(false, true, 1.0, scaled, e.vectors(), 0.0, w);
        mean = ColumnAffine.columnMeans(train);
        return this;
    }

    @Override
    public void transform(DMatrixRMaj x, DMatrixRMaj out) {
        Checks.requireTransformData(name(), mean == null ? -1 : mean.length, mean != null, x);
        int d = mean.length;
        DMatrixRMaj centred = x.copy();
        for (int t = 0; t < centred.getNumElements(); t++) {
            centred.data[t] -= mean[t % d];
        }
        out.reshape(x.numRows, d, false);
        Blas.mult(centred, w, out);
    }

    /** The whitening matrix W (symmetric, a copy). */
    public DMatrixRMaj matrix() {
        if (w == null) {
            throw new IllegalStateException(name() + " has not been fitted yet");
        }
        return w.copy();
    }

    @Override
    public int inputWidth() {
        return matrix().numRows;
    }

    @Override
    public int outputWidth() {
        return inputWidth();
    }

    @Override
    public String name() {
        return "Zca";
    }
}
