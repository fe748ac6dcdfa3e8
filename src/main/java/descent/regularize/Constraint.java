package descent.regularize;

/**
 * An explicit constraint Ω(θ) ≤ k enforced by reprojection (Goodfellow et al. §7.2; the draft chapter 7, §7.3): take
 * an ordinary step on J, then move θ to the nearest point of the constraint set. Unlike a penalty it does nothing while
 * the weights stay inside, so it neither drags small weights to zero nor needs an α searched for; and it stops the
 * feedback loop "large weights → large gradients → larger weights" that makes a high learning rate overflow.
 *
 * <p>Constraints act on {@link descent.nn.Param.Role#WEIGHT} tensors by default. Wrap an optimizer in a
 * {@link ProjectedOptimizer} to project after every step.
 */
public interface Constraint extends AfterStep {

    /** Moves the parameters to the nearest point (in the Euclidean sense) that satisfies the constraint. */
    void project();

    /** How far the constraint is violated (e.g. max(0, ‖θ‖ − k)); 0 when it holds. */
    double violation();

    @Override
    default void afterStep(double learningRate) {
        project();
    }
}
