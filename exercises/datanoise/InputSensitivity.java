package datanoise;

/**
 * Exercise 06.3: the penalty that input noise approximates (the draft chapter 7, §7.6.1, eq. 7.17; Goodfellow et al.
 * §7.5), for a network with one tanh hidden layer and one output,
 * <pre>
 *   ŷ(x) = Σⱼ vⱼ tanh(aⱼ) + c,     aⱼ = Σₖ W[j][k]·xₖ + bⱼ,
 * </pre>
 * W with one row per hidden unit and one column per input. Training with input noise ε ~ N(0, νI) adds, to second
 * order, ν·E‖∇ₓŷ‖² to the squared error.
 * <ul>
 *   <li>{@link #inputGradient}: ∇ₓŷ at x by the chain rule, ∂ŷ/∂xₖ = Σⱼ vⱼ (1 − tanh²(aⱼ)) W[j][k]
 *       (c does not matter, so it is not an argument).</li>
 *   <li>{@link #penalty}: ν·(1/m) Σᵢ ‖∇ₓŷ(xᵢ)‖² over the m rows of xs; ν is the noise <em>variance</em>.</li>
 * </ul>
 */
public final class InputSensitivity {

    private InputSensitivity() {
    }

    /**
     * @param w hidden × inputs weights, b hidden biases, v output weights (one per hidden unit), x one input
     * @return ∇ₓŷ(x), one entry per input
     */
    public static double[] inputGradient(double[][] w, double[] b, double[] v, double[] x) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 06.3 (input gradient) is not implemented yet");
    }

    /**
     * @param xs m inputs, one per row; nu ν ≥ 0, the variance of the input noise
     * @return ν·(1/m) Σᵢ ‖∇ₓŷ(xᵢ)‖²
     */
    public static double penalty(double[][] w, double[] b, double[] v, double[][] xs, double nu) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 06.3 (input-gradient penalty) is not implemented yet");
    }
}
