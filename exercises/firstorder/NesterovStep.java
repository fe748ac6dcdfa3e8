package firstorder;

import java.util.function.Function;

/**
 * Exercise 02.2: one step of SGD with Nesterov momentum, Goodfellow et al. Algorithm 8.3 (eqs. 8.21–8.22).
 * <pre>
 *   θ̃ ← θ + αv          (the interim point)
 *   g ← ∇f(θ̃)            (ask {@code gradient} at θ̃, not at θ)
 *   v ← αv − εg
 *   θ ← θ + v
 * </pre>
 * Do not modify θ while forming θ̃: build θ̃ in a new array.
 */
public final class NesterovStep {

    private NesterovStep() {
    }

    /**
     * @param theta    the parameters θ (updated in place)
     * @param v        the velocity v (updated in place)
     * @param gradient returns ∇f at the point it is given (a fresh array)
     * @param eps      the learning rate ε
     * @param alpha    the momentum α ∈ [0, 1)
     */
    public static void step(double[] theta, double[] v, Function<double[], double[]> gradient, double eps, double alpha) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 02.2 (Nesterov momentum step) is not implemented yet");
    }
}
