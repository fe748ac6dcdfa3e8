package penalties;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Exercise 05.7: the effective number of parameters of L² regularization (the draft chapter 7, eq. 7.8). For linear
 * regression ½‖Xw − y‖² + (α/2)‖w‖² the Hessian is H = XᵀX; along its eigenvector i the solution keeps the fraction
 * λᵢ/(λᵢ + α) of w* (Goodfellow et al. eq. 7.13), and the sum of those fractions is
 * <pre>
 *   γ(α) = Σᵢ λᵢ/(λᵢ + α),    λᵢ the eigenvalues of XᵀX.
 * </pre>
 * γ(0) is the rank of X; γ falls towards 0 as α grows. Use EJML for the eigenvalues
 * ({@code DecompositionFactory_DDRM.eig}).
 */
public final class EffectiveParameters {

    private EffectiveParameters() {
    }

    /**
     * @param x the design matrix, m × n
     * @param alpha α ≥ 0
     * @return γ(α)
     * @throws IllegalArgumentException when α is negative or NaN
     */
    public static double gamma(double[][] x, double alpha) {
        // BEGIN SOLUTION 05.7 effective number of parameters
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException("α must be ≥ 0, got " + alpha);
        }
        DMatrixRMaj xm = new DMatrixRMaj(x);
        DMatrixRMaj h = new DMatrixRMaj(xm.numCols, xm.numCols);
        CommonOps_DDRM.multTransA(xm, xm, h);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(h.numRows, false, true);
        eig.decompose(h);
        double gamma = 0;
        for (int i = 0; i < h.numRows; i++) {
            double lambda = Math.max(0, eig.getEigenvalue(i).getReal());
            if (lambda > 1e-12 * Math.max(1, alpha)) {
                gamma += lambda / (lambda + alpha);
            }
        }
        return gamma;
        // END SOLUTION
    }
}
