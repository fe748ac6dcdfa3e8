package descent.regularize;

import descent.nn.GradientOracle;
import descent.optim.Optimizer;

import java.util.List;

/**
 * An optimizer followed by reprojection (Goodfellow et al. §7.2): each step is the wrapped optimizer's step on J,
 * then every {@link AfterStep} in order — a {@link Constraint}'s projection, an L¹ proximal step
 * ({@link L1Penalty#proximal()}), a multiplier update ({@link DualAscent}), decoupled weight decay
 * ({@link DecoupledWeightDecay}).
 * <pre>{@code
 * Optimizer opt = new ProjectedOptimizer(new SGD(net.params(), 0.5), new MaxNorm(net.params(), 3));
 * }</pre>
 * The learning rate, the schedule and {@link #reset()} go to the wrapped optimizer; the hooks receive the learning
 * rate of the step just taken. Works with every optimizer, including those that evaluate the gradient at a shifted
 * point: the projection follows the whole step.
 */
public final class ProjectedOptimizer extends Optimizer {

    private final Optimizer inner;
    private final AfterStep[] hooks;

    public ProjectedOptimizer(Optimizer inner, AfterStep... hooks) {
        super(nonNull(inner).params(), inner.learningRate(), inner.needsOracle() ? Needs.ORACLE : Needs.GRADIENT_AT_START);
        if (hooks == null || hooks.length == 0) {
            throw new IllegalArgumentException("ProjectedOptimizer needs at least one constraint or after-step hook");
        }
        for (int i = 0; i < hooks.length; i++) {
            if (hooks[i] == null) {
                throw new IllegalArgumentException("ProjectedOptimizer: after-step hook " + i + " is null");
            }
        }
        this.inner = inner;
        this.hooks = hooks.clone();
    }

    @Override
    protected double update(GradientOracle gradient) {
        before();
        double loss = inner.step(gradient);
        after();
        return loss;
    }

    private void before() {
        for (AfterStep h : hooks) {
            h.beforeStep();
        }
    }

    private void after() {
        double eps = inner.learningRate();
        for (AfterStep h : hooks) {
            h.afterStep(eps);
        }
    }

    @Override
    public double learningRate() {
        return inner.learningRate();
    }

    @Override
    public void setLearningRate(double learningRate) {
        inner.setLearningRate(learningRate);
    }

    @Override
    protected void resetState() {
        inner.reset();
    }

    private static Optimizer nonNull(Optimizer inner) {
        if (inner == null) {
            throw new IllegalArgumentException("ProjectedOptimizer needs an optimizer to wrap, got null");
        }
        return inner;
    }

    /** The wrapped optimizer. */
    public Optimizer inner() {
        return inner;
    }

    /** The hooks, in the order they run. */
    public List<AfterStep> hooks() {
        return List.of(hooks);
    }

    @Override
    public String name() {
        StringBuilder sb = new StringBuilder(inner.name()).append(" + ");
        for (int i = 0; i < hooks.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(hooks[i]);
        }
        return sb.toString();
    }
}
