package normalization;

/**
 * Exercise 08.3: the backward pass of training-mode batch normalization (Aggarwal §3.6, eqs. 3.62–3.65) in the compact
 * form, for g_r = ∂L/∂a⁽ʳ⁾ given:
 * <pre>
 *   ∂L/∂βᵢ = Σ_r g_r,   ∂L/∂γᵢ = Σ_r g_r v̂ᵢ⁽ʳ⁾,   ∂L/∂vᵢ⁽ʳ⁾ = γᵢ/(mσᵢ) · [m g_r − Σ_q g_q − v̂ᵢ⁽ʳ⁾ Σ_q g_q v̂ᵢ⁽q⁾]
 * </pre>
 * with μᵢ, σᵢ = √(varᵢ + ε) and v̂ as in the forward pass (biased variance, ε inside the root).
 */
public final class BatchNormBackward {

    private BatchNormBackward() {
    }

    /**
     * @param v     the batch the forward pass saw, m×n
     * @param gamma γ, length n
     * @param eps   ε
     * @param g     ∂L/∂a, m×n
     * @return ∂L/∂v, a new m×n array
     */
    public static double[][] input(double[][] v, double[] gamma, double eps, double[][] g) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 08.3 (batch normalization backward) is not implemented yet");
    }

    /**
     * @return {∂L/∂γ, ∂L/∂β}, two new arrays of length n
     */
    public static double[][] parameters(double[][] v, double eps, double[][] g) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 08.3 (batch normalization backward) is not implemented yet");
    }
}
