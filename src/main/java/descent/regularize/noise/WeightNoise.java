package descent.regularize.noise;

import descent.nn.GradientOracle;
import descent.nn.Param;
import descent.regularize.Penalty;

import java.util.List;
import java.util.Random;

/**
 * Weight-noise injection (Goodfellow et al. §7.5, eqs. 7.30–7.32; the draft chapter 7, §7.6.2): every evaluation of the
 * loss sees the weights perturbed, W + ε_W with ε_W ~ N(0, ηI), so training minimizes
 * <pre>
 *   J̃_W = E_{p(x,y,ε_W)}[(ŷ_{ε_W}(x) − y)²]  ≈  J + η E_{p(x,y)}[‖∇_W ŷ(x)‖²]   for small η,
 * </pre>
 * which favours regions where the output is insensitive to the weights (flat minima). For linear regression
 * ŷ = wᵀx + b the extra term is η‖x‖², the same for every w: the noise raises the loss and leaves the expected
 * gradient unchanged.
 *
 * <p>{@link #wrap} turns a gradient oracle into one that, on each call, saves the weights, adds fresh noise, evaluates
 * the loss and its gradient at the perturbed weights, and puts the exact saved weights back: perturb, forward/backward,
 * restore. Only {@code WEIGHT} tensors are perturbed unless you pass other parameters yourself
 * ({@link Penalty#weights} gives the default selection). The saved copy is allocated once.
 */
public final class WeightNoise {

    private final List<Param> params;
    private final double eta;
    private final double sigma;
    private final Random rng;
    private final double[][] saved;

    /**
     * @param params the tensors to perturb (the {@code WEIGHT}s of this list; pass {@code net.params()})
     * @param eta    η ≥ 0 (finite), the variance of each perturbation
     * @param rng    the seeded source of the noise
     */
    public WeightNoise(List<Param> params, double eta, Random rng) {
        if (!(eta >= 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("WeightNoise: the variance η must be finite and ≥ 0, got " + eta);
        }
        if (rng == null) {
            throw new IllegalArgumentException("WeightNoise needs a seeded Random, got null");
        }
        this.params = Penalty.weights(params);
        if (this.params.isEmpty()) {
            throw new IllegalArgumentException("WeightNoise: no WEIGHT tensor among " + params);
        }
        this.eta = eta;
        this.sigma = Math.sqrt(eta);
        this.rng = rng;
        this.saved = new double[this.params.size()][];
        for (int t = 0; t < saved.length; t++) {
            saved[t] = new double[this.params.get(t).size()];
        }
    }

    public double variance() {
        return eta;
    }

    /** The perturbed tensors. */
    public List<Param> params() {
        return params;
    }

    /** An oracle that evaluates {@code inner} at W + ε_W (fresh ε_W per call) and restores W afterwards. */
    public GradientOracle wrap(GradientOracle inner) {
        if (inner == null) {
            throw new IllegalArgumentException("WeightNoise.wrap needs an oracle, got null");
        }
        return () -> {
            for (int t = 0; t < saved.length; t++) {
                double[] w = params.get(t).value().data;
                System.arraycopy(w, 0, saved[t], 0, saved[t].length);
                for (int i = 0; i < saved[t].length; i++) {
                    w[i] += sigma * rng.nextGaussian();
                }
            }
            try {
                return inner.evaluate();
            } finally {
                for (int t = 0; t < saved.length; t++) {
                    System.arraycopy(saved[t], 0, params.get(t).value().data, 0, saved[t].length);
                }
            }
        };
    }
}
