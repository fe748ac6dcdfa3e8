package descent.nn;

import descent.objective.Objective;

/**
 * The other direction: an {@link Objective} as a single 1×d parameter plus a gradient oracle, so that every
 * first-order optimizer written for networks also runs on a test function (and its path can be plotted).
 * <pre>{@code
 * ObjectiveParam p = new ObjectiveParam(new Rosenbrock(2), new double[]{-1.2, 1});
 * Optimizer opt = new Adam(List.of(p.param()), ...);
 * opt.step(p.oracle());
 * }</pre>
 */
public final class ObjectiveParam {

    private final Objective objective;
    private final Param param;
    private final GradientOracle oracle;

    public ObjectiveParam(Objective objective, double[] start) {
        if (objective == null || start == null) {
            throw new IllegalArgumentException("ObjectiveParam needs an objective and a start point, got " + objective
                    + " and " + (start == null ? "null" : "a point"));
        }
        if (start.length != objective.dimension()) {
            throw new IllegalArgumentException(objective.name() + " has dimension " + objective.dimension()
                    + " but the start point has length " + start.length);
        }
        this.objective = objective;
        this.param = Param.vector("x", start);
        this.oracle = () -> objective.valueAndGradient(param.value().data, param.grad().data);
    }

    public Objective objective() {
        return objective;
    }

    /** The point, as a 1×d parameter whose gradient the oracle fills. */
    public Param param() {
        return param;
    }

    /** Evaluates f and ∇f at the parameter's current value. */
    public GradientOracle oracle() {
        return oracle;
    }

    /** A copy of the current point. */
    public double[] x() {
        return param.value().data.clone();
    }
}
