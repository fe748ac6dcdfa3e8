package ensembles;

/**
 * Exercise 07.4: the dropout ensemble of a softmax regression, exactly (the draft of Goodfellow et al. ch. 7, §7.11,
 * eq. 7.30). The model is P(y | v) = softmax(Wᵀv + b)_y with n inputs v and K classes; the sub-model with mask
 * d ∈ {0,1}ⁿ sees d ⊙ v. With keep probability ½ all 2ⁿ masks are equally likely, and the ensemble is the renormalized
 * geometric mean
 * <pre>
 *   P̃(y | v) = (Π_d P(y | v; d))^{1/2ⁿ},      P_ens(y | v) = P̃(y | v) / Σ_{y'} P̃(y' | v)
 * </pre>
 * Compute it by visiting every mask (bit i of an integer 0 … 2ⁿ − 1 says whether input i is kept). The draft shows
 * that the result equals softmax(½Wᵀv + b) — the weight scaling rule; use that to check your answer, not to compute it.
 */
public final class DropoutEnumeration {

    private DropoutEnumeration() {
    }

    /**
     * @param w W, n × K (row i: the weights from input i to the K classes)
     * @param b the K class biases
     * @param v the n inputs, 1 ≤ n ≤ 20
     * @return P_ens(y | v) for y = 0 … K − 1
     * @throws IllegalArgumentException when n is 0 or above 20, or the shapes of W, b and v disagree
     */
    public static double[] geometricMean(double[][] w, double[] b, double[] v) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 07.4 (exact dropout ensemble of softmax regression) is not implemented yet");
    }
}
