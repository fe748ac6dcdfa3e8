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
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 03.11 (conjugate directions from a basis) is not implemented yet");
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
