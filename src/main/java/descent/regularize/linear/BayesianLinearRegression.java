package descent.regularize.linear;

import descent.linalg.Blas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Bayesian linear regression with a Gaussian prior (the draft chapter 7, §7.1 and §7.2.3): the weights are a random
 * variable, and the prediction averages over their posterior instead of using one point estimate.
 * <pre>
 *   prior        w ~ N(μ₀, Σ₀)
 *   likelihood   y | X, w ~ N(Xw, σ²I)
 *   posterior    w | X, y ~ N(μ_N, Σ_N),   Σ_N = (Σ₀⁻¹ + XᵀX/σ²)⁻¹,   μ_N = Σ_N(Σ₀⁻¹μ₀ + Xᵀy/σ²)
 *   predictive   y(x) ~ N(xᵀμ_N, σ² + xᵀΣ_N x)
 * </pre>
 * (standard results, e.g. Bishop 2006 §3.3, beyond the books). The posterior is Gaussian, so its mode, the MAP
 * estimate, is μ_N; with μ₀ = 0 and Σ₀ = α⁻¹I it minimizes (1/2σ²)‖Xw − y‖² + (α/2)‖w‖², which is ridge regression
 * with coefficient ασ² in the {@link Ridge.Convention#HALF} convention — the log prior is the L² penalty.
 */
public final class BayesianLinearRegression {

    private final double[] mean;
    private final DMatrixRMaj covariance;
    private final double noiseVariance;

    private BayesianLinearRegression(double[] mean, DMatrixRMaj covariance, double noiseVariance) {
        this.mean = mean;
        this.covariance = covariance;
        this.noiseVariance = noiseVariance;
    }

    /** The posterior for the prior N(μ₀, Σ₀) (Σ₀ checked positive definite) and noise variance σ² &gt; 0. */
    public static BayesianLinearRegression fit(DMatrixRMaj x, double[] y, double[] priorMean,
            DMatrixRMaj priorCovariance, double noiseVariance) {
        int n = x.numCols;
        Ridge.check(x, y, 0);
        if (priorMean.length != n || priorCovariance.numRows != n || priorCovariance.numCols != n) {
            throw new IllegalArgumentException("X " + Blas.shape(x) + " has " + n + " columns, but the prior mean has "
                    + priorMean.length + " entries and the prior covariance is " + Blas.shape(priorCovariance));
        }
        if (!(noiseVariance > 0) || Double.isInfinite(noiseVariance)) {
            throw new IllegalArgumentException("the noise variance σ² must be finite and > 0, got " + noiseVariance);
        }
        Spd.requirePositiveDefinite("the prior covariance Σ₀", priorCovariance);
        DMatrixRMaj p0 = inverse(priorCovariance, "the prior covariance Σ₀");
        DMatrixRMaj a = p0.copy();
        Blas.gemm(true, false, 1 / noiseVariance, x, x, 1.0, a);          // Σ₀⁻¹ + XᵀX/σ²
        DMatrixRMaj cov = inverse(a, "the posterior precision Σ₀⁻¹ + XᵀX/σ²");
        DMatrixRMaj b = new DMatrixRMaj(n, 1);
        Blas.gemm(false, false, 1.0, p0, DMatrixRMaj.wrap(n, 1, priorMean.clone()), 0.0, b);
        Blas.gemm(true, false, 1 / noiseVariance, x, DMatrixRMaj.wrap(y.length, 1, y.clone()), 1.0, b);
        DMatrixRMaj mu = new DMatrixRMaj(n, 1);
        Blas.gemm(false, false, 1.0, cov, b, 0.0, mu);
        return new BayesianLinearRegression(mu.data, cov, noiseVariance);
    }

    /** The posterior for the isotropic prior N(0, α⁻¹I): prior precision α &gt; 0. */
    public static BayesianLinearRegression fitIsotropic(DMatrixRMaj x, double[] y, double alpha, double noiseVariance) {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("the prior precision α must be finite and > 0, got " + alpha);
        }
        int n = x.numCols;
        DMatrixRMaj cov = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            cov.set(i, i, 1 / alpha);
        }
        return fit(x, y, new double[n], cov, noiseVariance);
    }

    /** μ_N, the posterior mean (and the MAP estimate). */
    public double[] mean() {
        return mean.clone();
    }

    /** Σ_N, the posterior covariance. */
    public DMatrixRMaj covariance() {
        return covariance.copy();
    }

    /** The mean of the predictive distribution at input x: xᵀμ_N. */
    public double predictiveMean(double[] x) {
        check(x);
        return Blas.dot(x.length, x, mean);
    }

    /** The variance of the predictive distribution at input x: σ² + xᵀΣ_N x. */
    public double predictiveVariance(double[] x) {
        check(x);
        DMatrixRMaj v = new DMatrixRMaj(x.length, 1);
        Blas.gemm(false, false, 1.0, covariance, DMatrixRMaj.wrap(x.length, 1, x.clone()), 0.0, v);
        return noiseVariance + Blas.dot(x.length, x, v.data);
    }

    private void check(double[] x) {
        if (x.length != mean.length) {
            throw new IllegalArgumentException("the input has " + x.length + " features but the model has "
                    + mean.length);
        }
    }

    private static DMatrixRMaj inverse(DMatrixRMaj a, String what) {
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(a.numRows);
        if (!chol.setA(a.copy())) {
            throw new IllegalArgumentException(what + " is not positive definite");
        }
        DMatrixRMaj inv = new DMatrixRMaj(a.numRows, a.numCols);
        chol.invert(inv);
        return inv;
    }
}
