package descent.optim;

import descent.nn.GradientOracle;
import descent.nn.Param;
import descent.validate.Require;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
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
 *   point). Methods that need a gradient elsewhere ({@link #needsOracle()}) refuse this with an
 *   {@link UnsupportedOperationException}.</li>
 * </ul>
 *
 * <p><b>Writing an optimizer.</b> There is one hook, {@link #update(GradientOracle)}: one step of the algorithm
 * box, calling {@code gradient.evaluate()} wherever the box says "g ← gradient at θ" (it fills
 * {@link Param#grad()} and returns the loss there), and returning the loss where the step began. Under
 * {@link #step()} the oracle passed in returns NaN and leaves the stored gradients alone, so an update that
 * evaluates only at the point where it starts works both ways; one that evaluates anywhere else passes
 * {@link Needs#ORACLE} to the constructor. A wrapper (projection after a step, SAM) calls
 * {@code inner.step(gradient)} with the oracle it was given. State is cleared in {@link #resetState()}.
 *
 * <p>The learning rate is the ε of Goodfellow et al. §8.3; a schedule changes it between steps through
 * {@link #setLearningRate(double)}. {@link #reset()} clears the state (and the step counter) but keeps the
 * hyperparameters and the parameter values.
 */
public abstract class Optimizer {

    /** Where an optimizer needs the gradient during one step. */
    public enum Needs {
        /** Only at the point where the step starts: {@link #step()} with gradients the caller stored works. */
        GRADIENT_AT_START,
        /** Also at points it moves the parameters to during the step: only {@link #step(GradientOracle)}. */
        ORACLE
    }

    /** What {@link #step()} hands to {@link #update}: the gradients are already stored; the loss is unknown. */
    private static final GradientOracle STORED = () -> Double.NaN;

    protected final List<Param> params;
    // offsets[i] = where parameter i starts in the flat vector (for sliced steps); offsets[params.size()] = its length
    private final int[] offsets;
    private final Needs needs;
    private double learningRate;
    private long steps;

    /** An optimizer that needs the gradient only where each step starts. */
    protected Optimizer(List<Param> params, double learningRate) {
        this(params, learningRate, Needs.GRADIENT_AT_START);
    }

    protected Optimizer(List<Param> params, double learningRate, Needs needs) {
        if (params == null || params.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs at least one parameter, got "
                    + params);
        }
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i) == null) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ": parameter " + i + " is null");
            }
        }
        if (needs == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": needs is null");
        }
        this.params = List.copyOf(params);
        this.offsets = new int[this.params.size() + 1];
        for (int i = 0; i < this.params.size(); i++) {
            offsets[i + 1] = offsets[i] + this.params.get(i).size();
        }
        this.needs = needs;
        this.learningRate = Require.nonNegative(getClass().getSimpleName() + ": learning rate ε", learningRate);
    }

    /**
     * One step that obtains the gradient from {@code oracle}, wherever the algorithm needs it.
     *
     * @return the loss at the point the parameters held when the step began
     */
    public final double step(GradientOracle oracle) {
        if (oracle == null) {
            throw new IllegalArgumentException(name() + ": the gradient oracle is null");
        }
        steps++;
        return update(oracle);
    }

    /** Where this optimizer needs the gradient during a step ({@link Needs#ORACLE}: only {@link #step(GradientOracle)} works). */
    public final Needs needs() {
        return needs;
    }

    /** One step from the gradients already stored in the parameters. */
    public final void step() {
        if (needs == Needs.ORACLE) {
            throw new UnsupportedOperationException(name() + " needs the gradient at a shifted point; call "
                    + "step(oracle) with a GradientOracle instead of step()");
        }
        steps++;
        update(STORED);
    }

    /**
     * True when one step can be taken as a <i>sliced step</i>: {@link #beginSlicedStep()} once, then
     * {@link #stepSlice(int, int)} over disjoint ranges that together cover the flat parameter vector (the order of
     * the parameters, row-major within each), possibly from several threads at once. Methods whose update is
     * elementwise (Adam, AdamW) support it; the result is bit for bit that of {@link #step()}.
     */
    public final boolean supportsSlicedSteps() {
        return slicesSupported();
    }

    /**
     * Starts one step from the stored gradients that will be applied slice by slice: counts the step and fixes what
     * the whole step shares (Adam's t and bias corrections). Call it from one thread, then let every slice be applied
     * once with {@link #stepSlice}; the step is complete when all have been.
     *
     * @throws UnsupportedOperationException when {@link #supportsSlicedSteps()} is false
     */
    public final void beginSlicedStep() {
        if (!slicesSupported()) {
            throw new UnsupportedOperationException(name() + " cannot update its parameters slice by slice; use step()");
        }
        steps++;
        beginSlices();
    }

    /**
     * Applies the step begun by {@link #beginSlicedStep()} to the entries [from, to) of the flat parameter vector
     * (length {@link #dimension()}). Slices of one step must not overlap; different threads may apply different slices.
     */
    public final void stepSlice(int from, int to) {
        if (from < 0 || to > offsets[params.size()] || from > to) {
            throw new IllegalArgumentException(name() + ": slice [" + from + ", " + to + ") is not inside the "
                    + offsets[params.size()] + " parameters");
        }
        for (int i = 0; i < params.size(); i++) {
            int lo = Math.max(from, offsets[i]), hi = Math.min(to, offsets[i + 1]);
            if (lo < hi) {
                updateSlice(i, lo - offsets[i], hi - offsets[i]);
            }
        }
    }

    /** Number of scalar parameters: the length of the flat vector that {@link #stepSlice} indexes. */
    public final int dimension() {
        return offsets[params.size()];
    }

    /** Whether {@link #beginSlices()} and {@link #updateSlice} are implemented (false by default). */
    protected boolean slicesSupported() {
        return false;
    }

    /** A sliced step begins: advance counters and fix the step's scalars (only when {@link #slicesSupported()}). */
    protected void beginSlices() {
        throw new UnsupportedOperationException(name());
    }

    /** The update of the current sliced step on entries [from, to) of parameter {@code param} alone. */
    protected void updateSlice(int param, int from, int to) {
        throw new UnsupportedOperationException(name());
    }

    /**
     * The algorithm: one step. Call {@code gradient.evaluate()} where the box takes a gradient (it fills
     * {@link Param#grad()} at the parameters' current values and returns the loss there); read
     * {@code p.grad()}, write {@code p.value()} and the state.
     *
     * @return the loss where the step began (the first evaluation's value; NaN under {@link #step()})
     */
    protected abstract double update(GradientOracle gradient);

    /** True when the algorithm cannot step from a gradient at the current point alone ({@link Needs#ORACLE}). */
    public final boolean needsOracle() {
        return needs == Needs.ORACLE;
    }

    /** Clears all state (velocities, accumulators, moments, the step counter). */
    public void reset() {
        steps = 0;
        resetState();
    }

    /** Clears the optimizer's own state; the default has none. */
    protected void resetState() {
    }

    /** ε, the current learning rate. */
    public double learningRate() {
        return learningRate;
    }

    /** Sets ε for the following steps (a schedule calls this). */
    public void setLearningRate(double learningRate) {
        this.learningRate = Require.nonNegative(name() + ": learning rate ε", learningRate);
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

    /**
     * The arrays this optimizer keeps between steps (velocities, moments), one group per kind of state and one array
     * per parameter in each group, for checkpoints ({@link #writeState}); {@code null} when the optimizer does not
     * support checkpoints. Every optimizer with state that overrides this also overrides {@link #stateCounters()}.
     */
    protected double[][][] stateArrays() {
        return null;
    }

    /** The integer counters of the state (Adam's t); empty by default. */
    protected long[] stateCounters() {
        return new long[0];
    }

    /** Restores the counters written by {@link #stateCounters()}. */
    protected void setStateCounters(long[] counters) {
    }

    /** True when {@link #writeState}/{@link #readState} can save and restore this optimizer. */
    public final boolean supportsCheckpoints() {
        return stateArrays() != null;
    }

    /**
     * Writes everything a future step depends on besides the parameter values: the name, ε, the step counter, the
     * state arrays and counters. {@link #readState} on an optimizer built the same way restores it bit for bit.
     *
     * @throws UnsupportedOperationException when the optimizer does not support checkpoints
     */
    public final void writeState(DataOutput out) throws IOException {
        double[][][] groups = stateArrays();
        if (groups == null) {
            throw new UnsupportedOperationException(name() + " does not support checkpoints yet (it does not expose its "
                    + "state); use Adam, AdamW, SGD or Momentum");
        }
        out.writeUTF(getClass().getName());
        out.writeDouble(learningRate);
        out.writeLong(steps);
        out.writeInt(groups.length);
        for (double[][] group : groups) {
            out.writeInt(group.length);
            for (double[] a : group) {
                out.writeInt(a.length);
                for (double v : a) {
                    out.writeDouble(v);
                }
            }
        }
        long[] counters = stateCounters();
        out.writeInt(counters.length);
        for (long c : counters) {
            out.writeLong(c);
        }
    }

    /**
     * Reads what {@link #writeState} wrote into this optimizer's state. {@code source} names where the bytes came
     * from (the checkpoint file) in the message when they do not fit this optimizer.
     *
     * @throws IllegalStateException naming the source when the saved state belongs to another optimizer or other shapes
     */
    public final void readState(DataInput in, String source) throws IOException {
        double[][][] groups = stateArrays();
        if (groups == null) {
            throw new UnsupportedOperationException(name() + " does not support checkpoints yet");
        }
        String cls = in.readUTF();
        if (!cls.equals(getClass().getName())) {
            throw new IllegalStateException(source + ": the checkpoint holds the state of " + cls + ", not of "
                    + getClass().getName() + " (" + name() + ")");
        }
        double lr = in.readDouble();
        long savedSteps = in.readLong();
        int g = in.readInt();
        if (g != groups.length) {
            throw new IllegalStateException(source + ": " + name() + " state has " + groups.length
                    + " groups of arrays, the checkpoint " + g);
        }
        for (double[][] group : groups) {
            int tensors = in.readInt();
            if (tensors != group.length) {
                throw new IllegalStateException(source + ": " + name() + " has state for " + group.length
                        + " parameters, the checkpoint for " + tensors);
            }
            for (int i = 0; i < group.length; i++) {
                int len = in.readInt();
                if (len != group[i].length) {
                    throw new IllegalStateException(source + ": state of parameter " + params.get(i).name() + " has "
                            + group[i].length + " entries, the checkpoint " + len);
                }
                for (int j = 0; j < len; j++) {
                    group[i][j] = in.readDouble();
                }
            }
        }
        int nc = in.readInt();
        long[] counters = new long[nc];
        for (int i = 0; i < nc; i++) {
            counters[i] = in.readLong();
        }
        if (nc != stateCounters().length) {
            throw new IllegalStateException(source + ": " + name() + " keeps " + stateCounters().length
                    + " counters, the checkpoint " + nc);
        }
        setStateCounters(counters);
        setLearningRate(lr);
        this.steps = savedSteps;
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
