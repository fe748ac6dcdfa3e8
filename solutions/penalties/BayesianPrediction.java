package penalties;

import org.ejml.simple.SimpleMatrix;

/**
 * Exercise 05.9: the posterior predictive of Bayesian linear regression (the draft chapter 7, §7.1 and §7.2.3; the
 * formulas are the standard ones, e.g. Bishop 2006 §3.3). Prior w ~ N(0, α⁻¹I), noise y | x, w ~ N(wᵀx, σ²):
 * <pre>
 *   Σ_N = (αI + XᵀX/σ²)⁻¹,     μ_N = Σ_N Xᵀy/σ²
 *   prediction at x*:  mean x*ᵀμ_N,   variance σ² + x*ᵀΣ_N x*
 * </pre>
 * μ_N is also the MAP estimate, ridge regression with coefficient ασ² — not α. The predictive variance has two parts:
 * the noise σ², and the uncertainty about w.
 */
public final class BayesianPrediction {

    private BayesianPrediction() {
    }

    /**
     * @param x the design matrix, m × n
     * @param y the targets, length m
     * @param alpha the prior precision α &gt; 0
     * @param noiseVariance σ² &gt; 0
     * @param xStar a new input, length n
     * @return {mean, variance} of the predictive distribution at x*
     * @throws IllegalArgumentException when α ≤ 0 or σ² ≤ 0
     */
    public static double[] predict(double[][] x, double[] y, double alpha, double noiseVariance, double[] xStar) {
        // BEGIN SOLUTION 05.9 Bayesian linear regression prediction
        if (!(alpha > 0) || !(noiseVariance > 0)) {
            throw new IllegalArgumentException("α and σ² must be > 0, got α = " + alpha + ", σ² = " + noiseVariance);
        }
        SimpleMatrix xm = new SimpleMatrix(x), xs = new SimpleMatrix(xStar);
        SimpleMatrix precision = xm.transpose().mult(xm).divide(noiseVariance).plus(SimpleMatrix.identity(xm.getNumCols()).scale(alpha));
        SimpleMatrix cov = precision.invert();
        SimpleMatrix mean = cov.mult(xm.transpose().mult(new SimpleMatrix(y))).divide(noiseVariance);
        return new double[]{xs.dot(mean), noiseVariance + xs.dot(cov.mult(xs))};
        // END SOLUTION
    }
}
