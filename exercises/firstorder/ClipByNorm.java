package firstorder;

/**
 * Exercise 02.7: gradient clipping by norm (Goodfellow et al. §8.2.4, Aggarwal §3.5.5). If the 2-norm of g exceeds
 * τ, rescale g to norm τ, keeping its direction; otherwise leave it alone.
 * <pre>
 *   if ‖g‖ > τ:  g ← τ·g/‖g‖
 * </pre>
 */
public final class ClipByNorm {

    private ClipByNorm() {
    }

    /**
     * @param g   the gradient (clipped in place)
     * @param tau the threshold τ &gt; 0
     * @return ‖g‖ before clipping
     */
    public static double clip(double[] g, double tau) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 02.7 (clip by norm) is not implemented yet");
    }
}
