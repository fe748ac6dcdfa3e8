package descent.train;

import descent.augment.Augmenter;
import descent.data.Dataset;
import descent.nn.NonFiniteInputException;
import descent.nn.NonFiniteLossException;
import descent.nn.Sequential;
import descent.nn.GradientOracle;
import descent.optim.Averaging;
import descent.optim.Clipping;
import descent.optim.Optimizer;
import descent.optim.Schedule;
import descent.regularize.Penalty;
import org.ejml.data.DMatrixRMaj;

import java.io.PrintStream;
import java.util.Random;

/**
 * Minibatch training (Goodfellow et al. Alg. 8.1 around any optimizer): each epoch draws a fresh seeded
 * permutation of the training set (§8.1.3: minibatches must be random, and never shuffling can hurt), walks it in
 * minibatches, and for each one sets the scheduled learning rate, builds the gradient oracle over that batch
 * (clipped if asked), lets the optimizer step, and folds the new parameters into the average if asked. After each
 * epoch it measures loss and accuracy and prints one progress line.
 * <pre>{@code
 * History h = new Trainer(net, new Adam(net.params(), 0.01), new Random(1))
 *         .batchSize(32).epochs(10).schedule(Schedule.cosine(0.01, 0, 10 * 30)).clipNorm(5)
 *         .fit(train, test);
 * }</pre>
 * A non-finite loss stops the run with an {@link ArithmeticException} naming the epoch, the step and the rate.
 */
public final class Trainer {

    private final Sequential net;
    private final Optimizer optimizer;
    private Random rng;
    private int batchSize = 32;
    private int epochs = 1;
    private Schedule schedule;
    private boolean schedulePerEpoch;
    private double clipNorm = Double.NaN;
    private double clipValue = Double.NaN;
    private Averaging averaging;
    private PrintStream progress = System.out;
    private boolean shuffle = true;
    private Penalty penalty;
    private Monitor monitor;
    private long maxSteps = Long.MAX_VALUE;
    private BatchObjective objective;
    private java.nio.file.Path checkpointFile;
    private Checkpoint resumeFrom;
    private int trainingEvaluationSize = Integer.MAX_VALUE;
    private DMatrixRMaj evalX;
    private int[] evalY;
    private int[] evalIndex = new int[0];
    private Augmenter augmenter;
    private boolean monitorError;

    /**
     * The loss a training step minimizes on one minibatch, when it is not simply the network's loss there: e.g.
     * adversarial training's mix of clean and perturbed inputs. The default is {@code net.oracle(x, labels)}. The
     * trainer asks once per minibatch buffer, which it refills before every step: the oracle must read {@code x} and
     * {@code labels} when it is evaluated, not when it is made.
     */
    public interface BatchObjective {
        GradientOracle oracle(Sequential net, DMatrixRMaj x, int[] labels);
    }

    /**
     * Something that looks at the validation loss every {@link #interval()} minibatch steps of
     * {@link #fit(Dataset, Dataset)} and may end the run: {@link EarlyStopping} (Goodfellow et al. Alg. 7.1) and
     * {@link ContinueToTarget} (Alg. 7.3).
     */
    public interface Monitor {
        /** n, the steps between two evaluations. */
        int interval();

        /** Before the first step; true ends the run at once. {@code validationLoss} evaluates only when called. */
        default boolean start(java.util.function.DoubleSupplier validationLoss) {
            return false;
        }

        /** After step {@code step} (a multiple of n) with the validation loss measured there; true ends the run. */
        boolean observe(long step, double validationLoss);

        /** When the run ends, however it ends (early stopping restores its best parameters here). */
        default void finish() {
        }
    }

    public Trainer(Sequential net, Optimizer optimizer, Random rng) {
        if (net == null || optimizer == null || rng == null) {
            throw new IllegalArgumentException("Trainer needs a network, an optimizer and a seeded Random, got "
                    + net + ", " + optimizer + ", " + rng);
        }
        this.net = net;
        this.optimizer = optimizer;
        this.rng = rng;
    }

    public Trainer batchSize(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("batch size must be ≥ 1, got " + m);
        }
        this.batchSize = m;
        return this;
    }

    public Trainer epochs(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("epochs must be ≥ 1, got " + n);
        }
        this.epochs = n;
        return this;
    }

    /** ε_k indexed by the global step k = 0, 1, …. */
    public Trainer schedule(Schedule s) {
        this.schedule = nonNull("schedule", s);
        this.schedulePerEpoch = false;
        return this;
    }

    /** ε_e indexed by the epoch e = 0, 1, … (Aggarwal §3.5.1 counts epochs). */
    public Trainer schedulePerEpoch(Schedule s) {
        this.schedule = nonNull("schedule", s);
        this.schedulePerEpoch = true;
        return this;
    }

    /**
     * Train on J + αΩ: the penalty's value and gradient are added to each minibatch's loss and gradient (before any
     * clipping). The per-step losses in the history include the penalty; the per-epoch losses are the data loss alone.
     * Constraints are not penalties: wrap the optimizer in a {@code descent.regularize.ProjectedOptimizer}.
     */
    public Trainer penalty(Penalty p) {
        this.penalty = nonNull("penalty", p);
        return this;
    }

    /**
     * Early stopping (Goodfellow et al. Alg. 7.1): every n steps the validation loss of {@code fit(train, validation)}
     * goes to {@code stop}; the run ends when its patience runs out (or the epochs do) and the net is left holding the
     * best parameters θ*. The validation set is required.
     */
    public Trainer earlyStopping(EarlyStopping stop) {
        this.monitor = nonNull("early stopping", stop);
        return this;
    }

    /** Algorithm 7.3's loop: train until the validation loss is ≤ ε (or the cap, or the epochs, end it). */
    public Trainer continueToTarget(ContinueToTarget loop) {
        this.monitor = nonNull("continue-to-target loop", loop);
        return this;
    }

    /**
     * The monitor sees the validation <em>error rate</em> 1 − accuracy instead of the validation loss (Goodfellow et
     * al. Alg. 7.1 watches "the validation set error"; the cross-entropy can rise while fewer examples are misclassified).
     */
    public Trainer monitorValidationError() {
        this.monitorError = true;
        return this;
    }

    /** Any other {@link Monitor} of the validation loss. */
    /** Minimizes {@code o}'s loss on each minibatch instead of the network's own (added after chapter 06). */
    public Trainer objective(BatchObjective o) {
        this.objective = nonNull("the batch objective", o);
        return this;
    }

    public Trainer monitor(Monitor m) {
        this.monitor = nonNull("monitor", m);
        return this;
    }

    /** End the run after this many minibatch steps even mid-epoch (Algorithm 7.2 retrains for i* steps). */
    public Trainer maxSteps(long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("Trainer: maxSteps must be ≥ 1, got " + steps);
        }
        this.maxSteps = steps;
        return this;
    }

    /** Clip each minibatch gradient to norm ≤ τ. */
    public Trainer clipNorm(double tau) {
        if (!(tau > 0 && Double.isFinite(tau))) {
            throw new IllegalArgumentException("Trainer: clipping threshold τ must be finite and > 0, got " + tau);
        }
        this.clipNorm = tau;
        return this;
    }

    /** Clip each gradient coordinate to [−v, v]. */
    public Trainer clipValue(double v) {
        if (!(v > 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException("Trainer: clipping value v must be finite and > 0, got " + v);
        }
        this.clipValue = v;
        return this;
    }

    /** Keep a Polyak average of the parameters, updated after every step and evaluated every epoch. */
    public Trainer averaging(Averaging a) {
        this.averaging = nonNull("averaging", a);
        return this;
    }

    /** Where the per-epoch progress line goes; {@code null} for silence. */
    /**
     * Dataset augmentation (Goodfellow et al. §7.4): every training minibatch is replaced by its transform right after
     * it is gathered, with fresh random transforms each step; the training and validation measurements after each
     * epoch use the untouched data.
     */
    public Trainer augment(Augmenter a) {
        this.augmenter = nonNull("the augmenter", a);
        return this;
    }

    public Trainer progress(PrintStream out) {
        this.progress = out;
        return this;
    }

    /** Walk the data in its stored order every epoch (to show why shuffling matters). */
    public Trainer noShuffle() {
        this.shuffle = false;
        return this;
    }

    /**
     * After every epoch, write a {@link Checkpoint} of the run to {@code file} (atomically: the previous checkpoint
     * survives any failure to write the new one). Supported with {@link EarlyStopping} or no monitor, without
     * averaging, penalties' own state, or clipping state (clipping and penalties have none).
     */
    public Trainer checkpoint(java.nio.file.Path file) {
        this.checkpointFile = nonNull("checkpoint file", file);
        return this;
    }

    /**
     * Continue the run saved in {@code checkpoint} instead of starting one: the next {@link #fit} restores the
     * parameters, layer state, optimizer state, shuffling generator, permutation, step counter, early-stopping state
     * and history, and goes on with the epoch after the saved one, up to {@link #epochs}. The network, optimizer,
     * schedule and monitor must be built as for the saved run; the result is bit-identical to the run that was never
     * interrupted. The trainer continues with the checkpoint's generator in place of the one it was built with.
     */
    public Trainer resume(Checkpoint checkpoint) {
        this.resumeFrom = nonNull("checkpoint", checkpoint);
        return this;
    }

    /**
     * Measure the per-epoch training loss and accuracy on the first {@code n} training examples only (all by default).
     * On a large training set this keeps the end-of-epoch evaluation cheap; with n equal to the validation set's size
     * the two curves are measured on equal footing.
     */
    public Trainer trainingEvaluationSize(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Trainer: the training evaluation needs ≥ 1 example, got " + n);
        }
        this.trainingEvaluationSize = n;
        return this;
    }

    /** The generator the trainer shuffles with (after {@link #resume}, the checkpoint's). */
    public Random rng() {
        return rng;
    }

    public History fit(Dataset train) {
        return fit(train, null);
    }

    public History fit(Dataset train, Dataset validation) {
        if (train == null) {
            throw new IllegalArgumentException("Trainer.fit needs a training set, got null");
        }
        if (validation != null && validation.features() != train.features()) {
            throw new IllegalArgumentException("validation set " + validation.name() + " has " + validation.features()
                    + " features, training set " + train.name() + " has " + train.features());
        }
        if (monitor != null && validation == null) {
            throw new IllegalArgumentException("Trainer: " + monitor.getClass().getSimpleName()
                    + " watches the validation loss; call fit(train, validation)");
        }
        if (checkpointFile != null && averaging != null) {
            throw new IllegalArgumentException("Trainer: checkpoints do not save the Polyak average; drop averaging or checkpoint");
        }
        if ((checkpointFile != null || resumeFrom != null) && augmenter != null) {
            throw new IllegalArgumentException("Trainer: checkpoints do not save the augmenter's generator yet, so a resumed "
                    + "run would not be the interrupted one; drop augmentation or checkpoints");
        }
        History history = new History();
        int n = train.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        long k = 0;
        int firstEpoch = 1;
        boolean stop = false;
        if (resumeFrom != null) {
            Checkpoint.Restored r = resumeFrom.restore(net, optimizer, monitor, history, n, resumeFrom.source());
            rng = r.rng();
            order = r.order();
            k = resumeFrom.step();
            firstEpoch = resumeFrom.epoch() + 1;
            stop = monitor instanceof EarlyStopping es && es.stopped();
        } else if (monitor != null && monitor.start(() -> monitored(validation))) {
            monitor.finish();
            return history;
        }
        int full = Math.min(batchSize, n), rest = n % full;
        DMatrixRMaj xb = new DMatrixRMaj(full, train.features()), xr = rest == 0 ? null : new DMatrixRMaj(rest, train.features());
        int[] yb = new int[full], yr = rest == 0 ? null : new int[rest];
        // one oracle per buffer pair, built once: a step allocates nothing here
        GradientOracle oracleFull = wrap(objective == null ? net.oracle(xb, yb) : objective.oracle(net, xb, yb));
        GradientOracle oracleRest = rest == 0 ? null : wrap(objective == null ? net.oracle(xr, yr) : objective.oracle(net, xr, yr));
        for (int epoch = firstEpoch; epoch <= epochs && !stop; epoch++) {
            long started = System.nanoTime();
            if (shuffle) {
                Dataset.shuffle(order, rng);
            }
            if (schedule != null && schedulePerEpoch) {
                optimizer.setLearningRate(schedule.rate(epoch - 1));
            }
            double sum = 0;
            int batches = 0;
            long seen = 0;
            net.setTraining(true);
            for (int from = 0; from < n; from += full) {
                int count = Math.min(full, n - from);
                DMatrixRMaj x = count == full ? xb : xr;
                int[] y = count == full ? yb : yr;
                train.gather(order, from, count, x, y);
                if (augmenter != null) {
                    augmenter.applyInPlace(x);
                }
                if (schedule != null && !schedulePerEpoch) {
                    optimizer.setLearningRate(schedule.rate(k));
                }
                GradientOracle oracle = count == full ? oracleFull : oracleRest;
                double loss;
                try {
                    loss = optimizer.step(oracle);
                } catch (NonFiniteLossException e) {
                    throw diverged(epoch, k + 1, e.value(), e);
                } catch (NonFiniteInputException e) {
                    int example = order[from + e.row()];
                    throw new IllegalArgumentException(train.name() + ": example " + example + " has " + e.value()
                            + " in " + (e.what().equals("input") ? "feature " : "target ") + e.column() + " (row " + e.row()
                            + " of batch " + (batches + 1) + " in epoch " + epoch + ", step " + (k + 1)
                            + "); training needs finite data: check the data and its preprocessing", e);
                }
                if (!Double.isFinite(loss)) {
                    throw diverged(epoch, k + 1, loss, null);
                }
                if (averaging != null) {
                    averaging.update();
                }
                k++;
                history.step(epoch, (int) k, loss, optimizer.learningRate());
                sum += loss;
                batches++;
                seen += count;
                if (monitor != null && k % monitor.interval() == 0 && monitor.observe(k, monitored(validation))) {
                    stop = true;
                }
                if (stop || k >= maxSteps) {
                    stop = true;
                    break;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double[] tr = evaluate(train, Math.min(trainingEvaluationSize, n));
            double[] va = validation == null ? new double[]{Double.NaN, Double.NaN} : evaluate(validation, validation.size());
            double[] av = {Double.NaN, Double.NaN};
            if (averaging != null) {
                Dataset on = validation == null ? train : validation;
                averaging.withAverage(() -> {
                    double[] r = evaluate(on);
                    av[0] = r[0];
                    av[1] = r[1];
                });
            }
            history.epoch(epoch, new double[]{sum / batches, tr[0], tr[1], va[0], va[1], av[0], av[1], optimizer.learningRate()});
            if (progress != null) {
                progress.printf("epoch %d/%d  loss %.4f  train acc %.3f%s%s  lr %.3g  (%d steps, %.2f s, %.0f images/s)%n",
                        epoch, epochs, tr[0], tr[1],
                        validation == null ? "" : String.format("  val loss %.4f  val acc %.3f", va[0], va[1]),
                        averaging == null ? "" : String.format("  averaged: loss %.4f acc %.3f", av[0], av[1]),
                        optimizer.learningRate(), batches, seconds, seen / seconds);
            }
            if (checkpointFile != null) {
                Checkpoint.capture(net, optimizer, rng, monitor, history, epoch, k, order).save(checkpointFile);
            }
        }
        if (monitor != null) {
            monitor.finish();
        }
        return history;
    }

    private double monitored(Dataset validation) {
        double[] r = evaluate(validation, validation.size());
        return monitorError ? 1 - r[1] : r[0];
    }

    private GradientOracle wrap(GradientOracle oracle) {
        if (penalty != null) {
            oracle = penalty.addTo(oracle);
        }
        if (!Double.isNaN(clipValue)) {
            oracle = Clipping.wrapByValue(oracle, optimizer.params(), clipValue);
        }
        if (!Double.isNaN(clipNorm)) {
            oracle = Clipping.wrapByNorm(oracle, optimizer.params(), clipNorm);
        }
        return oracle;
    }

    private static <T> T nonNull(String what, T value) {
        if (value == null) {
            throw new IllegalArgumentException("Trainer: " + what + " is null");
        }
        return value;
    }

    private ArithmeticException diverged(int epoch, long step, double loss, Throwable cause) {
        ArithmeticException e = new ArithmeticException("training diverged: the loss is " + loss + " at epoch " + epoch
                + ", step " + step + " (learning rate " + optimizer.learningRate() + ", " + optimizer.name()
                + "); lower the learning rate or clip the gradients");
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    /**
     * Mean loss and accuracy of {@code net} on {@code data}, in chunks of 1000 rows, in inference mode (the net's mode
     * is restored afterwards). Assumes the loss averages over the batch (the default {@code Reduction}); with a
     * summing loss the reported loss is m times too large.
     */
    public static double[] evaluate(Sequential net, Dataset data) {
        boolean wasTraining = net.isTraining();
        net.setTraining(false);
        try {
            return evaluateInInferenceMode(net, data);
        } finally {
            net.setTraining(wasTraining);
        }
    }

    private static double[] evaluateInInferenceMode(Sequential net, Dataset data) {
        int n = data.size(), chunk = Math.min(1000, n);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        double loss = 0;
        int correct = 0;
        for (int from = 0; from < n; from += chunk) {
            int c = Math.min(chunk, n - from);
            DMatrixRMaj x = new DMatrixRMaj(c, data.features());
            int[] y = new int[c];
            data.gather(idx, from, c, x, y);
            loss += net.loss(x, y) * c;
            int[] pred = net.predict(x);
            for (int i = 0; i < c; i++) {
                if (pred[i] == y[i]) {
                    correct++;
                }
            }
        }
        return new double[]{loss / n, (double) correct / n};
    }

    private double[] evaluate(Dataset data) {
        return evaluate(data, data.size());
    }

    /** As {@link #evaluate(Sequential, Dataset)} on the first {@code limit} examples, in buffers kept between calls. */
    private double[] evaluate(Dataset data, int limit) {
        boolean wasTraining = net.isTraining();
        net.setTraining(false);
        try {
            int chunk = Math.min(1000, limit);
            if (evalX == null || evalX.numRows != chunk || evalX.numCols != data.features()) {
                evalX = new DMatrixRMaj(chunk, data.features());
                evalY = new int[chunk];
            }
            if (evalIndex.length < limit) {
                evalIndex = new int[limit];
                for (int i = 0; i < limit; i++) {
                    evalIndex[i] = i;
                }
            }
            double loss = 0;
            int correct = 0;
            for (int from = 0; from < limit; from += chunk) {
                int c = Math.min(chunk, limit - from);
                DMatrixRMaj x = evalX;
                int[] y = evalY;
                if (c != chunk) {
                    x = new DMatrixRMaj(c, data.features());
                    y = new int[c];
                }
                data.gather(evalIndex, from, c, x, y);
                loss += net.loss(x, y) * c;
                correct += correct(net, y);
            }
            return new double[]{loss / limit, (double) correct / limit};
        } finally {
            net.setTraining(wasTraining);
        }
    }

    /** How many rows of the network's last output have their largest score at the label (ties: the first). */
    private static int correct(Sequential net, int[] y) {
        DMatrixRMaj out = net.output();
        int k = out.numCols, hits = 0;
        for (int i = 0; i < out.numRows; i++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (out.data[i * k + j] > out.data[i * k + best]) {
                    best = j;
                }
            }
            if (best == y[i]) {
                hits++;
            }
        }
        return hits;
    }
}
