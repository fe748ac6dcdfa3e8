package descent.secondorder;

import descent.objective.Objective;

/**
 * Common shape of the minimizers in this package: a gradient tolerance (stop when ‖∇f‖∞ ≤ tol, default 1e-5,
 * the same test as scipy's {@code gtol}), an iteration budget, and {@link #minimize} returning one
 * {@link Result}. Subclasses write only their iteration, against a {@link Run} that counts evaluations and
 * records the path.
 */
public abstract class Minimizer {

    private double gradientTolerance = 1e-5;
    private int maxIterations;

    protected Minimizer(int defaultMaxIterations) {
        this.maxIterations = defaultMaxIterations;
    }

    /** Stop when ‖∇f‖∞ ≤ {@code tolerance}. */
    public Minimizer gradientTolerance(double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException(name() + ": the gradient tolerance must be ≥ 0, got " + tolerance);
        }
        this.gradientTolerance = tolerance;
        return this;
    }

    /** Stop after at most {@code n} iterations. */
    public Minimizer maxIterations(int n) {
        if (n < 0) {
            throw new IllegalArgumentException(name() + ": maxIterations must be ≥ 0, got " + n);
        }
        this.maxIterations = n;
        return this;
    }

    public double gradientTolerance() {
        return gradientTolerance;
    }

    public int maxIterations() {
        return maxIterations;
    }

    /**
     * Minimizes f from x0 (not modified). The objective is wrapped in a counting wrapper; a start with the
     * wrong length or a non-finite value or gradient is an {@link IllegalArgumentException}.
     */
    public Result minimize(Objective f, double[] x0) {
        Run run = start(f, x0);
        iterate(run);
        return run.result();
    }

    /** A fresh run from x0 with this minimizer's tolerance and budget. */
    protected Run start(Objective f, double[] x0) {
        return new Run(name(), f, x0, gradientTolerance, maxIterations);
    }

    /** Iterates until {@link Run#done()} or until it calls {@link Run#stop}. */
    protected abstract void iterate(Run run);

    /** The method's name for tables, e.g. "L-BFGS (m = 10)". */
    public abstract String name();

    @Override
    public String toString() {
        return name();
    }
}
