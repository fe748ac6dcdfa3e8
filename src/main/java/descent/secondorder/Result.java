package descent.secondorder;

import java.util.List;
import java.util.Locale;

/**
 * What every minimizer in this package returns (the shape of scipy's {@code OptimizeResult}): the final point,
 * f there, ‖∇f‖∞ there, how many iterations and evaluations it took, whether it succeeded and why it stopped.
 * {@code functionEvaluations} counts every call that computed f (with or without the gradient), which is what
 * scipy reports as {@code nfev}; {@code gradientEvaluations} counts the calls that also computed ∇f.
 * {@code path}, {@code values} and {@code gradientNorms} hold the iterates x₀, x₁, …, f(xₖ) and ‖∇f(xₖ)‖∞ for
 * plots; {@code path} is kept only when d ≤ 100 (empty otherwise), so that long runs at large d do not allocate a
 * copy of x per iteration.
 */
public record Result(String method, String problem, double[] x, double f, double gradientNorm, int iterations,
                     int functionEvaluations, int gradientEvaluations, int hessianEvaluations,
                     int hessianVectorProducts, boolean success, StopReason reason, String message,
                     List<double[]> path, double[] values, double[] gradientNorms) {

    /** One line for logs and notebook cells. */
    public String summary() {
        return String.format(Locale.ROOT, "%s on %s: %s after %d iterations (%d f, %d ∇f, %d H, %d Hv), f = %.6g, ‖g‖∞ = %.2e%s",
                method, problem, success ? "converged" : "stopped: " + reason.description(), iterations,
                functionEvaluations, gradientEvaluations, hessianEvaluations, hessianVectorProducts, f, gradientNorm,
                message == null || message.isEmpty() ? "" : " (" + message + ")");
    }

    @Override
    public String toString() {
        return summary();
    }
}
