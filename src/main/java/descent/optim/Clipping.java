package descent.optim;

import descent.nn.GradientOracle;
import descent.nn.Param;
import descent.validate.Require;

import java.util.List;

/**
 * Gradient clipping (Goodfellow et al. §8.2.4, Aggarwal §3.5.5): the gradient keeps telling the direction, but a
 * cliff no longer decides the step length. Goodfellow et al. and Aggarwal name the two kinds without formulas; the standard ones are
 * <ul>
 *   <li>by value: gᵢ ← min(max(gᵢ, −v), v), each coordinate on its own (may turn the direction);</li>
 *   <li>by norm: if ‖g‖ > τ then g ← τ·g/‖g‖, with ‖·‖ the 2-norm over all tensors together (keeps the
 *   direction).</li>
 * </ul>
 * Neither changes a gradient already inside its bound. {@link #wrap} applies clipping inside a
 * {@link GradientOracle}, so it also acts on the look-ahead gradients of Nesterov and SAM.
 */
public final class Clipping {

    private Clipping() {
    }

    /** Clips every coordinate of every gradient to [−v, v]; returns how many entries were changed. */
    public static int byValue(List<Param> params, double v) {
        Require.positive("clip by value: threshold v", v);
        int changed = 0;
        for (Param p : params) {
            double[] g = p.grad().data;
            for (int j = 0, n = p.size(); j < n; j++) {
                if (g[j] > v) {
                    g[j] = v;
                    changed++;
                } else if (g[j] < -v) {
                    g[j] = -v;
                    changed++;
                }
            }
        }
        return changed;
    }

    /** Rescales the gradients so that their joint 2-norm is at most τ; returns the norm before clipping. */
    public static double byNorm(List<Param> params, double tau) {
        Require.positive("clip by norm: threshold τ", tau);
        double s = 0;
        for (Param p : params) {
            double[] g = p.grad().data;
            for (int j = 0, n = p.size(); j < n; j++) {
                s += g[j] * g[j];
            }
        }
        double norm = Math.sqrt(s);
        if (norm > tau) {
            double c = tau / norm;
            for (Param p : params) {
                double[] g = p.grad().data;
                for (int j = 0, n = p.size(); j < n; j++) {
                    g[j] *= c;
                }
            }
        }
        return norm;
    }

    /** byNorm on a flat vector, in place; returns the norm before clipping. */
    public static double byNorm(double[] g, double tau) {
        Require.positive("clip by norm: threshold τ", tau);
        double s = 0;
        for (double x : g) {
            s += x * x;
        }
        double norm = Math.sqrt(s);
        if (norm > tau) {
            for (int j = 0; j < g.length; j++) {
                g[j] *= tau / norm;
            }
        }
        return norm;
    }

    /** An oracle that evaluates {@code oracle} and then clips the gradients by norm τ. */
    public static GradientOracle wrapByNorm(GradientOracle oracle, List<Param> params, double tau) {
        Require.positive("clip by norm: threshold τ", tau);
        requireOracle(oracle, params);
        return () -> {
            double loss = oracle.evaluate();
            byNorm(params, tau);
            return loss;
        };
    }

    /** An oracle that evaluates {@code oracle} and then clips the gradients by value v. */
    public static GradientOracle wrapByValue(GradientOracle oracle, List<Param> params, double v) {
        Require.positive("clip by value: threshold v", v);
        requireOracle(oracle, params);
        return () -> {
            double loss = oracle.evaluate();
            byValue(params, v);
            return loss;
        };
    }

    /** Shorthand for {@link #wrapByNorm}. */
    public static GradientOracle wrap(GradientOracle oracle, List<Param> params, double tau) {
        return wrapByNorm(oracle, params, tau);
    }

    private static void requireOracle(GradientOracle oracle, List<Param> params) {
        if (oracle == null || params == null || params.isEmpty()) {
            throw new IllegalArgumentException("clipping needs a gradient oracle and the parameters it fills, got "
                    + oracle + " and " + params);
        }
    }
}
