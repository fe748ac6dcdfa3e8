package penalties;

/**
 * Exercise 05.3: the L¹-regularized minimizer when the Hessian is diagonal, Goodfellow et al. eqs. 7.22–7.23. Each
 * coordinate solves its own problem min ½H_ii(wᵢ − wᵢ*)² + α|wᵢ|, whose answer is the soft threshold
 * <pre>
 *   wᵢ = sign(wᵢ*) max(|wᵢ*| − α/H_ii, 0).
 * </pre>
 * (The draft chapter 7 writes β for α and γᵢ for H_ii.)
 */
public final class LassoDiagonal {

    private LassoDiagonal() {
    }

    /**
     * @param wStar the unregularized minimizer w*
     * @param hDiag the diagonal of H, every entry &gt; 0
     * @param alpha the L¹ coefficient α ≥ 0
     * @return the regularized minimizer, a new array
     * @throws IllegalArgumentException when some H_ii ≤ 0
     */
    public static double[] solve(double[] wStar, double[] hDiag, double alpha) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 05.3 (soft threshold) is not implemented yet");
    }
}
