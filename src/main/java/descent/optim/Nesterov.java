package descent.optim;

import descent.nn.Param;
import descent.objective.GradientOracle;

import java.util.List;

/**
 * SGD with Nesterov momentum, Goodfellow et al. Algorithm 8.3 (eqs. 8.21–8.22; Aggarwal §3.5.2.1).
 * <pre>
 * require: learning rate ε, momentum α ∈ [0, 1), initial θ, initial v = 0
 * loop:    θ̃ ← θ + αv                 (interim point)
 *          g ← gradient at θ̃
 *          v ← αv − εg
 *          θ ← θ + v
 * </pre>
 * {@link Form#LOOKAHEAD} follows the box: it moves the parameters to θ̃, asks the oracle, and moves them back,
 * so it needs {@link #step(GradientOracle)}.
 *
 * <p>{@link Form#REPARAMETERIZED} is COMP541 lecture 4's change of variables x̃ = θ + αv: the parameters hold x̃, the
 * gradient is taken where the parameters are, and
 * <pre>
 *          v_old ← v;  v ← αv − εg(x̃);  x̃ ← x̃ − α·v_old + (1 + α)·v
 * </pre>
 * Started from the same point with v = 0, its iterates are the look-ahead form's θ_k + αv_k (the first iterate
 * equals θ₀ since v₀ = 0), and they converge to the same minimizer. This form works with plain {@link #step()}
 * and is what PyTorch's {@code SGD(nesterov=True)} computes.
 */
public final class Nesterov extends Optimizer {

    /** Which variables the parameters hold. */
    public enum Form {
        /** Parameters hold θ; gradient at θ + αv (Alg. 8.3). */
        LOOKAHEAD,
        /** Parameters hold x̃ = θ + αv; gradient at the parameters (COMP541 lecture 4). */
        REPARAMETERIZED
    }

    private double alpha;
    private final Form form;
    private final double[][] v;

    /** ε = 0.01, α = 0.9, look-ahead form. */
    public Nesterov(List<Param> params) {
        this(params, 0.01, 0.9);
    }

    public Nesterov(List<Param> params, double learningRate, double alpha) {
        this(params, learningRate, alpha, Form.LOOKAHEAD);
    }

    public Nesterov(List<Param> params, double learningRate, double alpha, Form form) {
        super(params, learningRate);
        this.alpha = Checks.decay("Nesterov: momentum α", alpha);
        this.form = java.util.Objects.requireNonNull(form, "form");
        this.v = newState();
    }

    @Override
    public double step(GradientOracle oracle) {
        if (form == Form.REPARAMETERIZED) {
            return super.step(oracle);
        }
        axpy(alpha, v);             // θ̃ ← θ + αv
        double loss = oracle.evaluate();
        axpy(-alpha, v);            // back to θ
        countStep();
        double eps = learningRate();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            double[] w = p.value().data, g = p.grad().data, vi = v[i];
            for (int j = 0; j < vi.length; j++) {
                vi[j] = alpha * vi[j] - eps * g[j];
                w[j] += vi[j];
            }
        }
        return loss;
    }

    @Override
    protected boolean needsOracle() {
        return form == Form.LOOKAHEAD;
    }

    @Override
    protected void update() {
        double eps = learningRate();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            double[] w = p.value().data, g = p.grad().data, vi = v[i];
            for (int j = 0; j < vi.length; j++) {
                double old = vi[j];
                vi[j] = alpha * old - eps * g[j];
                w[j] += -alpha * old + (1 + alpha) * vi[j];
            }
        }
    }

    /**
     * Sets α for the following steps, for a momentum schedule. Nesterov's accelerated gradient for smooth convex
     * functions uses α_k = (k − 1)/(k + 2) at step k = 1, 2, …; with ε = 1/L its excess error after k full-batch steps
     * is at most 2L‖θ₀ − θ*‖²/(k + 1)², against L‖θ₀ − θ*‖²/(2k) for gradient descent (notebook 08).
     */
    public void setMomentum(double alpha) {
        this.alpha = Checks.decay("Nesterov: momentum α", alpha);
    }

    /** The current momentum α. */
    public double momentum() {
        return alpha;
    }

    /** The velocity of tensor {@code i} (live view). */
    public double[] velocity(int i) {
        return v[i];
    }

    public Form form() {
        return form;
    }

    @Override
    protected void resetState() {
        zero(v);
    }

    @Override
    public String name() {
        return "Nesterov(α = " + alpha + (form == Form.REPARAMETERIZED ? ", re-parameterized)" : ")");
    }
}
