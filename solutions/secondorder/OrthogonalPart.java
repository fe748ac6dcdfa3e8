package secondorder;

/**
 * Exercise 03.8 (Aggarwal exercise 8): a vector with zero dot product with d linearly independent vectors of ℝᵈ is
 * zero. Computed: the part of v orthogonal to span(a₁, …, a_k) is v minus its projection onto that span. Make the
 * a's orthogonal first (Gram–Schmidt: subtract from each aᵢ its projections on the orthogonal vectors found so far,
 * and drop it if nothing is left, because it depended on the earlier ones), then subtract from v its projection on
 * each orthogonal vector:
 * <pre>
 *   bᵢ = aᵢ − Σ_{b earlier} (aᵢᵀb / bᵀb) b        (skip bᵢ when ‖bᵢ‖ ≤ 1e-10·‖aᵢ‖)
 *   v⊥ = v − Σ_b (vᵀb / bᵀb) b
 * </pre>
 * With d independent a's the span is all of ℝᵈ and v⊥ = 0 for every v; a v that is orthogonal to all the a's is its
 * own orthogonal part, so it is 0. In CG (notebook 12) the gradient after d steps is orthogonal to d independent
 * directions, hence zero.
 */
public final class OrthogonalPart {

    private OrthogonalPart() {
    }

    /**
     * @param vectors k vectors of length d, possibly dependent (not modified)
     * @param v       a vector of length d (not modified)
     * @return v⊥, a new array: the component of v orthogonal to every one of the vectors
     */
    public static double[] of(double[][] vectors, double[] v) {
        // BEGIN SOLUTION 03.8 the part of a vector orthogonal to a span
        int d = v.length;
        java.util.List<double[]> basis = new java.util.ArrayList<>();
        for (double[] a : vectors) {
            double[] b = a.clone();
            for (double[] e : basis) {
                double coef = dot(a, e) / dot(e, e);
                for (int i = 0; i < d; i++) {
                    b[i] -= coef * e[i];
                }
            }
            if (Math.sqrt(dot(b, b)) > 1e-10 * Math.sqrt(dot(a, a))) {
                basis.add(b);
            }
        }
        double[] out = v.clone();
        for (double[] e : basis) {
            double coef = dot(v, e) / dot(e, e);
            for (int i = 0; i < d; i++) {
                out[i] -= coef * e[i];
            }
        }
        return out;
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
