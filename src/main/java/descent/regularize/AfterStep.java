package descent.regularize;

/**
 * An operation on the parameters around each optimizer step: a projection onto a constraint set, the proximal step of
 * an L¹ penalty, the update of a KKT multiplier, decoupled weight decay. {@link ProjectedOptimizer} runs a list of them:
 * every {@link #beforeStep()} before the wrapped optimizer's step, every {@link #afterStep(double)} after it.
 */
@FunctionalInterface
public interface AfterStep {

    /** Acts on the parameters; {@code learningRate} is the ε of the step just taken. */
    void afterStep(double learningRate);

    /** Runs before the step (to remember the values the step starts from, say); nothing by default. */
    default void beforeStep() {
    }
}
