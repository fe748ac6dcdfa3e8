package descent.nn;

/**
 * Evaluates the loss at the parameters' current values and writes ∂L/∂θ into every parameter's gradient,
 * overwriting what was there. First-order optimizers call it once per step, or more often when they need a
 * gradient at a shifted point (Nesterov, SAM): they move the parameters, call the oracle, and move them back.
 */
@FunctionalInterface
public interface GradientOracle {

    /** @return the loss at the current parameter values */
    double evaluate();
}
