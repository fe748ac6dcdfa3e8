package descent.optim;

import descent.nn.Param;
import descent.objective.GradientOracle;

import java.util.List;

/**
 * A first-order optimizer over a list of parameter tensors, each with its own state (velocity, accumulated
 * squared gradients, moments), allocated once in the constructor so that a step allocates nothing.
 *
 * <p>Two ways to take a step:
 * <ul>
 *   <li>{@link #step(GradientOracle)}: the optimizer asks the oracle for the loss and the gradient wherever the
 *   algorithm box needs them. Methods that look ahead (Nesterov, RMSProp with Nesterov, SAM) move the
 *   parameters, call the oracle and move them back; the others call it once at the current point.</li>
 *   <li>{@link #step()}: the gradients already sit in {@link Param#grad()} (computed by the caller at the current
 *   point). Methods that need a gradient elsewhere refuse this with an {@link UnsupportedOperationException}.</li>
 * </ul>
 *
 * <p>The learning rate is the ε of Goodfellow et al. §8.3; a schedule changes it between steps through
 * {@link #setLearningRate(double)}. {@link #reset()} clears the state (and the step counter) but keeps the
 * hyperparameters and the parameter values.
 */
public abstract class Optimizer {

    protected final List<Param> params;
    private double learningRate;
    private long steps;

    protected Optimizer(List<Param> params, double learningRate) {
        if (params == null || params.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs at least one parameter, got "
                    + params);
        }
        this.params = List.copyOf(params);
        this.learningRate = Checks.nonNegative(getClass().getSimpleName() + ": learning rate ε", learningRate);
    }

    /**
     * One step that obtains the gradient from {@code oracle}; the default evaluates it once at the current
     * point and calls {@link #step()}.
     *
     * @return the loss at the point the parameters held when the step began
     */
    public double step(GradientOracle oracle) {
        double loss = oracle.evaluate();
        step();
        return loss;
    }

    /** One step from the gradients already stored in the parameters. */
    public final void step() {
        if (needsOracle()) {
            throw new UnsupportedOperationException(name() + " needs the gradient at a shifted point; call "
                    + "step(oracle) with a GradientOracle instead of step()");
        }
        steps++;
        update();
    }

    /** Called by subclasses that override {@link #step(GradientOracle)} and do their own update. */
    protected final void countStep() {
        steps++;
    }

    /** The update rule: reads {@code p.grad()}, writes {@code p.value()} and the state. */
    protected abstract void update();

    /** True when the algorithm cannot step from a gradient at the current point alone. */
    protected boolean needsOracle() {
        return false;
    }

    /** Clears all state (velocities, accumulators, moments, the step counter). */
    public void reset() {
        steps = 0;
        resetState();
    }

    protected abstract void resetState();

    /** ε, the current learning rate. */
    public double learningRate() {
        return learningRate;
    }

    /** Sets ε for the following steps (a schedule calls this). */
    public void setLearningRate(double learningRate) {
        this.learningRate = Checks.nonNegative(name() + ": learning rate ε", learningRate);
    }

    /** Steps taken since construction or the last {@link #reset()}. */
    public long steps() {
        return steps;
    }

    /** The parameters this optimizer updates, in order. */
    public List<Param> params() {
        return params;
    }

    /** A short label for legends and tables. */
    public String name() {
        return getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return name() + "(ε = " + learningRate + ")";
    }

    /** One zero array per parameter, of the parameter's size. */
    protected final double[][] newState() {
        double[][] s = new double[params.size()][];
        for (int i = 0; i < s.length; i++) {
            s[i] = new double[params.get(i).size()];
        }
        return s;
    }

    protected static void zero(double[][] state) {
        for (double[] s : state) {
            java.util.Arrays.fill(s, 0.0);
        }
    }

    /** θ ← θ + c·v for every parameter, v given per tensor. */
    protected final void axpy(double c, double[][] v) {
        for (int i = 0; i < params.size(); i++) {
            double[] w = params.get(i).value().data;
            double[] vi = v[i];
            for (int j = 0; j < vi.length; j++) {
                w[j] += c * vi[j];
            }
        }
    }
}
