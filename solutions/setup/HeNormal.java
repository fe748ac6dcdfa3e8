package setup;

import java.util.Random;

/**
 * Exercise 04.2: He et al.'s initialization for ReLU layers (COMP541 lecture 4, "randn(fan_in, fan_out)/√(fan_in/2)";
 * beyond Aggarwal §3.3.3, which stops at Glorot):
 * <pre>
 *   W_ij ~ N(0, 2/r),   r = fan-in,   i.e. standard deviation √(2/r)
 * </pre>
 * A ReLU zeroes half of a symmetric input, halving E[h²]; the factor 2 puts it back, so the pre-activation variance
 * stays the same from layer to layer. Draw with {@code new Random(seed).nextGaussian()}, row by row. A fan-in or
 * fan-out below 1 is an {@link IllegalArgumentException} naming the value.
 */
public final class HeNormal {

    private HeNormal() {
    }

    /** A fanIn × fanOut matrix drawn from N(0, 2/fanIn). */
    public static double[][] sample(int fanIn, int fanOut, long seed) {
        // BEGIN SOLUTION 04.2 He normal initialization
        if (fanIn < 1 || fanOut < 1) {
            throw new IllegalArgumentException("fan-in and fan-out must be ≥ 1, got " + fanIn + " and " + fanOut);
        }
        double std = Math.sqrt(2.0 / fanIn);
        Random rng = new Random(seed);
        double[][] w = new double[fanIn][fanOut];
        for (int i = 0; i < fanIn; i++) {
            for (int j = 0; j < fanOut; j++) {
                w[i][j] = std * rng.nextGaussian();
            }
        }
        return w;
        // END SOLUTION
    }
}
