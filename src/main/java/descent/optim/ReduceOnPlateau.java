package descent.optim;

import descent.validate.Require;

/**
 * Lower the learning rate when a monitored loss stops improving (Aggarwal §3.5.1; Keras
 * {@code ReduceLROnPlateau}): after {@code patience} observations in a row without an improvement of more than
 * {@code minDelta} over the best loss seen, multiply the rate by {@code factor} (not below {@code minRate}) and
 * start counting again. Stateful, so it is not a {@link Schedule}: feed it one loss per epoch.
 * Keras defaults: factor 0.1, patience 10, minDelta 1e-4.
 */
public final class ReduceOnPlateau {

    private final double factor;
    private final int patience;
    private final double minDelta;
    private final double minRate;
    private final double initial;
    private double rate;
    private double best = Double.POSITIVE_INFINITY;
    private int bad;

    public ReduceOnPlateau(double eps0, double factor, int patience, double minDelta, double minRate) {
        this.initial = Require.nonNegative("reduce-on-plateau: ε₀", eps0);
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("reduce-on-plateau: factor must lie in (0, 1), got " + factor);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("reduce-on-plateau: patience must be ≥ 0, got " + patience);
        }
        this.factor = factor;
        this.patience = patience;
        this.minDelta = Require.nonNegative("reduce-on-plateau: minDelta", minDelta);
        this.minRate = Require.nonNegative("reduce-on-plateau: minRate", minRate);
        this.rate = eps0;
    }

    /** Records one loss and returns the rate to use next. */
    public double observe(double loss) {
        if (Double.isNaN(loss)) {
            throw new IllegalArgumentException("ReduceOnPlateau: the observed loss is NaN (diverged training, or NaN in "
                    + "the data); a plateau cannot be judged from it");
        }
        if (loss < best - minDelta) {
            best = loss;
            bad = 0;
        } else if (++bad > patience) {
            rate = Math.max(minRate, rate * factor);
            bad = 0;
        }
        return rate;
    }

    public double rate() {
        return rate;
    }

    public void reset() {
        rate = initial;
        best = Double.POSITIVE_INFINITY;
        bad = 0;
    }
}
