package secondorder;

/**
 * Exercise 03.11 (Aggarwal exercise 11): turn any linearly independent vectors v₀, …, v_{k−1} into mutually
 * H-conjugate directions by Gram–Schmidt in the H inner product ⟨a, b⟩ = aᵀHb:
 * <pre>
 *   q₀ = v₀
 *   qₜ₊₁ = vₜ₊₁ + Σᵢ₌₀..ₜ βₜᵢ qᵢ,    βₜᵢ = −qᵢᵀH vₜ₊₁ / qᵢᵀH qᵢ
 * </pre>
 * (multiply qₜ₊₁ by qⱼᵀH and use the conjugacy of the earlier directions to see why βₜᵢ has this value). Unlike CG,
 * every earlier direction must be kept.
 */
public final class ConjugateBasis {

    private ConjugateBasis() {
    }

    /**
     * @param h     symmetric positive definite d×d matrix (not modified)
     * @param basis k ≤ d linearly independent vectors of length d (not modified)
     * @return q₀, …, q_{k−1}, new arrays, with qᵢᵀHqⱼ = 0 for i ≠ j
     */
    public static double[][] fromBasis(double[][] h, double[][] basis) {
        // BEGIN SOLUTION 03.11 conjugate directions from a basis
        int k = basis.length, d = h.length;
        double[][] q = new double[k][];
        double[][] hq = new double[k][];
        for (int t = 0; t < k; t++) {
            double[] v = basis[t];
            double[] next = v.clone();
            for (int i = 0; i < t; i++) {
                double beta = -dot(hq[i], v) / dot(q[i], hq[i]);   // qᵢᵀHv = (Hqᵢ)ᵀv, H symmetric
                for (int j = 0; j < d; j++) {
                    next[j] += beta * q[i][j];
                }
            }
            q[t] = next;
            hq[t] = new double[d];
            for (int r = 0; r < d; r++) {
                hq[t][r] = dot(h[r], next);
            }
        }
        return q;
        // END SOLUTION
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
