package secondorder;

/**
 * Exercise 03.7 (Aggarwal exercise 7): mutually H-conjugate directions q₀, …, q_{k−1} are linearly independent when H
 * is positive definite. The proof is a computation: if v = Σᵢ cᵢqᵢ, multiply by q_jᵀH; every cross term q_jᵀHqᵢ
 * vanishes, leaving
 * <pre>
 *   q_jᵀH v = c_j · q_jᵀH q_j,     so     c_j = q_jᵀH v / q_jᵀH q_j.
 * </pre>
 * With v = 0 every c_j is 0: the directions are independent. The division needs q_jᵀHq_j ≠ 0, which positive
 * definiteness guarantees; with an indefinite H a nonzero direction can be conjugate to itself (q_jᵀHq_j = 0) and the
 * argument, and the coefficients, fail.
 */
public final class ConjugateCoefficients {

    private ConjugateCoefficients() {
    }

    /**
     * The coefficients c of v in the conjugate directions q (so that v = Σ c_j q_j when v lies in their span).
     *
     * @param h symmetric d×d matrix (not modified)
     * @param q k mutually H-conjugate directions of length d (not modified)
     * @param v a vector of length d (not modified)
     * @return c, a new array of length k, with c_j = q_jᵀHv / q_jᵀHq_j
     * @throws IllegalArgumentException naming j when q_jᵀHq_j is zero, i.e. |q_jᵀHq_j| ≤ 1e-12·(q_jᵀq_j)·max|H_rs|
     */
    public static double[] of(double[][] h, double[][] q, double[] v) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 03.7 (coefficients in a conjugate basis) is not implemented yet");
    }

    static double[] times(double[][] h, double[] x) {
        double[] out = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            for (int s = 0; s < x.length; s++) {
                out[r] += h[r][s] * x[s];
            }
        }
        return out;
    }
}
