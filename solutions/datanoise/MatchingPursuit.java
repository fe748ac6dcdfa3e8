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
        // BEGIN SOLUTION 06.7 orthogonal matching pursuit
        int d = w.length;
        int n = w[0].length;
        if (x.length != d) {
            throw new IllegalArgumentException("x has " + x.length + " entries but the atoms have " + d);
        }
        if (k < 1 || k > Math.min(d, n)) {
            throw new IllegalArgumentException("k = " + k + " is outside 1 … " + Math.min(d, n));
        }
        int[] support = new int[k];
        boolean[] chosen = new boolean[n];
        double[] r = x.clone();
        double[] h = new double[n];
        for (int s = 0; s < k; s++) {
            int best = -1;
            double bestCorr = 0;
            for (int j = 0; j < n; j++) {
                if (chosen[j]) {
                    continue;
                }
                double c = 0;
                for (int i = 0; i < d; i++) {
                    c += w[i][j] * r[i];
                }
                if (Math.abs(c) > bestCorr) {
                    bestCorr = Math.abs(c);
                    best = j;
                }
            }
            if (best < 0) {
                break;
            }
            chosen[best] = true;
            support[s] = best;
            double[][] ws = new double[d][s + 1];
            for (int i = 0; i < d; i++) {
                for (int t = 0; t <= s; t++) {
                    ws[i][t] = w[i][support[t]];
                }
            }
            double[] coef = leastSquares(ws, x);
            for (int t = 0; t <= s; t++) {
                h[support[t]] = coef[t];
            }
            for (int i = 0; i < d; i++) {
                double fit = 0;
                for (int t = 0; t <= s; t++) {
                    fit += w[i][support[t]] * coef[t];
                }
                r[i] = x[i] - fit;
            }
        }
        return h;
        // END SOLUTION
    }

    /** The least-squares solution c of a·c ≈ b (a has d rows and at most d linearly independent columns), by EJML's QR. */
    static double[] leastSquares(double[][] a, double[] b) {
        DMatrixRMaj c = new DMatrixRMaj(a[0].length, 1);
        CommonOps_DDRM.solve(new DMatrixRMaj(a), DMatrixRMaj.wrap(b.length, 1, b.clone()), c);
        return c.data;
    }
}
