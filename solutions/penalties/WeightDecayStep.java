package penalties;

/**
 * Exercise 05.1: one step of gradient descent with L² weight decay, Goodfellow et al. eqs. 7.2–7.5. The penalty
 * (α/2)‖w‖² acts on the weights only; the biases take a plain step (§7.1: biases are not penalized).
 * <pre>
 *   w ← (1 − εα) w − ε ∇_w J       (eq. 7.5: shrink the weights, then the usual step)
 *   b ← b − ε ∇_b J                (no decay on the biases)
 * </pre>
 * ∇_w J is the gradient of the data loss at the weights before the step.
 */
public final class WeightDecayStep {

    private WeightDecayStep() {
    }

    /**
     * Updates {@code w} and {@code b} in place.
     *
     * @param w the weights
     * @param b the biases
     * @param gw ∇_w J, same length as w
     * @param gb ∇_b J, same length as b
     * @param epsilon the learning rate ε &gt; 0
     * @param alpha the decay coefficient α ≥ 0
     * @throws IllegalArgumentException when α is negative or NaN
     */
    public static void step(double[] w, double[] b, double[] gw, double[] gb, double epsilon, double alpha) {
        // BEGIN SOLUTION 05.1 L2 weight-decay step
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException("the decay coefficient α must be ≥ 0, got " + alpha);
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = (1 - epsilon * alpha) * w[i] - epsilon * gw[i];
        }
        for (int i = 0; i < b.length; i++) {
            b[i] -= epsilon * gb[i];
        }
        // END SOLUTION
    }
}
