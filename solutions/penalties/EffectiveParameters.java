package penalties;

import org.ejml.data.Complex_F64;
import org.ejml.simple.SimpleMatrix;

/**
 * Exercise 05.7: the effective number of parameters of L² regularization (the draft chapter 7, eq. 7.8). For linear
 * regression ½‖Xw − y‖² + (α/2)‖w‖² the Hessian is H = XᵀX; along its eigenvector i the solution keeps the fraction
 * λᵢ/(λᵢ + α) of w* (Goodfellow et al. eq. 7.13), and the sum of those fractions is
 * <pre>
 *   γ(α) = Σᵢ λᵢ/(λᵢ + α),    λᵢ the eigenvalues of XᵀX.
 * </pre>
 * As α ↘ 0, γ tends to the rank of X; it falls towards 0 as α grows. Use EJML for the eigenvalues (e.g.
 * {@code new SimpleMatrix(x)}, then {@code transpose().mult(...).eig().getEigenvalues()}).
 */
public final class EffectiveParameters {

    private EffectiveParameters() {
    }

    /**
     * @param x the design matrix, m × n
     * @param alpha α &gt; 0
     * @return γ(α)
     * @throws IllegalArgumentException when α ≤ 0 or NaN
     */
    public static double gamma(double[][] x, double alpha) {
        // BEGIN SOLUTION 05.7 effective number of parameters
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("α must be > 0, got " + alpha);
        }
        SimpleMatrix xm = new SimpleMatrix(x);
        double gamma = 0;
        for (Complex_F64 lambda : xm.transpose().mult(xm).eig().getEigenvalues()) {
            gamma += lambda.getReal() / (lambda.getReal() + alpha);
        }
        return gamma;
        // END SOLUTION
    }
}
