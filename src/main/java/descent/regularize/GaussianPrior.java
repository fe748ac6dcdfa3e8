package descent.regularize;

import descent.linalg.Blas;
import descent.regularize.linear.Spd;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The Gaussian prior N(μ, Σ) (the draft chapter 7, §7.2.3):
 * <pre>
 *   log p(w) = −½(w − μ)ᵀΣ⁻¹(w − μ) − ½ log|Σ| − (d/2) log 2π
 *   ∇ log p(w) = −Σ⁻¹(w − μ)
 * </pre>
 * As a {@link PriorPenalty} it gives the generalized Tikhonov penalty ½(w − μ)ᵀΣ⁻¹(w − μ). With μ = 0 and Σ⁻¹ = αI
 * ({@link #isotropic}) that is (α/2)‖w‖², the L² penalty: weight decay is MAP estimation under independent Gaussian
 * priors of precision α. Σ must be symmetric positive definite; otherwise the constructor names the offending
 * eigenvalue.
 */
public final class GaussianPrior implements LogPrior {

    private final double[] mu;
    private final DMatrixRMaj precision;
    private final double logNormalizer;
    private final DMatrixRMaj diff;
    private final DMatrixRMaj pd;

    public GaussianPrior(double[] mu, DMatrixRMaj sigma) {
        int d = mu.length;
        if (sigma.numRows != d || sigma.numCols != d) {
            throw new IllegalArgumentException("the prior mean μ has " + d + " entries but the covariance Σ is "
                    + Blas.shape(sigma));
        }
        this.mu = Checks.finite("the prior mean μ", mu.clone());
        Spd.Eigen e = Spd.requirePositiveDefinite("the prior covariance Σ", sigma);
        double logDet = 0;
        for (double l : e.lambda()) {
            logDet += Math.log(l);
        }
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(d);
        if (!chol.setA(sigma.copy())) {
            throw new IllegalArgumentException("the prior covariance Σ is not positive definite (Cholesky failed)");
        }
        this.precision = new DMatrixRMaj(d, d);
        chol.invert(precision);
        this.logNormalizer = -0.5 * logDet - 0.5 * d * Math.log(2 * Math.PI);
        this.diff = new DMatrixRMaj(d, 1);
        this.pd = new DMatrixRMaj(d, 1);
    }

    /** N(0, α⁻¹I): independent Gaussians of precision α &gt; 0. */
    public static GaussianPrior isotropic(int d, double alpha) {
        Checks.positive("the prior precision α", alpha);
        DMatrixRMaj s = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            s.set(i, i, 1 / alpha);
        }
        return new GaussianPrior(new double[d], s);
    }

    @Override
    public int dimension() {
        return mu.length;
    }

    @Override
    public double logDensity(double[] w, double[] gradient) {
        for (int i = 0; i < mu.length; i++) {
            diff.data[i] = w[i] - mu[i];
        }
        Blas.gemm(false, false, 1.0, precision, diff, 0.0, pd);
        if (gradient != null) {
            for (int i = 0; i < mu.length; i++) {
                gradient[i] = -pd.data[i];
            }
        }
        return -0.5 * Blas.dot(mu.length, diff.data, pd.data) + logNormalizer;
    }

    @Override
    public double logNormalizer() {
        return logNormalizer;
    }

    /** Σ⁻¹ (a copy). */
    public DMatrixRMaj precision() {
        return precision.copy();
    }

    @Override
    public String toString() {
        return "N(μ, Σ) on " + mu.length + " weights";
    }
}
