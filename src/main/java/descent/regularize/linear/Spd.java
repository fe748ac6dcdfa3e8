package descent.regularize.linear;

import descent.linalg.Blas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Checks and eigen-decompositions of symmetric matrices (a Hessian, XᵀX, a prior covariance), through EJML. The
 * messages say what failed and name the offending entry or eigenvalue.
 */
public final class Spd {

    private Spd() {
    }

    /**
     * Eigenvalues (ascending) and eigenvectors (as the columns of Q) of a symmetric matrix: A = QΛQᵀ.
     *
     * @param what named in the error messages, e.g. "the Hessian H"
     * @throws IllegalArgumentException when {@code a} is not square, has a non-finite entry or is not symmetric
     */
    public static Eigen eigen(String what, DMatrixRMaj a) {
        requireSymmetric(what, a);
        int n = a.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(a.copy())) {
            throw new IllegalArgumentException("the eigen-decomposition of " + what + " " + Blas.shape(a) + " failed");
        }
        Integer[] order = new Integer[n];
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            raw[i] = eig.getEigenvalue(i).getReal();
        }
        java.util.Arrays.sort(order, (i, j) -> Double.compare(raw[i], raw[j]));
        double[] lambda = new double[n];
        DMatrixRMaj q = new DMatrixRMaj(n, n);
        for (int c = 0; c < n; c++) {
            lambda[c] = raw[order[c]];
            DMatrixRMaj v = eig.getEigenVector(order[c]);
            double norm = Blas.nrm2(n, v.data);
            for (int r = 0; r < n; r++) {
                q.set(r, c, v.get(r, 0) / norm);
            }
        }
        return new Eigen(lambda, q);
    }

    /** A = QΛQᵀ with the eigenvalues λ ascending and the eigenvectors as the columns of Q. */
    public record Eigen(double[] lambda, DMatrixRMaj q) {
    }

    /** Throws unless {@code a} is square, finite and symmetric (to 1e-10 relative to its largest entry). */
    public static void requireSymmetric(String what, DMatrixRMaj a) {
        if (a.numRows != a.numCols) {
            throw new IllegalArgumentException(what + " must be square, got " + Blas.shape(a));
        }
        double scale = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            if (!Double.isFinite(a.data[i])) {
                throw new IllegalArgumentException(what + " must be finite, but entry (" + i / a.numCols + ", "
                        + i % a.numCols + ") is " + a.data[i]);
            }
            scale = Math.max(scale, Math.abs(a.data[i]));
        }
        for (int i = 0; i < a.numRows; i++) {
            for (int j = i + 1; j < a.numCols; j++) {
                if (Math.abs(a.get(i, j) - a.get(j, i)) > 1e-10 * Math.max(1, scale)) {
                    throw new IllegalArgumentException(what + " must be symmetric, but entry (" + i + ", " + j + ") is "
                            + a.get(i, j) + " and entry (" + j + ", " + i + ") is " + a.get(j, i));
                }
            }
        }
    }

    /**
     * Throws unless {@code a} is symmetric positive definite, naming the smallest eigenvalue when it is not; returns the
     * eigen-decomposition.
     */
    public static Eigen requirePositiveDefinite(String what, DMatrixRMaj a) {
        Eigen e = eigen(what, a);
        double min = e.lambda()[0], max = e.lambda()[e.lambda().length - 1];
        if (!(min > 1e-12 * Math.max(1, Math.abs(max)))) {
            throw new IllegalArgumentException(what + " must be positive definite, but its smallest eigenvalue is "
                    + min + " (largest " + max + ")");
        }
        return e;
    }

    /** Throws unless {@code a} is symmetric positive semi-definite, naming the most negative eigenvalue. */
    public static Eigen requirePositiveSemidefinite(String what, DMatrixRMaj a) {
        Eigen e = eigen(what, a);
        double min = e.lambda()[0], max = e.lambda()[e.lambda().length - 1];
        if (min < -1e-10 * Math.max(1, Math.abs(max))) {
            throw new IllegalArgumentException(what + " must be positive semi-definite, but it has the eigenvalue "
                    + min + " (largest " + max + ")");
        }
        return e;
    }
}
