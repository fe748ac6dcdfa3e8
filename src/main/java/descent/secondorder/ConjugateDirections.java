package descent.secondorder;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Conjugate directions from an arbitrary basis (Aggarwal exercise 11): Gram–Schmidt in the H inner product
 * ⟨u, v⟩_H = uᵀHv,
 * <pre>
 *   q₀ = v₀,   qₜ₊₁ = vₜ₊₁ + Σᵢ₌₀..ₜ βₜᵢ qᵢ,   βₜᵢ = −qᵢᵀHvₜ₊₁ / qᵢᵀHqᵢ.
 * </pre>
 * It must keep every earlier qᵢ (and Hqᵢ): O(d²) memory and O(d²) vector operations in all. When the vᵢ are
 * the successive CG gradients every βₜᵢ with i &lt; t vanishes (exercise 12), which is why CG needs only the
 * last direction; {@link #previousOnly} keeps only that last term and, for a general basis, loses conjugacy.
 */
public final class ConjugateDirections {

    private ConjugateDirections() {
    }

    /**
     * @param h symmetric positive definite d×d
     * @param basis linearly independent vectors v₀, …, v_{k−1}, each of length d (k ≤ d)
     * @return q₀, …, q_{k−1}, mutually H-conjugate
     * @throws IllegalArgumentException when a qᵢᵀHqᵢ ≤ 0 (H not positive definite, or the basis dependent)
     */
    public static double[][] fromBasis(DMatrixRMaj h, double[][] basis) {
        return build(h, basis, false);
    }

    /** The cheap but wrong variant: only the i = t term of the sum (the counter-example of exercise 11). */
    public static double[][] previousOnly(DMatrixRMaj h, double[][] basis) {
        return build(h, basis, true);
    }

    /** The k×k matrix QᵀHQ, diagonal exactly when the directions are conjugate. */
    public static DMatrixRMaj gram(DMatrixRMaj h, double[][] q) {
        int k = q.length, d = h.numRows;
        DMatrixRMaj qm = new DMatrixRMaj(d, k);
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < d; i++) {
                qm.set(i, j, q[j][i]);
            }
        }
        DMatrixRMaj hq = new DMatrixRMaj(d, k), out = new DMatrixRMaj(k, k);
        CommonOps_DDRM.mult(h, qm, hq);
        CommonOps_DDRM.multTransA(qm, hq, out);
        return out;
    }

    /** max over i ≠ j of |qᵢᵀHqⱼ| / √(qᵢᵀHqᵢ · qⱼᵀHqⱼ): 0 for perfectly conjugate directions. */
    public static double worstConjugacy(DMatrixRMaj h, double[][] q) {
        DMatrixRMaj g = gram(h, q);
        double worst = 0;
        for (int i = 0; i < g.numRows; i++) {
            for (int j = 0; j < g.numCols; j++) {
                if (i != j) {
                    worst = Math.max(worst, Math.abs(g.get(i, j)) / Math.sqrt(g.get(i, i) * g.get(j, j)));
                }
            }
        }
        return worst;
    }

    private static double[][] build(DMatrixRMaj h, double[][] basis, boolean previousOnly) {
        int d = h.numRows;
        if (h.numCols != d) {
            throw new IllegalArgumentException("ConjugateDirections needs a square H, got " + h.numRows + "x" + h.numCols);
        }
        if (basis.length > d) {
            throw new IllegalArgumentException("ConjugateDirections: " + basis.length + " vectors in dimension " + d
                    + " cannot be linearly independent");
        }
        int k = basis.length;
        double[][] q = new double[k][];
        double[][] hq = new double[k][];
        double[] qhq = new double[k];
        for (int t = 0; t < k; t++) {
            Vectors.requireLength(basis[t], d, "basis vector " + t, "ConjugateDirections");
            double[] v = basis[t];
            double[] next = v.clone();
            for (int i = previousOnly ? Math.max(0, t - 1) : 0; i < t; i++) {
                double beta = -Vectors.dot(hq[i], v) / qhq[i];
                Vectors.axpy(beta, q[i], next);
            }
            q[t] = next;
            hq[t] = new double[d];
            CommonOps_DDRM.mult(h, DMatrixRMaj.wrap(d, 1, next), DMatrixRMaj.wrap(d, 1, hq[t]));
            qhq[t] = Vectors.dot(next, hq[t]);
            if (!(qhq[t] > 0)) {
                throw new IllegalArgumentException("ConjugateDirections: q" + t + "ᵀHq" + t + " = " + qhq[t]
                        + " ≤ 0; H must be positive definite and the basis linearly independent");
            }
        }
        return q;
    }
}
