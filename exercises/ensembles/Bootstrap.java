package ensembles;

import java.util.Random;

/**
 * Exercise 07.1: a bootstrap replicate (the draft of Goodfellow et al. ch. 7, §7.10, bagging after Breiman 1994). From
 * a training set of m examples, draw m indices uniformly <em>with replacement</em>:
 * <pre>
 *   Random rng = new Random(seed);     idx[i] = rng.nextInt(m)   for i = 0, 1, …, m − 1   (in this order)
 * </pre>
 * Some examples appear twice or more, others not at all: on average a fraction 1 − (1 − 1/m)^m → 1 − 1/e ≈ 0.632 of
 * the examples is present (the draft says "about 2/3").
 */
public final class Bootstrap {

    private Bootstrap() {
    }

    /**
     * @param m    the number of training examples, ≥ 1
     * @param seed the seed of the {@code java.util.Random} that draws the indices
     * @return m indices in [0, m), drawn with replacement in the order above
     * @throws IllegalArgumentException when m &lt; 1
     */
    public static int[] sample(int m, long seed) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 07.1 (bootstrap replicate) is not implemented yet");
    }
}
