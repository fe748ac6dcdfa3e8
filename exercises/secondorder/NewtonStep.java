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
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 03.16 (Newton step) is not implemented yet");
    }
}
