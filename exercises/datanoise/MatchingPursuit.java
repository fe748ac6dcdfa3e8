package datanoise;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Exercise 06.7: orthogonal matching pursuit, OMP-k (Goodfellow et al. §7.10, eq. 7.49; notebook 29, section 4). The
 * dictionary W is d × n, w[i][j] = entry i of atom j. Starting from the residual r = x and an empty support S, repeat
 * k times:
 * <pre>
 *   j ← argmax_{j ∉ S} |Σ_i w[i][j]·r[i]|      (ties: the lowest j)
 *   S ← S ∪ {j}
 *   h_S ← the least-squares coefficients of x on the atoms in S   (minimize ‖x − W_S h_S‖²)
 *   r ← x − W_S h_S
 * </pre>
 * and return h (length n, zero outside S). The helper {@link #leastSquares} does the refit.
 */
public final class MatchingPursuit {

    private MatchingPursuit() {
    }

    /**
     * @param w the dictionary, d rows of n entries
     * @param x the signal, length d
     * @param k the number of atoms, 1 ≤ k ≤ min(d, n)
     * @return the code h, length n, with k nonzeros (fewer only if the residual becomes exactly 0)
     * @throws IllegalArgumentException when x does not have d entries or k is outside 1 … min(d, n)
     */
    public static double[] omp(double[][] w, double[] x, int k) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 06.7 (orthogonal matching pursuit) is not implemented yet");
    }

    /** The least-squares solution c of a·c ≈ b (a has d rows and at most d linearly independent columns), by EJML's QR. */
    static double[] leastSquares(double[][] a, double[] b) {
        DMatrixRMaj c = new DMatrixRMaj(a[0].length, 1);
        CommonOps_DDRM.solve(new DMatrixRMaj(a), DMatrixRMaj.wrap(b.length, 1, b.clone()), c);
        return c.data;
    }
}
