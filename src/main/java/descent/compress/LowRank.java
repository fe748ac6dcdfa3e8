package descent.compress;

import descent.linalg.Blas;
import descent.nn.Layer;
import descent.nn.Linear;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

import java.util.List;

/**
 * Low-rank factorization of a trained layer (Aggarwal §3.7.3, "leveraging redundancy"; Denil et al. 2013). An
 * m₁ × m₂ weight matrix W is replaced by the product of an m₁ × k and a k × m₂ matrix, i.e. one linear layer by two
 * with a k-unit bottleneck between them (three layers of sizes m₁, k, m₂). The best such product in Frobenius norm is the
 * truncated SVD (Eckart–Young):
 * <pre>
 *   W = Σᵢ σᵢ uᵢ vᵢᵀ  (σ₁ ≥ σ₂ ≥ …),   W_k = Σ_{i≤k} σᵢ uᵢ vᵢᵀ = (U_k √Σ_k)(√Σ_k V_kᵀ),   ‖W − W_k‖²_F = Σ_{i&gt;k} σᵢ²
 *   parameters: m₁m₂ → k(m₁ + m₂),   ratio m₁m₂ / (k(m₁ + m₂)) = HM(m₁, m₂) / (2k)
 * </pre>
 * so the factorization saves parameters exactly when k &lt; HM(m₁, m₂)/2 (HM the harmonic mean). The book's text names
 * the matrix "m × n" first and "m₁ × m₂" after; both mean the same shape. The SVD is EJML's.
 */
public final class LowRank {

    private LowRank() {
    }

    /** The two factors A (m₁ × k) and B (k × m₂) with W_k = A·B, and all singular values of W (largest first). */
    public record Factors(DMatrixRMaj a, DMatrixRMaj b, double[] singularValues) {

        public int rank() {
            return a.numCols;
        }

        /** A·B. */
        public DMatrixRMaj product() {
            DMatrixRMaj w = new DMatrixRMaj(a.numRows, b.numCols);
            Blas.mult(a, b, w);
            return w;
        }

        /** Σ_{i&gt;k} σᵢ², the squared Frobenius error of the best rank-k approximation. */
        public double tailEnergy() {
            double s = 0;
            for (int i = rank(); i < singularValues.length; i++) {
                s += singularValues[i] * singularValues[i];
            }
            return s;
        }
    }

    /** m₁m₂ / (k(m₁ + m₂)): how many times fewer weights the factorization has (6.67 for 1000, 500, k = 50). */
    public static double parameterRatio(int m1, int m2, int k) {
        checkRank(m1, m2, k);
        return (double) m1 * m2 / ((double) k * (m1 + m2));
    }

    /** The truncated SVD of W at rank k, split evenly: A = U_k √Σ_k, B = √Σ_k V_kᵀ. */
    public static Factors truncate(DMatrixRMaj w, int k) {
        int m1 = w.numRows, m2 = w.numCols;
        checkRank(m1, m2, k);
        for (int i = 0; i < w.getNumElements(); i++) {
            if (!Double.isFinite(w.data[i])) {
                throw new IllegalArgumentException("W " + Blas.shape(w) + " must be finite, but entry (" + i / m2 + ", "
                        + i % m2 + ") is " + w.data[i]);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m1, m2, true, true, true);
        if (!svd.decompose(w.copy())) {
            throw new IllegalStateException("the SVD of W " + Blas.shape(w) + " did not converge");
        }
        DMatrixRMaj u = svd.getU(null, false), vt = svd.getV(null, true), s = svd.getW(null);
        SingularOps_DDRM.descendingOrder(u, false, s, vt, true);
        int r = Math.min(m1, m2);
        double[] sigma = new double[r];
        for (int i = 0; i < r; i++) {
            sigma[i] = s.get(i, i);
        }
        DMatrixRMaj a = new DMatrixRMaj(m1, k), b = new DMatrixRMaj(k, m2);
        for (int c = 0; c < k; c++) {
            double root = Math.sqrt(sigma[c]);
            for (int i = 0; i < m1; i++) {
                a.set(i, c, u.get(i, c) * root);
            }
            for (int j = 0; j < m2; j++) {
                b.set(c, j, vt.get(c, j) * root);
            }
        }
        return new Factors(a, b, sigma);
    }

    /**
     * Two linear layers replacing {@code layer}: n_in → k (no bias: its bias stays zero) and k → n_out (the original
     * bias), with weights from the truncated SVD of the trained weight. Their composition equals the original layer
     * with W replaced by W_k.
     */
    public static List<Layer> replace(Linear layer, int k) {
        Factors f = truncate(layer.weight().value(), k);
        String base = layer.name().replaceAll(" \\(.*", "");
        Linear first = new Linear(base + ".U", layer.inputSize(), k);
        Linear second = new Linear(base + ".V", k, layer.outputSize());
        System.arraycopy(f.a().data, 0, first.weight().value().data, 0, f.a().getNumElements());
        System.arraycopy(f.b().data, 0, second.weight().value().data, 0, f.b().getNumElements());
        System.arraycopy(layer.bias().value().data, 0, second.bias().value().data, 0, layer.outputSize());
        return List.of(first, second);
    }

    private static void checkRank(int m1, int m2, int k) {
        if (m1 <= 0 || m2 <= 0) {
            throw new IllegalArgumentException("a low-rank factorization needs a non-empty matrix, got " + m1 + "x" + m2);
        }
        if (k < 1 || k > Math.min(m1, m2)) {
            throw new IllegalArgumentException("rank k = " + k + " must lie in 1 … min(m₁, m₂) = " + Math.min(m1, m2)
                    + " for a " + m1 + "x" + m2 + " matrix");
        }
    }
}
