package descent.optim;

import descent.nn.GradientOracle;
import descent.nn.Param;
import descent.validate.Require;

import java.util.List;

/**
 * SGD with momentum, Goodfellow et al. Algorithm 8.2 (eqs. 8.15–8.16; Aggarwal §3.5.2 with β for α).
 * <pre>
 * require: learning rate ε, momentum α ∈ [0, 1), initial θ, initial velocity v = 0
 * loop:    g ← gradient at θ
 *          v ← αv − εg
 *          θ ← θ + v
 * </pre>
 * Under a constant gradient the step settles at ε‖g‖/(1 − α) (eq. 8.17): α = 0.9 moves ten times faster than
 * plain SGD. Common α: 0.5, 0.9, 0.99. With α = 0 this is {@link SGD}.
 *
 * <p><b>The rate on the step</b> (COMP541 lecture 4, slide "SGD + Momentum", after CS231n): v ← ρv + g,
 * θ ← θ − εv. Its velocity is a running sum of raw gradients, without ε; Goodfellow's velocity is −ε times it.
 * Under a constant ε the two produce the same iterates; under a schedule they differ, since Alg. 8.2's v remembers
 * the rate each gradient was taken with while this form applies today's rate to the whole history.
 * {@link Form#RATE_ON_STEP} implements it (it is also PyTorch's {@code SGD(momentum=ρ)} with dampening 0).
 */
public final class Momentum extends Optimizer {

    /** Where the learning rate enters. */
    public enum Form {
        /** v ← αv − εg, θ ← θ + v: the velocity sums rate-scaled steps (Goodfellow et al. Alg. 8.2). */
        RATE_IN_VELOCITY,
        /** v ← ρv + g, θ ← θ − εv: the velocity sums raw gradients (COMP541 lecture 4; PyTorch). */
        RATE_ON_STEP
    }

    private final double alpha;
    private final Form form;
    private final double[][] v;

    /** ε = 0.01, α = 0.9, {@link Form#RATE_IN_VELOCITY}. */
    public Momentum(List<Param> params) {
        this(params, 0.01, 0.9);
    }

    public Momentum(List<Param> params, double learningRate, double alpha) {
        this(params, learningRate, alpha, Form.RATE_IN_VELOCITY);
    }

    public Momentum(List<Param> params, double learningRate, double alpha, Form form) {
        super(params, learningRate);
        this.alpha = Require.decay("Momentum: momentum α", alpha);
        this.form = java.util.Objects.requireNonNull(form, "form");
        this.v = newState();
    }

    @Override
    protected double update(GradientOracle gradient) {
        double loss = gradient.evaluate();
        double eps = learningRate();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            double[] w = p.value().data, g = p.grad().data, vi = v[i];
            for (int j = 0; j < vi.length; j++) {
                if (form == Form.RATE_IN_VELOCITY) {
                    vi[j] = alpha * vi[j] - eps * g[j];
                    w[j] += vi[j];
                } else {
                    vi[j] = alpha * vi[j] + g[j];
                    w[j] -= eps * vi[j];
                }
            }
        }
        return loss;
    }

    /** The velocity of tensor {@code i} (live view; in the form's own convention). */
    public double[] velocity(int i) {
        return v[i];
    }

    public double alpha() {
        return alpha;
    }

    @Override
    protected void resetState() {
        zero(v);
    }

    @Override
    protected double[][][] stateArrays() {
        return new double[][][]{v};
    }

    @Override
    public String name() {
        return "Momentum(α = " + alpha + ")";
    }
}
