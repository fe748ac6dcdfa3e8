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
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 08.6 (low-rank factorization) is not implemented yet");
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
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 08.6 (low-rank factorization) is not implemented yet");
    }
}
