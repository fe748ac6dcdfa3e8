package ensembles;

/**
 * Exercise 07.5: a dropout layer's forward and backward pass with a given mask (the draft of Goodfellow et al. ch. 7,
 * §7.11; COMP541 lecture 4, slides 57–59). x and the mask μ are batch × units; μ holds 0 (dropped) or 1 (kept); p is
 * the keep probability.
 * <pre>
 *                   training            inference
 *   vanilla         h = μ ⊙ x           h = p x       (the weight scaling rule)
 *   inverted        h = (μ / p) ⊙ x     h = x         (beyond the draft: slide 59)
 * </pre>
 * The backward pass multiplies the upstream gradient by the same factor the forward pass used: ∂L/∂x = factor ⊙ ∂L/∂h
 * (in inference mode the mask is ignored).
 */
public final class DropoutMask {

    private DropoutMask() {
    }

    /**
     * @param x        the input, batch × units
     * @param mask     μ, the same shape, entries 0 or 1
     * @param keep     p ∈ (0, 1]
     * @param training training mode (mask) or inference mode (scale)
     * @param inverted inverted dropout (÷p at training) instead of vanilla (×p at inference)
     * @return h
     * @throws IllegalArgumentException when p ∉ (0, 1]
     */
    public static double[][] forward(double[][] x, double[][] mask, double keep, boolean training, boolean inverted) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 07.5 (dropout forward) is not implemented yet");
    }

    /**
     * @param gradOut ∂L/∂h, batch × units
     * @return ∂L/∂x for the same mask, p and modes as the forward pass
     * @throws IllegalArgumentException when p ∉ (0, 1]
     */
    public static double[][] backward(double[][] gradOut, double[][] mask, double keep, boolean training, boolean inverted) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 07.5 (dropout backward) is not implemented yet");
    }
}
