package normalization;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Exercise 08.6: low-rank factorization of a trained layer (Aggarwal §3.7.3): W (m₁×m₂) ≈ UVᵀ with U m₁×k and V m₂×k.
 * The best rank-k approximation in Frobenius norm keeps the k largest terms of the SVD (Eckart–Young). Use EJML's SVD
 * ({@code DecompositionFactory_DDRM.svd}); {@code SingularOps_DDRM.descendingOrder} sorts its output.
 */
public final class LowRankFactor {

    private LowRankFactor() {
    }

    /** How many times fewer weights U and V hold than W: m₁m₂ / (k(m₁ + m₂)). */
    public static double parameterRatio(int m1, int m2, int k) {
        // BEGIN SOLUTION 08.6 low-rank factorization
        return (double) m1 * m2 / ((double) k * (m1 + m2));
        // END SOLUTION
    }

    /**
     * W_k = Σ_{i≤k} σᵢ uᵢ vᵢᵀ, the rank-k truncated SVD of W.
     *
     * @param w m₁×m₂ (not modified)
     * @param k the rank, 1 ≤ k ≤ min(m₁, m₂)
     * @return W_k, a new m₁×m₂ array
     * @throws IllegalArgumentException when k is outside 1 … min(m₁, m₂); the message names k
     */
    public static double[][] truncate(double[][] w, int k) {
        // BEGIN SOLUTION 08.6 low-rank factorization
        int m1 = w.length, m2 = w[0].length;
        if (k < 1 || k > Math.min(m1, m2)) {
            throw new IllegalArgumentException("rank k = " + k + " must lie in 1 … " + Math.min(m1, m2));
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m1, m2, true, true, true);
        svd.decompose(new DMatrixRMaj(w));
        DMatrixRMaj u = svd.getU(null, false), vt = svd.getV(null, true), s = svd.getW(null);
        SingularOps_DDRM.descendingOrder(u, false, s, vt, true);
        double[][] out = new double[m1][m2];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < m1; i++) {
                for (int j = 0; j < m2; j++) {
                    out[i][j] += s.get(c, c) * u.get(i, c) * vt.get(c, j);
                }
            }
        }
        return out;
        // END SOLUTION
    }
}
