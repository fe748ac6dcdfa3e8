package descent.train;

import descent.nn.Param;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.IntConsumer;

/**
 * The early-stopping meta-algorithm (Goodfellow et al. §7.8, Algorithm 7.1): train, look at the validation error every
 * n steps, keep a copy of the parameters whenever it improves, and give up after p evaluations in a row without
 * improvement; the answer is the best copy and the step i* it was taken at, not the last parameters.
 * <pre>
 *   inputs: n (steps between evaluations), p (patience), θ_o
 *   θ ← θ_o;  i ← 0;  j ← 0;  v ← ∞;  θ* ← θ;  i* ← i
 *   while j &lt; p:
 *       run training for n steps;  i ← i + n
 *       v' ← ValidationSetError(θ)
 *       if v' &lt; v:  j ← 0;  θ* ← θ;  i* ← i;  v ← v'
 *       else:       j ← j + 1
 *   return θ*, i*
 * </pre>
 * The copy θ* lives in buffers allocated once, in the constructor: an evaluation copies values and allocates nothing.
 * Improvement is strict (v' &lt; v), so on a tie the earlier step is kept. Because the loop need not end (a validation
 * error that keeps creeping down never exhausts the patience), {@link #maxSteps} adds a cap on i.
 *
 * <p>Two ways to drive it: {@link #run} with any training routine (n steps at a time) and any validation error, or
 * {@link Trainer#earlyStopping} which evaluates the validation loss of {@code fit(train, validation)} every n
 * minibatch steps and restores θ* when the run ends. What to do with the held-out data afterwards is
 * {@link #stepsForSameEpochs} (Algorithm 7.2) or {@link ContinueToTarget} (Algorithm 7.3).
 * <pre>{@code
 * EarlyStopping stop = new EarlyStopping(net.params(), 50, 5);
 * new Trainer(net, optimizer, rng).epochs(1000).earlyStopping(stop).fit(subtrain, valid);
 * stop.bestStep();   // i*; the net now holds θ*
 * }</pre>
 */
public final class EarlyStopping implements Trainer.Monitor {

    private final List<Param> params;
    private final int interval;
    private final int patience;
    private final double[][] best;
    private long maxSteps = Long.MAX_VALUE;
    private descent.nn.Sequential stateOf;
    private byte[] bestLayerState = new byte[0];

    private long i;
    private int j;
    private double v;
    private long bestStep;
    private boolean stopped;
    private long[] evalSteps = new long[16];
    private double[] evalValues = new double[16];
    private int evaluations;

    /**
     * @param params   the tensors θ to snapshot (usually {@code net.params()}, all roles)
     * @param interval n ≥ 1, training steps between two evaluations of the validation error
     * @param patience p ≥ 1, evaluations in a row without improvement before stopping
     */
    public EarlyStopping(List<Param> params, int interval, int patience) {
        if (params == null || params.isEmpty()) {
            throw new IllegalArgumentException("EarlyStopping needs the parameters to snapshot, got " + params);
        }
        if (interval < 1) {
            throw new IllegalArgumentException("EarlyStopping: the evaluation interval n must be ≥ 1 step, got " + interval);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("EarlyStopping: the patience p must be ≥ 1 evaluation, got " + patience);
        }
        this.params = List.copyOf(params);
        this.interval = interval;
        this.patience = patience;
        this.best = new double[this.params.size()][];
        for (int t = 0; t < best.length; t++) {
            best[t] = new double[this.params.get(t).size()];
        }
        reset();
    }

    /** Stop also when i reaches this many steps (the loop of Algorithm 7.1 need not terminate otherwise). */
    public EarlyStopping maxSteps(long cap) {
        if (cap < interval) {
            throw new IllegalArgumentException("EarlyStopping: the step cap must be ≥ the interval n = " + interval
                    + ", got " + cap);
        }
        this.maxSteps = cap;
        return this;
    }

    /**
     * Keep the layers' state (batch normalization's running statistics) with θ*, so that the restored network
     * normalizes with the statistics it had at i*, not with those of the last step. Returns this.
     */
    public EarlyStopping withLayerStateOf(descent.nn.Sequential net) {
        if (net == null) {
            throw new IllegalArgumentException("EarlyStopping: the network whose layer state to keep is null");
        }
        this.stateOf = net;
        snapshot();
        return this;
    }

    /** Back to the first line of the box: i = j = 0, v = ∞, θ* = the current θ, i* = 0, history cleared. */
    public EarlyStopping reset() {
        i = 0;
        j = 0;
        v = Double.POSITIVE_INFINITY;
        bestStep = 0;
        stopped = false;
        evaluations = 0;
        snapshot();
        return this;
    }

    /** The trainer starts a run: {@link #reset()}, so θ_o is the first snapshot; Algorithm 7.1 never stops before training. */
    @Override
    public boolean start(DoubleSupplier validationError) {
        reset();
        return false;
    }

    @Override
    public int interval() {
        return interval;
    }

    public int patience() {
        return patience;
    }

    /**
     * One pass of the loop body after its n training steps: records the validation error v' measured at step
     * {@code step} (= i), snapshots θ if v' &lt; v, and says whether to stop (j = p, or the step cap reached).
     */
    @Override
    public boolean observe(long step, double validationError) {
        if (Double.isNaN(validationError)) {
            throw new IllegalArgumentException("EarlyStopping: the validation error at step " + step + " is NaN");
        }
        if (stopped) {
            throw new IllegalStateException("EarlyStopping already stopped at step " + i + "; call reset() to start again");
        }
        i = step;
        if (evaluations == evalSteps.length) {
            evalSteps = Arrays.copyOf(evalSteps, 2 * evaluations);
            evalValues = Arrays.copyOf(evalValues, 2 * evaluations);
        }
        evalSteps[evaluations] = step;
        evalValues[evaluations] = validationError;
        evaluations++;
        if (validationError < v) {
            j = 0;
            snapshot();
            bestStep = step;
            v = validationError;
        } else {
            j++;
        }
        stopped = j >= patience || i >= maxSteps;
        return stopped;
    }

    /** Algorithm 7.1 returns θ*: copies the best snapshot back into the parameters. */
    @Override
    public void finish() {
        restoreBest();
    }

    /**
     * Runs Algorithm 7.1 from the parameters' current values: {@code train.accept(n)} must run n training steps on θ,
     * {@code validationError} measures v'. Ends with θ* in the parameters.
     */
    public EarlyStopping run(IntConsumer train, DoubleSupplier validationError) {
        if (train == null || validationError == null) {
            throw new IllegalArgumentException("EarlyStopping.run needs a training routine and a validation error, got "
                    + train + ", " + validationError);
        }
        reset();
        long step = 0;
        boolean stop;
        do {
            train.accept(interval);
            step += interval;
            stop = observe(step, validationError.getAsDouble());
        } while (!stop);
        restoreBest();
        return this;
    }

    /** For checkpoints: i, j, v, i*, whether it stopped, the evaluations so far and θ*. */
    void writeState(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeLong(i);
        out.writeInt(j);
        out.writeDouble(v);
        out.writeLong(bestStep);
        out.writeBoolean(stopped);
        out.writeInt(evaluations);
        for (int e = 0; e < evaluations; e++) {
            out.writeLong(evalSteps[e]);
            out.writeDouble(evalValues[e]);
        }
        out.writeInt(best.length);
        for (double[] b : best) {
            Checkpoint.writeDoubles(out, b, b.length);
        }
        out.writeInt(bestLayerState.length);
        out.write(bestLayerState);
    }

    void readState(java.io.DataInputStream in, String source) throws java.io.IOException {
        long si = in.readLong();
        int sj = in.readInt();
        double sv = in.readDouble();
        long sBest = in.readLong();
        boolean sStopped = in.readBoolean();
        int n = in.readInt();
        long[] steps = new long[Math.max(16, n)];
        double[] values = new double[Math.max(16, n)];
        for (int e = 0; e < n; e++) {
            steps[e] = in.readLong();
            values[e] = in.readDouble();
        }
        int tensors = in.readInt();
        if (tensors != best.length) {
            throw new IllegalStateException(source + ": early stopping saved " + tensors + " tensors of θ*, this run has "
                    + best.length);
        }
        for (int t = 0; t < best.length; t++) {
            double[] b = Checkpoint.readDoubles(in);
            if (b.length != best[t].length) {
                throw new IllegalStateException(source + ": early stopping's θ* tensor " + t + " has " + b.length
                        + " entries, parameter " + params.get(t) + " " + best[t].length);
            }
            System.arraycopy(b, 0, best[t], 0, b.length);
        }
        int ls = in.readInt();
        if (ls < 0 || ls > in.available()) {
            throw new java.io.EOFException("layer state of " + ls + " bytes");
        }
        byte[] layerState = new byte[ls];
        in.readFully(layerState);
        bestLayerState = layerState;
        i = si;
        j = sj;
        v = sv;
        bestStep = sBest;
        stopped = sStopped;
        evaluations = n;
        evalSteps = steps;
        evalValues = values;
    }

    /** Copies θ* back into the parameters. */
    public void restoreBest() {
        for (int t = 0; t < best.length; t++) {
            System.arraycopy(best[t], 0, params.get(t).value().data, 0, best[t].length);
        }
        if (stateOf != null) {
            try {
                java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bestLayerState));
                for (descent.nn.Layer l : stateOf.layers()) {
                    l.readState(in, "early stopping's snapshot");
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private void snapshot() {
        for (int t = 0; t < best.length; t++) {
            System.arraycopy(params.get(t).value().data, 0, best[t], 0, best[t].length);
        }
        if (stateOf != null) {
            // only on an improvement, not per step: a few kilobytes for batch norm's statistics
            try {
                java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
                java.io.DataOutputStream out = new java.io.DataOutputStream(b);
                for (descent.nn.Layer l : stateOf.layers()) {
                    l.writeState(out);
                }
                out.flush();
                bestLayerState = b.toByteArray();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** i*, the step of the best evaluation (0 if none improved on ∞). */
    public long bestStep() {
        return bestStep;
    }

    /** v, the best validation error seen (∞ before the first evaluation). */
    public double bestValue() {
        return v;
    }

    /** i, the step of the last evaluation. */
    public long lastStep() {
        return i;
    }

    /** Whether the last {@link #observe} said stop. */
    public boolean stopped() {
        return stopped;
    }

    /** Whether the run ended because the patience ran out (rather than the step cap or the trainer's epochs). */
    public boolean patienceExhausted() {
        return j >= patience;
    }

    public int evaluations() {
        return evaluations;
    }

    /** A copy of θ*'s tensor {@code t} (in the order of the parameter list). */
    public double[] snapshot(int t) {
        return best[t].clone();
    }

    /** One row per evaluation: step, validation error, and whether it improved on the best so far. */
    public Table history() {
        boolean[] improved = new boolean[evaluations];
        double run = Double.POSITIVE_INFINITY;
        for (int e = 0; e < evaluations; e++) {
            improved[e] = evalValues[e] < run;
            run = Math.min(run, evalValues[e]);
        }
        BooleanColumn imp = BooleanColumn.create("improved", evaluations);
        for (int e = 0; e < evaluations; e++) {
            imp.set(e, improved[e]);
        }
        return Table.create("early stopping", LongColumn.create("step", Arrays.copyOf(evalSteps, evaluations)),
                DoubleColumn.create("validation", Arrays.copyOf(evalValues, evaluations)), imp);
    }

    /**
     * Algorithm 7.2 (retrain on all the training data) leaves open whether to repeat i* updates or the same number of
     * passes over the data. Same updates: i* steps. Same passes: i* steps of ⌈m_subtrain/B⌉ per epoch are
     * i* ÷ ⌈m_subtrain/B⌉ epochs, which on the whole training set take that many times ⌈m_train/B⌉ steps (rounded to
     * the nearest step). Retrain a freshly initialized network with {@link Trainer#maxSteps}.
     */
    public static long stepsForSameEpochs(long iStar, int subtrainSize, int trainSize, int batchSize) {
        if (iStar < 0 || subtrainSize < 1 || trainSize < subtrainSize || batchSize < 1) {
            throw new IllegalArgumentException("stepsForSameEpochs needs i* ≥ 0, 1 ≤ m_subtrain ≤ m_train and B ≥ 1, got i* = "
                    + iStar + ", m_subtrain = " + subtrainSize + ", m_train = " + trainSize + ", B = " + batchSize);
        }
        long perSub = (subtrainSize + batchSize - 1) / batchSize, perAll = (trainSize + batchSize - 1) / batchSize;
        return Math.round((double) iStar * perAll / perSub);
    }
}
