package descent.optim;

import descent.nn.Param;
import descent.objective.Objective;
import descent.nn.ObjectiveParam;

import java.util.List;
import java.util.function.Function;

/**
 * The iterates of an optimizer run on a flat objective, for plots and tables: points[0] is the start,
 * points[k] the point after k steps, and values[k] = f(points[k]). A run stops early when f becomes non-finite
 * or leaves ±1e100, and records that it {@link #diverged()}.
 * <pre>{@code
 * Trajectory t = Trajectory.run(Quadratic.bowl(1, 25), new double[]{1, 1}, ps -> new Momentum(ps, 0.05, 0.9), 200);
 * fig.path("momentum", t.coordinate(0), t.coordinate(1));
 * }</pre>
 */
public record Trajectory(String name, double[][] points, double[] values, boolean diverged) {

    /** Runs {@code steps} steps of the optimizer {@code make} builds over a single parameter started at {@code start}. */
    public static Trajectory run(Objective f, double[] start, Function<List<Param>, Optimizer> make, int steps) {
        ObjectiveParam p = new ObjectiveParam(f, start);
        Optimizer opt = make.apply(List.of(p.param()));
        double[][] pts = new double[steps + 1][];
        double[] vals = new double[steps + 1];
        pts[0] = p.x();
        vals[0] = f.value(pts[0]);
        int k = 0;
        boolean bad = false;
        while (k < steps) {
            opt.step(p.oracle());
            k++;
            pts[k] = p.x();
            vals[k] = f.value(pts[k]);
            if (!Double.isFinite(vals[k]) || Math.abs(vals[k]) > 1e100) {
                bad = true;
                break;
            }
        }
        return new Trajectory(opt.name(), java.util.Arrays.copyOf(pts, k + 1), java.util.Arrays.copyOf(vals, k + 1), bad);
    }

    /** Coordinate i of every point, e.g. the x values of a 2-D path. */
    public double[] coordinate(int i) {
        double[] out = new double[points.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = points[k][i];
        }
        return out;
    }

    /** Number of steps taken (points − 1). */
    public int steps() {
        return points.length - 1;
    }

    /** The last point. */
    public double[] last() {
        return points[points.length - 1].clone();
    }

    /** f at the last point. */
    public double lastValue() {
        return values[values.length - 1];
    }

    /** 0, 1, …, steps() as doubles, for an x axis. */
    public double[] stepAxis() {
        double[] s = new double[points.length];
        for (int k = 0; k < s.length; k++) {
            s[k] = k;
        }
        return s;
    }

    /** The first step k at which f(points[k]) − target ≤ tol, or −1 if never. */
    public int firstBelow(double target, double tol) {
        for (int k = 0; k < values.length; k++) {
            if (values[k] - target <= tol) {
                return k;
            }
        }
        return -1;
    }

    /** The first step k at which ‖points[k]‖ ≤ tol, or −1 if never. */
    public int firstWithinOfOrigin(double tol) {
        for (int k = 0; k < points.length; k++) {
            double s = 0;
            for (double v : points[k]) {
                s += v * v;
            }
            if (Math.sqrt(s) <= tol) {
                return k;
            }
        }
        return -1;
    }
}
