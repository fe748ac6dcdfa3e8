package descent.train;

import java.util.function.DoubleSupplier;
import java.util.function.IntConsumer;

/**
 * The second way to use the validation data after early stopping (Goodfellow et al. §7.8, Algorithm 7.3): keep the
 * parameters Algorithm 7.1 found on the subtraining set, then continue training on all the training data until the
 * validation loss falls to the subtraining loss at which the first run stopped.
 * <pre>
 *   split X into X⁽ˢᵘᵇᵗʳᵃⁱⁿ⁾ and X⁽ᵛᵃˡⁱᵈ⁾;  run Algorithm 7.1 on them, which updates θ
 *   ε ← J(θ, X⁽ˢᵘᵇᵗʳᵃⁱⁿ⁾, y⁽ˢᵘᵇᵗʳᵃⁱⁿ⁾)
 *   while J(θ, X⁽ᵛᵃˡⁱᵈ⁾, y⁽ᵛᵃˡⁱᵈ⁾) &gt; ε:
 *       train on X⁽ᵗʳᵃⁱⁿ⁾ for n steps
 * </pre>
 * The validation set is now part of the training data, so its loss usually falls; but nothing guarantees that it
 * ever reaches ε, so this class adds the cap the box lacks: at most {@code maxSteps} steps. {@link #reached()} tells
 * which way the loop ended.
 * <pre>{@code
 * double target = Trainer.evaluate(net, subtrain)[0];          // ε, with θ* from Algorithm 7.1 in the net
 * ContinueToTarget more = new ContinueToTarget(target, 50, 5000);
 * new Trainer(net, optimizer, rng).epochs(1000).continueToTarget(more).fit(train, valid);
 * }</pre>
 */
public final class ContinueToTarget implements Trainer.Monitor {

    private final double target;
    private final int interval;
    private final long maxSteps;
    private long steps;
    private double last = Double.NaN;
    private boolean reached;

    /**
     * @param target   ε, the subtraining loss at the end of Algorithm 7.1 (finite)
     * @param interval n ≥ 1, steps between two looks at the validation loss
     * @param maxSteps the cap on the extra steps, ≥ n
     */
    public ContinueToTarget(double target, int interval, long maxSteps) {
        if (!Double.isFinite(target)) {
            throw new IllegalArgumentException("ContinueToTarget: the target loss ε must be finite, got " + target);
        }
        if (interval < 1) {
            throw new IllegalArgumentException("ContinueToTarget: the interval n must be ≥ 1 step, got " + interval);
        }
        if (maxSteps < interval) {
            throw new IllegalArgumentException("ContinueToTarget: the step cap must be ≥ the interval n = " + interval
                    + ", got " + maxSteps);
        }
        this.target = target;
        this.interval = interval;
        this.maxSteps = maxSteps;
    }

    @Override
    public int interval() {
        return interval;
    }

    public double target() {
        return target;
    }

    /** The loop's test before any training: true (stop at once) if the validation loss is already ≤ ε. */
    @Override
    public boolean start(DoubleSupplier validationLoss) {
        return observeStart(validationLoss.getAsDouble());
    }

    private boolean observeStart(double validationLoss) {
        steps = 0;
        last = validationLoss;
        reached = validationLoss <= target;
        return reached;
    }

    @Override
    public boolean observe(long step, double validationLoss) {
        if (Double.isNaN(validationLoss)) {
            throw new IllegalArgumentException("ContinueToTarget: the validation loss at step " + step + " is NaN");
        }
        steps = step;
        last = validationLoss;
        reached = validationLoss <= target;
        return reached || steps >= maxSteps;
    }

    /** Runs the loop of Algorithm 7.3: {@code train.accept(n)} runs n steps on all the training data. */
    public ContinueToTarget run(IntConsumer train, DoubleSupplier validationLoss) {
        if (train == null || validationLoss == null) {
            throw new IllegalArgumentException("ContinueToTarget.run needs a training routine and a validation loss, got "
                    + train + ", " + validationLoss);
        }
        if (observeStart(validationLoss.getAsDouble())) {
            return this;
        }
        long step = 0;
        boolean stop;
        do {
            train.accept(interval);
            step += interval;
            stop = observe(step, validationLoss.getAsDouble());
        } while (!stop);
        return this;
    }

    /** Whether the validation loss reached ε (false: the cap, or the trainer's epochs, ended the loop). */
    public boolean reached() {
        return reached;
    }

    /** The extra training steps taken. */
    public long steps() {
        return steps;
    }

    /** The last validation loss measured. */
    public double lastValue() {
        return last;
    }
}
