package setup;

/**
 * Exercise 04.6: the backward pass of a parametric ReLU (COMP541 lecture 4, "PReLU"; the learned form of Aggarwal
 * eq. 3.39). Unit j has its own slope α_j; for a batch x (rows are examples) and the upstream gradient g = ∂L/∂y:
 * <pre>
 *   y_ij = x_ij if x_ij &gt; 0, else α_j·x_ij
 *   ∂L/∂x_ij = g_ij if x_ij &gt; 0, else α_j·g_ij
 *   ∂L/∂α_j  = Σ_i [x_ij ≤ 0] · x_ij · g_ij        (summed over the batch)
 * </pre>
 * Shapes that do not fit (g not the shape of x, or α not one slope per column) are an
 * {@link IllegalArgumentException} naming them.
 */
public final class PReLUBackward {

    private PReLUBackward() {
    }

    /** ∂L/∂x (the shape of x) and ∂L/∂α (one entry per column). */
    public record Gradients(double[][] dx, double[] dAlpha) {
    }

    public static Gradients backward(double[][] x, double[][] upstream, double[] alpha) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 04.6 (PReLU backward) is not implemented yet");
    }
}
