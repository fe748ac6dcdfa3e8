package firstorder;

import java.util.Random;

/**
 * Exercise 02.9: the minibatches of one epoch (Goodfellow et al. §8.1.3: minibatches must be drawn at random, so
 * shuffle before every epoch). Shuffle the indices 0 … n − 1 with the Fisher–Yates procedure, drawing from
 * {@code rng = new java.util.Random(seed)} in exactly this order,
 * <pre>
 *   index ← (0, 1, …, n − 1)
 *   for i = n − 1 down to 1:
 *       j ← rng.nextInt(i + 1)
 *       swap index[i] and index[j]
 * </pre>
 * then cut the shuffled list into consecutive batches of m; the last batch holds the n mod m left-overs (if any).
 */
public final class Minibatches {

    private Minibatches() {
    }

    /**
     * @param n   number of examples (≥ 1)
     * @param m   batch size (≥ 1)
     * @param seed seeds the random source {@code new java.util.Random(seed)}, drawn from as described above (a new
     *             seed per epoch gives a new permutation)
     * @return ⌈n/m⌉ arrays of example indices, in order
     */
    public static int[][] epoch(int n, int m, long seed) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 02.9 (minibatches for one epoch) is not implemented yet");
    }
}
