package descent.secondorder;

import descent.objective.CountingObjective;
import descent.objective.Objective;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bookkeeping one minimization shares with every other: the counting wrapper, the current point, f and
 * ∇f there, the recorded path, the stopping tests and the final {@link Result}. It checks the start: a start
 * point of the wrong length, with a non-finite entry, or where f or ∇f is not finite is an
 * {@link IllegalArgumentException} naming the value, never a run that quietly produces NaN.
 */
public final class Run {

    /** f below this means "unbounded below" (x² − y², x³): stop instead of overflowing to −∞. */
    static final double UNBOUNDED_BELOW = -1e30;
    /** Iterates are kept for plots only up to this dimension, so a long run at large d allocates nothing per step. */
    static final int PATH_LIMIT = 100;

    private final String method;
    private final CountingObjective f;
    private final double tolerance;
    private final int maxIterations;
    private final boolean recordPath;
    private double[] x;
    private double[] g;
    private double fx;
    private int iterations;
    private StopReason reason;
    private String message = "";
    private final List<double[]> path = new ArrayList<>();
    private double[] values = new double[64];
    private double[] gradientNorms = new double[64];
    private int recorded;

    Run(String method, Objective objective, double[] x0, double tolerance, int maxIterations) {
        if (objective == null) {
            throw new IllegalArgumentException(method + ": the objective is null");
        }
        this.method = method;
        this.f = CountingObjective.of(objective);
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        int d = f.dimension();
        Vectors.requireLength(x0, d, "the start point", method + " on " + f.name());
        if (!Vectors.allFinite(x0)) {
            throw new IllegalArgumentException(method + " on " + f.name() + ": the start point " + Vectors.show(x0)
                    + " has a non-finite entry");
        }
        this.recordPath = d <= PATH_LIMIT;
        this.x = x0.clone();
        this.g = new double[d];
        this.fx = f.valueAndGradient(x, g);
        if (!Double.isFinite(fx) || !Vectors.allFinite(g)) {
            throw new IllegalArgumentException(method + " on " + f.name() + ": at the start point " + Vectors.show(x0)
                    + " f = " + fx + " and ∇f = " + Vectors.show(g) + "; a minimizer needs finite values to start from");
        }
        record();
    }

    /** The counting objective every evaluation must go through. */
    public CountingObjective objective() {
        return f;
    }

    public int dimension() {
        return x.length;
    }

    /** The current point (live array: copy before changing). */
    public double[] x() {
        return x;
    }

    /** ∇f at the current point (live array). */
    public double[] g() {
        return g;
    }

    public double f() {
        return fx;
    }

    public int iterations() {
        return iterations;
    }

    public double gradientNorm() {
        return Vectors.infNorm(g);
    }

    /**
     * True when the run must end, with the reason recorded: the gradient test (checked first, so a start at a
     * stationary point ends after 0 iterations), the iteration budget, or f unbounded below.
     */
    public boolean done() {
        if (reason != null) {
            return true;
        }
        if (gradientNorm() <= tolerance) {
            reason = StopReason.GRADIENT_TOLERANCE;
        } else if (fx < UNBOUNDED_BELOW) {
            reason = StopReason.UNBOUNDED;
        } else if (iterations >= maxIterations) {
            reason = StopReason.MAX_ITERATIONS;
        }
        return reason != null;
    }

    /**
     * Moves to a new point and counts one iteration. The arrays are copied into this run's own x and ∇f (so the
     * arrays returned earlier by {@link #x()} and {@link #g()} now hold the new point: copy them first if the old one
     * is needed); nothing is allocated except, for d ≤ 100, the recorded iterate.
     */
    public void accept(double[] xNew, double fNew, double[] gNew) {
        if (!Double.isFinite(fNew) || !Vectors.allFinite(gNew) || !Vectors.allFinite(xNew)) {
            throw new IllegalStateException(method + " on " + f.name() + ": iteration " + (iterations + 1)
                    + " produced f = " + fNew + ", ∇f = " + Vectors.show(gNew) + " at x = " + Vectors.show(xNew)
                    + "; the line search should have rejected this point");
        }
        if (xNew != x) {
            System.arraycopy(xNew, 0, x, 0, x.length);
        }
        if (gNew != g) {
            System.arraycopy(gNew, 0, g, 0, g.length);
        }
        fx = fNew;
        iterations++;
        record();
    }

    /** Ends the run for {@code why}; {@code detail} goes into the result's message. */
    public void stop(StopReason why, String detail) {
        reason = why;
        message = detail == null ? "" : detail;
    }

    public Result result() {
        if (reason == null) {
            done();
        }
        if (reason == null) {
            reason = StopReason.MAX_ITERATIONS;
        }
        return new Result(method, f.name(), x.clone(), fx, gradientNorm(), iterations, f.functionEvaluations(),
                f.gradientEvaluations(), f.hessianEvaluations(), f.hessianVectorProducts(),
                reason == StopReason.GRADIENT_TOLERANCE, reason, message, List.copyOf(path),
                Arrays.copyOf(values, recorded), Arrays.copyOf(gradientNorms, recorded));
    }

    private void record() {
        if (recordPath) {
            path.add(Arrays.copyOf(x, x.length));
        }
        if (recorded == values.length) { // doubling: amortized O(1) bytes per iteration
            values = Arrays.copyOf(values, 2 * recorded);
            gradientNorms = Arrays.copyOf(gradientNorms, 2 * recorded);
        }
        values[recorded] = fx;
        gradientNorms[recorded] = gradientNorm();
        recorded++;
    }
}
