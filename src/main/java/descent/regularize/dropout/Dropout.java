package descent.regularize.dropout;

import descent.nn.Cache;
import descent.nn.Layer;
import descent.nn.RandomizedLayer;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.Random;

/**
 * Dropout on a layer's input (the draft of Goodfellow et al. ch. 7, §7.11; Srivastava et al. 2014; COMP541 lecture 4,
 * slides 51–59). In training mode every unit of every example is kept with probability p (the <em>keep</em>
 * probability, as on slide 58: higher p means less dropout) and multiplied by zero otherwise; the binary mask
 * μ ∈ {0,1}ⁿ is drawn afresh for each forward pass from the seeded source, kept in the cache, and the backward pass
 * multiplies by the same mask, so ∂L/∂x = μ ⊙ ∂L/∂h.
 * <pre>
 *   training:   h = μ ⊙ x            μᵢ ~ Bernoulli(p)            (VANILLA)
 *               h = (μ / p) ⊙ x                                    (INVERTED, E[μᵢ/p] = 1)
 *   inference:  h = p x             the weight scaling rule        (VANILLA)
 *               h = x               nothing to do at test time     (INVERTED)
 * </pre>
 * Each mask picks one sub-network of the 2ⁿ; training with dropout trains all of them with shared weights, and
 * inference with the weight scaling rule approximates their ensemble. For a softmax regression on the dropped units
 * the approximation is exact: the renormalized geometric mean over all 2ⁿ masks equals the scaled network (the draft's
 * eq. 7.30, {@link DropoutEnsemble#exact}). Scaling the units by p is the same as scaling the outgoing weights by p
 * (the draft: "dividing the weights by 2" for p = ½).
 *
 * <p>The draft describes weight scaling only. <b>Inverted dropout is beyond the sources</b> (COMP541 lecture 4, slide
 * 59 shows it, the draft does not): it moves the factor to training time so that test-time code is unchanged; both
 * give the same test predictions for the same trained sub-networks, because the inverted net's weights absorb 1/p.
 *
 * <p>For the exact ensemble {@link #fixMask} replaces the random mask by one fixed sub-network (the same for every
 * example) until {@link #releaseMask}. p = 1 keeps every unit: the layer is then the identity in both modes (the
 * plain network).
 */
public final class Dropout implements RandomizedLayer {

    /** Where the factor p goes (see the class comment). */
    public enum Mode {
        /** Mask at training time, multiply by p at inference: the draft's weight scaling rule. */
        VANILLA,
        /** Mask and divide by p at training time, identity at inference: beyond the sources. */
        INVERTED
    }

    private final double p;
    private final Mode mode;
    private Random rng;
    private boolean training = true;
    private double[] fixed;
    private int units = -1;

    /**
     * @param keep p ∈ (0, 1], the probability that a unit is kept
     * @param mode vanilla (weight scaling at inference) or inverted (÷p at training)
     * @param rng  the seeded source of the masks
     */
    public Dropout(double keep, Mode mode, Random rng) {
        this.p = requireKeep("Dropout", keep);
        if (mode == null) {
            throw new IllegalArgumentException("Dropout needs a mode (VANILLA or INVERTED), got null");
        }
        if (rng == null) {
            throw new IllegalArgumentException("Dropout needs a seeded Random for its masks, got null");
        }
        this.mode = mode;
        this.rng = rng;
    }

    /** Inverted dropout (the common implementation) with keep probability p. */
    public static Dropout inverted(double keep, Random rng) {
        return new Dropout(keep, Mode.INVERTED, rng);
    }

    /** Vanilla dropout with the weight scaling rule at inference. */
    public static Dropout vanilla(double keep, Random rng) {
        return new Dropout(keep, Mode.VANILLA, rng);
    }

    static double requireKeep(String who, double keep) {
        if (!(keep > 0 && keep <= 1)) {
            throw new IllegalArgumentException(who + ": the keep probability p must lie in (0, 1], got " + keep);
        }
        return keep;
    }

    @Override
    public Random generator() {
        return rng;
    }

    @Override
    public void setGenerator(Random rng) {
        this.rng = RandomizedLayer.requireGenerator(this, rng);
    }

    public double keep() {
        return p;
    }

    public Mode mode() {
        return mode;
    }

    /** The input width seen by the last forward pass (−1 before the first). */
    public int units() {
        return units;
    }

    @Override
    public String name() {
        return "Dropout(p=" + p + ", " + mode.name().toLowerCase() + ")";
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
    }

    public boolean isTraining() {
        return training;
    }

    /**
     * Uses the sub-network {@code keepUnits} (entries 0 or 1, one per input unit, the same for every example) in
     * training mode instead of random masks, until {@link #releaseMask()}.
     */
    public Dropout fixMask(double[] keepUnits) {
        if (keepUnits == null) {
            throw new IllegalArgumentException(name() + ": fixMask needs a mask, got null");
        }
        for (int i = 0; i < keepUnits.length; i++) {
            if (keepUnits[i] != 0 && keepUnits[i] != 1) {
                throw new IllegalArgumentException(name() + ": mask entries must be 0 or 1, entry " + i + " is " + keepUnits[i]);
            }
        }
        this.fixed = keepUnits.clone();
        return this;
    }

    /** Back to random masks. */
    public Dropout releaseMask() {
        this.fixed = null;
        return this;
    }

    /**
     * The multiplier the last forward pass applied with this cache (μ or μ/p in training mode, p or 1 at inference),
     * batch×units: the mask a test or a notebook can look at. A view of the cache's buffer.
     */
    public static DMatrixRMaj multiplier(Cache cache) {
        return cache.buffer(0, cache.output().numRows, cache.output().numCols);
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Cache cache) {
        int rows = x.numRows, cols = x.numCols;
        if (fixed != null && training && fixed.length != cols) {
            throw new IllegalArgumentException(String.format("layer %s: the fixed mask has %d entries but the input %dx%d has %d units",
                    name(), fixed.length, rows, cols, cols));
        }
        units = cols;
        cache.setInput(x);
        DMatrixRMaj out = cache.output(rows, cols);
        DMatrixRMaj m = cache.buffer(0, rows, cols);
        double[] a = x.data, b = out.data, mu = m.data;
        int n = rows * cols;
        if (!training) {
            Arrays.fill(mu, 0, n, mode == Mode.VANILLA ? p : 1.0);
        } else {
            double kept = mode == Mode.VANILLA ? 1.0 : 1.0 / p;
            for (int i = 0; i < n; i++) {
                boolean keepIt = fixed != null ? fixed[i % cols] == 1 : rng.nextDouble() < p;
                mu[i] = keepIt ? kept : 0.0;
            }
        }
        for (int i = 0; i < n; i++) {
            b[i] = mu[i] * a[i];
        }
        return out;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj gradOut, Cache cache, boolean needInputGradient) {
        return Layer.backwardTimesMultiplier(this, gradOut, cache, needInputGradient, 0);
    }
}
