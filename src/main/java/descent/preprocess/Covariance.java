package descent.preprocess;

import descent.linalg.Blas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Second moments of a data matrix and their eigen-decomposition, the raw material of PCA and whitening
 * (Aggarwal eq. 3.36): for mean-centred D (n × d), C = DᵀD/n. Products go through BLAS, the symmetric
 * eigen-decomposition through EJML.
 */
public final class Covariance {

    private Covariance() {
    }

    /** Eigenvalues in decreasing order and the matching unit eigenvectors as the columns of {@code vectors}. */
    public record Eigen(double[] values, DMatrixRMaj vectors) {
        /** λ_max/λ_min, or +∞ when λ_min ≤ 0. */
        public double conditionNumber() {
            double min = values[values.length - 1];
            return min > 0 ? values[0] / min : Double.POSITIVE_INFINITY;
        }
    }

    /** C = DᵀD/n with D = x minus its column means (the population covariance, eq. 3.36). */
    public static DMatrixRMaj of(DMatrixRMaj x) {
        Checks.requireFitData("Covariance", x, 1);
        double[] mean = ColumnAffine.columnMeans(x);
        DMatrixRMaj d = x.copy();
        int cols = x.numCols;
        for (int k = 0; k < d.getNumElements(); k++) {
            d.data[k] -= mean[k % cols];
        }
        DMatrixRMaj c = new DMatrixRMaj(cols, cols);
        Blas.gemm(true, false, 1.0 / x.numRows, d, d, 0.0, c);
        return c;
    }

    /** The Gram matrix XᵀX (no centring): the Hessian of ½‖Xw − y‖², whose conditioning governs gradient descent. */
    public static DMatrixRMaj gram(DMatrixRMaj x) {
        Checks.requireFitData("Covariance.gram", x, 1);
        DMatrixRMaj g = new DMatrixRMaj(x.numCols, x.numCols);
        Blas.gemm(true, false, 1.0, x, x, 0.0, g);
        return g;
    }

    /** Eigen-decomposition of a symmetric matrix (EJML), sorted by decreasing eigenvalue. */
    public static Eigen eigen(DMatrixRMaj symmetric) {
        int d = symmetric.numRows;
        if (d < 1 || symmetric.numCols != d) {
            throw new IllegalArgumentException("eigen needs a non-empty square matrix, got " + Blas.shape(symmetric));
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(symmetric.copy())) {
            throw new IllegalStateException("the symmetric eigen-decomposition of a " + Blas.shape(symmetric) + " matrix failed");
        }
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -eig.getEigenvalue(i).getReal()));
        double[] values = new double[d];
        DMatrixRMaj vectors = new DMatrixRMaj(d, d);
        for (int j = 0; j < d; j++) {
            values[j] = eig.getEigenvalue(order[j]).getReal();
            DMatrixRMaj v = eig.getEigenVector(order[j]);
            for (int i = 0; i < d; i++) {
                vectors.set(i, j, v.get(i, 0));
            }
        }
        return new Eigen(values, vectors);
    }

    /** Eigenvalues only (no vectors, so cheaper), in decreasing order. */
    public static double[] eigenvalues(DMatrixRMaj symmetric) {
        int d = symmetric.numRows;
        if (d < 1 || symmetric.numCols != d) {
            throw new IllegalArgumentException("eigenvalues needs a non-empty square matrix, got " + Blas.shape(symmetric));
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false, true);
        if (!eig.decompose(symmetric.copy())) {
            throw new IllegalStateException("the symmetric eigen-decomposition of a " + Blas.shape(symmetric) + " matrix failed");
        }
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(v);
        for (int i = 0; i < d / 2; i++) {
            double t = v[i];
            v[i] = v[d - 1 - i];
            v[d - 1 - i] = t;
        }
        return v;
    }

    /** λ_max/λ_min of a symmetric matrix, +∞ when λ_min ≤ 0. */
    public static double conditionNumber(DMatrixRMaj symmetric) {
        double[] v = eigenvalues(symmetric);
        return v[v.length - 1] > 0 ? v[0] / v[v.length - 1] : Double.POSITIVE_INFINITY;
    }

    /** Columns whose training values are all equal. */
    static int[] constantColumns(DMatrixRMaj x) {
        int d = x.numCols;
        return java.util.stream.IntStream.range(0, d).filter(j -> {
            double first = x.data[j];
            for (int i = 1; i < x.numRows; i++) {
                if (x.data[i * d + j] != first) {
                    return false;
                }
            }
            return true;
        }).toArray();
    }
}
