package descent.optim;

import descent.nn.GradientOracle;
import descent.nn.Param;
import descent.validate.Require;

import java.util.List;

/**
 * AdaGrad (Duchi et al. 2011), Goodfellow et al. Algorithm 8.4; Aggarwal eq. 3.40.
 * <pre>
 * require: global learning rate ε, initial θ, small constant δ (about 1e-7)
 * r ← 0
 * loop:    g ← gradient at θ
 *          r ← r + g ⊙ g
 *          Δθ ← −ε/(δ + √r) ⊙ g
 *          θ ← θ + Δθ
 * </pre>
 * <b>Erratum:</b> the printed box drops the minus sign in Δθ; without it the algorithm climbs.
 * δ sits outside the root, as in Goodfellow et al., PyTorch and COMP541 lecture 4. Each coordinate's effective rate
 * ε/(δ + √rᵢ) can only shrink, because rᵢ only grows ({@link #effectiveRates(int)}).
 * Defaults: ε = 0.01 (standalone Keras), δ = 1e-7.
 */
public final class AdaGrad extends Optimizer {

    private final double delta;
    private final double[][] r;

    public AdaGrad(List<Param> params) {
        this(params, 0.01, 1e-7);
    }

    public AdaGrad(List<Param> params, double learningRate) {
        this(params, learningRate, 1e-7);
    }

    public AdaGrad(List<Param> params, double learningRate, double delta) {
        super(params, learningRate);
        this.delta = Require.nonNegative("AdaGrad: δ", delta);
        this.r = newState();
    }

    @Override
    protected double update(GradientOracle gradient) {
        double loss = gradient.evaluate();
        double eps = learningRate();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            double[] w = p.value().data, g = p.grad().data, ri = r[i];
            for (int j = 0; j < ri.length; j++) {
                ri[j] += g[j] * g[j];
                w[j] -= eps / (delta + Math.sqrt(ri[j])) * g[j];
            }
        }
        return loss;
    }

    /** ε/(δ + √rᵢ) for every entry of tensor {@code i}: the rate the next step would apply to a unit gradient. */
    public double[] effectiveRates(int i) {
        double[] out = new double[r[i].length];
        for (int j = 0; j < out.length; j++) {
            out[j] = learningRate() / (delta + Math.sqrt(r[i][j]));
        }
        return out;
    }

    /** The accumulated squared gradients r of tensor {@code i} (live view). */
    public double[] accumulator(int i) {
        return r[i];
    }

    @Override
    protected void resetState() {
        zero(r);
    }
}
