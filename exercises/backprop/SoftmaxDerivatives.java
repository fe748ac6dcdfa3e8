package backprop;

/**
 * Book exercise 10 of the training chapter (Aggarwal ch. 3, §3.2.5.1): the softmax o_i = exp(v_i)/Σ_j exp(v_j)
 * (eq. 3.20), its Jacobian ∂o_i/∂v_j = o_i(δ_ij − o_j), and the gradient of the cross-entropy L = −Σ_i y_i log o_i
 * (eq. 3.21) with respect to the scores, which collapses to o − y (eq. 3.22) when the targets sum to 1.
 */
public final class SoftmaxDerivatives {

    private SoftmaxDerivatives() {
    }

    /** o = softmax(v), computed stably by subtracting max_j v_j first. */
    public static double[] softmax(double[] v) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 01.10 (softmax) is not implemented yet");
    }

    /** J with J[i][j] = ∂o_i/∂v_j. */
    public static double[][] jacobian(double[] v) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 01.10 (softmax Jacobian) is not implemented yet");
    }

    /** ∂L/∂v for L = −Σ_i y_i log softmax(v)_i, with targets y summing to 1. */
    public static double[] crossEntropyGradient(double[] v, double[] y) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 01.10 (cross-entropy gradient o − y) is not implemented yet");
    }
}
