package secondorder;

import java.util.List;

/**
 * Exercise 03.14: the L-BFGS two-loop recursion (Aggarwal §3.5.6.2; Nocedal and Wright Alg. 7.4). It returns G·g,
 * where G is what you get by starting from γI and applying the BFGS update (eq. 3.56) once for each stored pair
 * (qᵢ, vᵢ), oldest first — without ever forming G:
 * <pre>
 *   r = g
 *   for i = newest … oldest:   ρᵢ = 1/(qᵢᵀvᵢ),  aᵢ = ρᵢ qᵢᵀr,  r = r − aᵢvᵢ
 *   r = γ r
 *   for i = oldest … newest:   bᵢ = ρᵢ vᵢᵀr,  r = r + (aᵢ − bᵢ) qᵢ
 *   return r
 * </pre>
 * The L-BFGS direction is then −G·∇f.
 */
public final class TwoLoop {

    private TwoLoop() {
    }

    /**
     * @param g     the vector to multiply (not modified)
     * @param q     the stored steps, oldest first (each qᵢᵀvᵢ &gt; 0)
     * @param v     the stored gradient changes, same order and length as {@code q}
     * @param gamma the scale γ of the initial estimate γI
     * @return G·g, a new array
     */
    public static double[] apply(double[] g, List<double[]> q, List<double[]> v, double gamma) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 03.14 (L-BFGS two-loop recursion) is not implemented yet");
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
