package descent.optim;

import descent.validate.Require;

/**
 * A learning-rate schedule ε_k: the rate for step (or epoch) k = 0, 1, 2, …. Goodfellow et al. §8.3.1 explains why
 * SGD needs one: the minibatch gradient stays noisy at the minimum, so a constant rate leaves the iterate rattling
 * in a ball whose size is set by ε. The training loop asks for ε_k before each step (or epoch) and hands it to
 * {@link Optimizer#setLearningRate(double)}.
 *
 * <p>Sufficient conditions for SGD to converge (eqs. 8.12–8.13, Robbins and Monro): Σ ε_k = ∞ and Σ ε_k² < ∞.
 * {@link #partialSums(Schedule, long)} reports both partial sums so a notebook can watch one diverge and the other
 * settle.
 */
@FunctionalInterface
public interface Schedule {

    /** ε_k for k ≥ 0. */
    double rate(long k);

    /** A short label for legends. */
    default String label() {
        return "schedule";
    }

    /** ε_k = ε₀. */
    static Schedule constant(double eps0) {
        Require.nonNegative("constant schedule: ε₀", eps0);
        return named("constant " + eps0, k -> eps0);
    }

    /**
     * Linear decay until step τ, then constant (Goodfellow et al. eq. 8.14): ε_k = (1 − α)ε₀ + αε_τ with α = k/τ
     * for k ≤ τ, and ε_τ afterwards. Goodfellow et al. suggest ε_τ ≈ ε₀/100 and τ of a few hundred passes over the data.
     */
    static Schedule linear(double eps0, double epsTau, long tau) {
        Require.nonNegative("linear schedule: ε₀", eps0);
        Require.nonNegative("linear schedule: ε_τ", epsTau);
        if (tau < 1) {
            throw new IllegalArgumentException("linear schedule: τ must be ≥ 1, got " + tau);
        }
        return named("linear to τ = " + tau, k -> {
            if (k >= tau) {
                return epsTau;
            }
            double a = (double) k / tau;
            return (1 - a) * eps0 + a * epsTau;
        });
    }

    /** Step decay: ε_k = ε₀·factor^⌊k/every⌋ (Aggarwal §3.5.1: e.g. ×0.5 every 5 epochs; COMP541 lecture 4). */
    static Schedule step(double eps0, double factor, long every) {
        Require.nonNegative("step schedule: ε₀", eps0);
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("step schedule: factor must lie in (0, 1], got " + factor);
        }
        if (every < 1) {
            throw new IllegalArgumentException("step schedule: every must be ≥ 1, got " + every);
        }
        return named("step ×" + factor + " every " + every, k -> eps0 * Math.pow(factor, k / every));
    }

    /** Exponential decay: ε_k = ε₀·e^(−λk) (Aggarwal §3.5.1, COMP541 lecture 4). Σε_k² and Σε_k both converge. */
    static Schedule exponential(double eps0, double lambda) {
        Require.nonNegative("exponential schedule: ε₀", eps0);
        Require.nonNegative("exponential schedule: decay λ", lambda);
        return named("exponential λ = " + lambda, k -> eps0 * Math.exp(-lambda * k));
    }

    /**
     * Inverse-time decay: ε_k = ε₀/(1 + λk) (Aggarwal §3.5.1; COMP541 lecture 4's "1/t"). With λ = 1 it is ε₀/(k + 1), the
     * classic schedule that meets both Robbins–Monro conditions.
     */
    static Schedule inverseTime(double eps0, double lambda) {
        Require.nonNegative("inverse-time schedule: ε₀", eps0);
        Require.nonNegative("inverse-time schedule: decay λ", lambda);
        return named("1/(1 + " + lambda + "k)", k -> eps0 / (1 + lambda * k));
    }

    /**
     * Keras's time-based decay (Srihari's slides): lr_k = lr₀/(1 + decay·k) with k counting updates (minibatches), not
     * epochs. The same formula as {@link #inverseTime}; e.g. lr₀ = 0.01, decay = 0.01 halves after 100 updates.
     */
    static Schedule kerasTimeBased(double lr0, double decay) {
        Schedule s = inverseTime(lr0, decay);
        return named("Keras time-based decay " + decay, s::rate);
    }

    /**
     * Cosine annealing over T steps (Loshchilov and Hutter 2017; none of the five sources has it):
     * ε_k = ε_min + ½(ε₀ − ε_min)(1 + cos(πk/T)) for k ≤ T, ε_min afterwards.
     */
    static Schedule cosine(double eps0, double epsMin, long T) {
        Require.nonNegative("cosine schedule: ε₀", eps0);
        Require.nonNegative("cosine schedule: ε_min", epsMin);
        if (T < 1) {
            throw new IllegalArgumentException("cosine schedule: T must be ≥ 1, got " + T);
        }
        return named("cosine T = " + T, k -> k >= T ? epsMin : epsMin + 0.5 * (eps0 - epsMin) * (1 + Math.cos(Math.PI * k / T)));
    }

    /**
     * Linear warm-up in front of another schedule (none of the five sources has it): ε_k = after(k)·(k + 1)/W for k < W, then
     * after(k). The first step uses 1/W of the rate, step W − 1 the full rate.
     */
    static Schedule warmup(long W, Schedule after) {
        if (W < 1) {
            throw new IllegalArgumentException("warm-up: W must be ≥ 1, got " + W);
        }
        if (after == null) {
            throw new IllegalArgumentException("warm-up: the schedule after it is null");
        }
        return named("warm-up " + W + " then " + after.label(), k -> k < W ? after.rate(k) * (k + 1) / W : after.rate(k));
    }

    /** Gives a schedule a label. */
    static Schedule named(String label, Schedule s) {
        return new Schedule() {
            @Override
            public double rate(long k) {
                return s.rate(k);
            }

            @Override
            public String label() {
                return label;
            }

            @Override
            public String toString() {
                return label;
            }
        };
    }

    /** The partial sums S₁ = Σ_{k<K} ε_k and S₂ = Σ_{k<K} ε_k² after K steps (eqs. 8.12–8.13). */
    record Sums(long steps, double sum, double sumOfSquares) {
    }

    /** Σ ε_k and Σ ε_k² over k = 0 … K − 1. */
    static Sums partialSums(Schedule s, long K) {
        double s1 = 0, s2 = 0;
        for (long k = 0; k < K; k++) {
            double e = s.rate(k);
            s1 += e;
            s2 += e * e;
        }
        return new Sums(K, s1, s2);
    }

    /** ε_k for k = 0 … K − 1, for plotting. */
    static double[] values(Schedule s, int K) {
        double[] out = new double[K];
        for (int k = 0; k < K; k++) {
            out[k] = s.rate(k);
        }
        return out;
    }
}
