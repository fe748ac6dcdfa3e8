package secondorder;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Exercise 03.16: the Newton step of Aggarwal eq. 3.48, p = −H⁻¹g, computed by solving Hp = −g with a Cholesky
 * factorization H = LLᵀ (never by forming H⁻¹). Cholesky exists exactly when H is symmetric positive definite, which
 * is also when p is guaranteed to point downhill; otherwise refuse.
 */
public final class NewtonStep {

    private NewtonStep() {
    }

    /**
     * @param h the Hessian, d×d symmetric (not modified)
     * @param g the gradient, length d
     * @return p = −H⁻¹g, a new array
     * @throws IllegalArgumentException when H is not positive definite, or so close to singular that the step is not
     *                                  finite (an entry overflows)
     */
    public static double[] step(double[][] h, double[] g) {
        // BEGIN SOLUTION 03.16 Newton step
        int d = g.length;
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(d);
        if (!chol.setA(new DMatrixRMaj(h))) {
            throw new IllegalArgumentException("the Hessian is not positive definite; Cholesky failed");
        }
        double[] minusG = new double[d];
        for (int i = 0; i < d; i++) {
            minusG[i] = -g[i];
        }
        DMatrixRMaj p = new DMatrixRMaj(d, 1);
        chol.solve(DMatrixRMaj.wrap(d, 1, minusG), p);
        for (double value : p.data) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("the Hessian is singular; the Newton step is not finite");
            }
        }
        return p.data;
        // END SOLUTION
    }
}
