package firstorder;

/**
 * Exercise 02.1: one step of SGD with momentum, Goodfellow et al. Algorithm 8.2 (eqs. 8.15–8.16).
 * <pre>
 *   v ← αv − εg
 *   θ ← θ + v
 * </pre>
 * Both arrays are updated in place; the velocity carries over to the next call.
 */
public final class MomentumStep {

    private MomentumStep() {
    }

    /**
     * @param theta the parameters θ (updated in place)
     * @param v     the velocity v (updated in place; zeros before the first step)
     * @param g     the gradient at θ
     * @param eps   the learning rate ε
     * @param alpha the momentum α ∈ [0, 1)
     */
    public static void step(double[] theta, double[] v, double[] g, double eps, double alpha) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 02.1 (momentum step) is not implemented yet");
    }
}
