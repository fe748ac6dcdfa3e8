package normalization;

/**
 * Exercise 08.7: the gradient of a hashed layer's buckets (Aggarwal §3.7.3, hash-based compression). Position (i, j) of
 * the weight matrix uses the shared weight z_{h(i,j)}; like any shared weight (§3.2.9), a bucket's gradient is the sum of
 * the gradients of the positions that use it.
 */
public final class HashedGradient {

    private HashedGradient() {
    }

    /**
     * @param dW      ∂L/∂W for the full n_in×n_out matrix (as if every position had its own weight)
     * @param bucket  bucket[i][j] = h(i, j) ∈ [0, K)
     * @param buckets K
     * @return ∂L/∂z, a new array of length K (0 for a bucket no position uses)
     */
    public static double[] bucketGradient(double[][] dW, int[][] bucket, int buckets) {
        // BEGIN SOLUTION 08.7 hashed layer bucket gradient
        double[] dz = new double[buckets];
        for (int i = 0; i < dW.length; i++) {
            for (int j = 0; j < dW[i].length; j++) {
                dz[bucket[i][j]] += dW[i][j];
            }
        }
        return dz;
        // END SOLUTION
    }
}
