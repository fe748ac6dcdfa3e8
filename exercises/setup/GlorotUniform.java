package setup;

import java.util.Random;

/**
 * Exercise 04.1: Glorot and Bengio's normalized initialization, Goodfellow et al. eq. 8.23, for a layer with m = fan-in
 * inputs and n = fan-out outputs:
 * <pre>
 *   W_ij ~ U(−√(6/(m+n)), +√(6/(m+n)))        so Var(W_ij) = (limit²)/3 = 2/(m+n)
 * </pre>
 * Draw the entries row by row from {@code new Random(seed)} (w[i][j] for input i and unit j); the same seed must give
 * the same matrix. A fan-in or fan-out below 1 is an {@link IllegalArgumentException} naming the value.
 */
public final class GlorotUniform {

    private GlorotUniform() {
    }

    /** A fanIn × fanOut matrix drawn from U(±√(6/(fanIn + fanOut))). */
    public static double[][] sample(int fanIn, int fanOut, long seed) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 04.1 (Glorot uniform initialization) is not implemented yet");
    }
}
