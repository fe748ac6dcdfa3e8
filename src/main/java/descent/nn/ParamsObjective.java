package descent.nn;

import descent.objective.Objective;

import java.util.List;

/**
 * Presents parameter tensors plus a gradient oracle as an {@link Objective} over one flat vector, in the order
 * of the list and row-major within each tensor, so that line searches, CG and L-BFGS can train a network.
 * Evaluating at x writes x into the parameters (they keep the last point evaluated).
 */
public final class ParamsObjective implements Objective {

    private final List<Param> params;
    private final GradientOracle oracle;
    private final int dimension;

    public ParamsObjective(List<Param> params, GradientOracle oracle) {
        if (params == null || params.isEmpty()) {
            throw new IllegalArgumentException("ParamsObjective needs at least one parameter, got " + params);
        }
        if (oracle == null) {
            throw new IllegalArgumentException("ParamsObjective needs a gradient oracle, got null");
        }
        this.params = List.copyOf(params);
        this.oracle = oracle;
        this.dimension = this.params.stream().mapToInt(Param::size).sum();
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** Copies the parameters' current values into {@code x} (length d) and returns it. */
    public double[] read(double[] x) {
        requireLength(x, "x");
        int at = 0;
        for (Param p : params) {
            System.arraycopy(p.value().data, 0, x, at, p.size());
            at += p.size();
        }
        return x;
    }

    /** Copies {@code x} into the parameters. */
    public void write(double[] x) {
        requireLength(x, "x");
        int at = 0;
        for (Param p : params) {
            System.arraycopy(x, at, p.value().data, 0, p.size());
            at += p.size();
        }
    }

    @Override
    public double value(double[] x) {
        write(x);
        return oracle.evaluate();
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        requireLength(gradient, "gradient");
        write(x);
        double f = oracle.evaluate();
        int at = 0;
        for (Param p : params) {
            System.arraycopy(p.grad().data, 0, gradient, at, p.size());
            at += p.size();
        }
        return f;
    }

    private void requireLength(double[] v, String what) {
        if (v.length != dimension) {
            throw new IllegalArgumentException("ParamsObjective over " + params + " has dimension " + dimension
                    + " but " + what + " has length " + v.length);
        }
    }
}
