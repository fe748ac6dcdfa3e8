package datanoise;

/**
 * Exercise 06.5: the backward pass of a 1-D convolution, the standard example of parameter sharing (Goodfellow et al.
 * §7.9). One channel, one filter w of length K, stride s, zero padding p: the layer computes
 * <pre>
 *   y[t] = Σ_{k=0}^{K−1} w[k] · x[t·s − p + k]      (x is 0 outside 0 … L−1),   t = 0 … L_o − 1,
 *   L_o  = ⌊(L + 2p − K)/s⌋ + 1
 * </pre>
 * (a cross-correlation, as {@code descent.nn.Conv1d} and every deep-learning library compute it). Given the upstream
 * gradient g = ∂L/∂y, return ∂L/∂x and ∂L/∂w. Each w[k] is used at every output position, so its gradient is the sum
 * over positions (Aggarwal §3.2.9); each x[i] is used by every window that covers it.
 */
public final class ConvBackward {

    private ConvBackward() {
    }

    /**
     * @param x       the input, length L
     * @param w       the filter, length K ≤ L + 2p
     * @param gradOut ∂L/∂y, length L_o
     * @param stride  s ≥ 1
     * @param padding p ≥ 0
     * @return {∂L/∂x (length L), ∂L/∂w (length K)}
     * @throws IllegalArgumentException when {@code gradOut} does not have L_o entries (the message names both lengths)
     */
    public static double[][] backward(double[] x, double[] w, double[] gradOut, int stride, int padding) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 06.5 (convolution backward) is not implemented yet");
    }
}
