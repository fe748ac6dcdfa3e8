package descent.optim;

import descent.nn.GradientOracle;
import descent.nn.Param;

import java.util.List;

/**
 * The moment estimates that Adam ({@link Adam}) and AdamW ({@link AdamW}) share, and their one elementwise update
 * (Goodfellow et al. Algorithm 8.7, with the two ways of adding weight decay of Loshchilov and Hutter's Algorithm 2):
 * <pre>
 *   t ← t + 1
 *   g ← ∇θ + κθ                                   (κ: Adam's coupled L2 term; 0 for AdamW)
 *   s ← ρ₁s + (1 − ρ₁) g,   r ← ρ₂r + (1 − ρ₂) g ⊙ g
 *   ŝ ← s/(1 − ρ₁ᵗ),        r̂ ← r/(1 − ρ₂ᵗ)         (1 when bias correction is off)
 *   θ ← θ − η (α ŝ/(√r̂ + δ) + λθ)                 (Adam: η = 1, α = ε, λ = 0; AdamW: η = ε/α, λ its decay)
 * </pre>
 * Each subclass keeps its own algorithm box, names and checks; this class holds the state (s, r, t) and the loop,
 * written once. Because the update is elementwise it can also run as a sliced step
 * ({@link Optimizer#beginSlicedStep()}, {@link Optimizer#stepSlice(int, int)}): the scalars of the step (t, the
 * bias corrections, η, α, λ, κ) are fixed once, then disjoint ranges of the flat parameter vector are updated,
 * possibly by different threads, with exactly the arithmetic of {@link #step()}.
 */
abstract class AdaptiveMoments extends Optimizer {

    private final double rho1;
    private final double rho2;
    private final double delta;
    private final double[][] s;
    private final double[][] r;
    private long t;
    // the scalars of the current step, fixed by beginSlices()
    private double c1;
    private double c2;
    private double eta;
    private double alpha;
    private double lambda;
    private double kappa;

    AdaptiveMoments(List<Param> params, double learningRate, double rho1, double rho2, double delta) {
        super(params, learningRate);
        this.rho1 = rho1;
        this.rho2 = rho2;
        this.delta = delta;
        this.s = newState();
        this.r = newState();
    }

    /** α, the step size multiplying ŝ/(√r̂ + δ). */
    abstract double stepSize();

    /** η, the factor in front of the whole update (the schedule's multiplier for AdamW, 1 for Adam). */
    abstract double stepScale();

    /** λ, the decoupled decay per step (AdamW); 0 for Adam. */
    abstract double decoupledDecay();

    /** κ, the L2 coefficient added to the gradient before the moments (Adam + L2); 0 for AdamW. */
    abstract double coupledL2();

    /** Whether ŝ and r̂ divide by 1 − ρᵗ. */
    abstract boolean biasCorrected();

    @Override
    protected final double update(GradientOracle gradient) {
        double loss = gradient.evaluate();
        beginSlices();
        for (int i = 0; i < params.size(); i++) {
            updateSlice(i, 0, params.get(i).size());
        }
        return loss;
    }

    @Override
    protected final boolean slicesSupported() {
        return true;
    }

    @Override
    protected final void beginSlices() {
        t++;
        boolean correct = biasCorrected();
        c1 = correct ? 1 - Math.pow(rho1, t) : 1;
        c2 = correct ? 1 - Math.pow(rho2, t) : 1;
        eta = stepScale();
        alpha = stepSize();
        lambda = decoupledDecay();
        kappa = coupledL2();
    }

    @Override
    protected final void updateSlice(int i, int from, int to) {
        Param p = params.get(i);
        double[] w = p.value().data, gr = p.grad().data, si = s[i], ri = r[i];
        for (int j = from; j < to; j++) {
            double g = gr[j] + kappa * w[j];
            si[j] = rho1 * si[j] + (1 - rho1) * g;
            ri[j] = rho2 * ri[j] + (1 - rho2) * g * g;
            double sHat = si[j] / c1, rHat = ri[j] / c2;
            w[j] -= eta * (alpha * sHat / (Math.sqrt(rHat) + delta) + lambda * w[j]);
        }
    }

    /** t, the number of moment updates so far. */
    public final long t() {
        return t;
    }

    @Override
    protected final void resetState() {
        zero(s);
        zero(r);
        t = 0;
    }

    @Override
    protected final double[][][] stateArrays() {
        return new double[][][]{s, r};
    }

    @Override
    protected final long[] stateCounters() {
        return new long[]{t};
    }

    @Override
    protected final void setStateCounters(long[] c) {
        t = c[0];
    }
}
