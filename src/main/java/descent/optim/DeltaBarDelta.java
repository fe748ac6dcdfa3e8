package descent.optim;

import descent.nn.GradientOracle;
import descent.nn.Param;
import descent.validate.Require;

import java.util.List;

/**
 * Delta-bar-delta (Jacobs 1988), the early per-parameter rate heuristic of Goodfellow et al. §8.5 and Aggarwal
 * §3.5.3: if a parameter's derivative keeps its sign, raise its rate; if the sign flips, lower it. Neither text gives
 * constants; this is Jacobs's rule, with an additive increase κ, a multiplicative decrease φ, and the
 * sign compared with an exponential average of past derivatives (the "bar delta", weight θ):
 * <pre>
 *   for every coordinate i:
 *       if  g_i · d̄_i &gt; 0:  ε_i ← ε_i + κ
 *       if  g_i · d̄_i &lt; 0:  ε_i ← (1 − φ) ε_i
 *       d̄_i ← (1 − θ) g_i + θ d̄_i
 *       θ_i ← θ_i − ε_i g_i
 * </pre>
 * Every ε_i starts at the optimizer's learning rate when it is built or {@link #reset()}; a schedule's
 * {@link #setLearningRate} in between does not touch the per-parameter rates. Meant for full-batch gradients: minibatch noise flips signs at random and drives
 * every rate down. Defaults: κ = 1e-4, φ = 0.1, θ = 0.7.
 */
public final class DeltaBarDelta extends Optimizer {

    private final double kappa;
    private final double phi;
    private final double theta;
    private final double[][] rate;
    private final double[][] bar;

    /** Every ε_i starting at 0.01, with the default κ, φ, θ. */
    public DeltaBarDelta(List<Param> params) {
        this(params, 0.01);
    }

    public DeltaBarDelta(List<Param> params, double learningRate) {
        this(params, learningRate, 1e-4, 0.1, 0.7);
    }

    public DeltaBarDelta(List<Param> params, double learningRate, double kappa, double phi, double theta) {
        super(params, learningRate);
        this.kappa = Require.nonNegative("DeltaBarDelta: increase κ", kappa);
        this.phi = Require.decay("DeltaBarDelta: decrease φ", phi);
        this.theta = Require.decay("DeltaBarDelta: averaging weight θ", theta);
        this.rate = newState();
        this.bar = newState();
        resetState();
    }

    @Override
    protected double update(GradientOracle gradient) {
        double loss = gradient.evaluate();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            double[] w = p.value().data, g = p.grad().data, r = rate[i], b = bar[i];
            for (int j = 0; j < r.length; j++) {
                double s = g[j] * b[j];
                if (s > 0) {
                    r[j] += kappa;
                } else if (s < 0) {
                    r[j] *= 1 - phi;
                }
                b[j] = (1 - theta) * g[j] + theta * b[j];
                w[j] -= r[j] * g[j];
            }
        }
        return loss;
    }

    /** The per-parameter rates ε_i of tensor {@code i} (live view). */
    public double[] rates(int i) {
        return rate[i];
    }

    @Override
    protected void resetState() {
        for (double[] r : rate) {
            java.util.Arrays.fill(r, learningRate());
        }
        zero(bar);
    }

    @Override
    public String name() {
        return "DeltaBarDelta(κ = " + kappa + ", φ = " + phi + ")";
    }
}
