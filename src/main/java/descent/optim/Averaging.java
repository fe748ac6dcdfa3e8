package descent.optim;

import descent.nn.Param;
import descent.validate.Require;

import java.util.List;

/**
 * Polyak averaging of the iterates (Aggarwal §3.5.7; Goodfellow et al. cite Polyak only for momentum). With a
 * constant learning rate SGD keeps bouncing around the minimum; the average of the bouncing points lies much
 * closer to it.
 * <ul>
 *   <li>{@link #runningMean}: θ̄_T = (1/T) Σ_{i=1}^T θ_i (eq. 3.57), kept as θ̄_t = θ̄_{t−1} + (θ_t − θ̄_{t−1})/t;</li>
 *   <li>{@link #exponential}: θ̄_t = (1 − β)θ_t + βθ̄_{t−1}, started at θ̄_1 = θ_1, which forgets the early,
 *   poor iterates (COMP541 lecture 4's checkpoint average uses β = 0.995).</li>
 * </ul>
 * Call {@link #update()} after each optimizer step; {@link #withAverage(Runnable)} evaluates the model at the
 * averaged parameters and puts the current ones back.
 */
public final class Averaging {

    private final List<Param> params;
    private final double beta;   // NaN for the running mean
    private final double[][] avg;
    private final double[][] saved;
    private long t;

    private Averaging(List<Param> params, double beta) {
        if (params == null || params.isEmpty() || params.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("averaging needs the parameters to average, got " + params);
        }
        this.params = List.copyOf(params);
        this.beta = beta;
        this.avg = new double[this.params.size()][];
        this.saved = new double[this.params.size()][];
        for (int i = 0; i < avg.length; i++) {
            avg[i] = new double[this.params.get(i).size()];
            saved[i] = new double[this.params.get(i).size()];
        }
    }

    /** The plain mean of all iterates seen (eq. 3.57). */
    public static Averaging runningMean(List<Param> params) {
        return new Averaging(params, Double.NaN);
    }

    /** The exponential moving average with decay β ∈ [0, 1). */
    public static Averaging exponential(List<Param> params, double beta) {
        return new Averaging(params, Require.decay("exponential averaging: β", beta));
    }

    /** Folds the parameters' current values into the average. */
    public void update() {
        t++;
        for (int i = 0; i < avg.length; i++) {
            double[] w = params.get(i).value().data, a = avg[i];
            if (t == 1) {
                System.arraycopy(w, 0, a, 0, a.length);
            } else if (Double.isNaN(beta)) {
                for (int j = 0; j < a.length; j++) {
                    a[j] += (w[j] - a[j]) / t;
                }
            } else {
                for (int j = 0; j < a.length; j++) {
                    a[j] = (1 - beta) * w[j] + beta * a[j];
                }
            }
        }
    }

    /** The average of tensor {@code i} (live view). */
    public double[] average(int i) {
        return avg[i];
    }

    /** Number of iterates averaged. */
    public long count() {
        return t;
    }

    /** Runs {@code body} with the averaged values in the parameters, then restores the current values. */
    public void withAverage(Runnable body) {
        if (t == 0) {
            throw new IllegalStateException("no iterate averaged yet: call update() after a step first");
        }
        for (int i = 0; i < avg.length; i++) {
            double[] w = params.get(i).value().data;
            System.arraycopy(w, 0, saved[i], 0, saved[i].length);
            System.arraycopy(avg[i], 0, w, 0, avg[i].length);
        }
        try {
            body.run();
        } finally {
            for (int i = 0; i < avg.length; i++) {
                System.arraycopy(saved[i], 0, params.get(i).value().data, 0, saved[i].length);
            }
        }
    }

    public void reset() {
        t = 0;
    }
}
