package descent.regularize;

/**
 * An operation on the parameters that runs after each optimizer step: a projection onto a constraint set, the
 * proximal step of an L¹ penalty, the update of a KKT multiplier. {@link ProjectedOptimizer} runs a list of them.
 */
@FunctionalInterface
public interface AfterStep {

    /** Acts on the parameters; {@code learningRate} is the ε of the step just taken. */
    void afterStep(double learningRate);
}
