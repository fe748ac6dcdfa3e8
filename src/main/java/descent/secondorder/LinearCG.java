package descent.secondorder;

import descent.objective.Objective;

import java.util.ArrayList;
import java.util.List;

/**
 * Linear conjugate gradient on a quadratic f = ½xᵀHx − bᵀx, as in Aggarwal §3.5.6.1:
 * <pre>
 *   q₀ = −∇f(x₀)
 *   for t = 0, 1, …:
 *     αₜ = −∇f(xₜ)ᵀqₜ / qₜᵀHqₜ                 (exact line search along qₜ)
 *     xₜ₊₁ = xₜ + αₜqₜ
 *     βₜ = qₜᵀH∇f(xₜ₊₁) / qₜᵀHqₜ               (eq. 3.50)
 *     qₜ₊₁ = −∇f(xₜ₊₁) + βₜqₜ                   (eq. 3.49)
 * </pre>
 * The directions are mutually H-conjugate and the gradients mutually orthogonal, so in exact arithmetic the
 * gradient vanishes after at most d steps (exercises 7, 8, 12); the default iteration budget is therefore d.
 * Each step costs one Hessian-vector product (Hqₜ, reused by both αₜ and βₜ) and one f+∇f evaluation.
 * {@link #trace} also returns every direction, gradient, α and β for checking those properties.
 *
 * <p>{@link #solve} is the same iteration in residual form for a linear system Ax = b given only products
 * A·v: the inner loop of {@link HessianFree}.
 */
public final class LinearCG extends Minimizer {

    public LinearCG() {
        super(-1);
    }

    @Override
    public LinearCG gradientTolerance(double tolerance) {
        super.gradientTolerance(tolerance);
        return this;
    }

    @Override
    public LinearCG maxIterations(int n) {
        super.maxIterations(n);
        return this;
    }

    /** The directions qₜ, gradients ∇f(xₜ) (one more than directions), steps αₜ and βₜ of one run. */
    public record Trace(Result result, List<double[]> directions, List<double[]> gradients, double[] alphas,
                        double[] betas) {
    }

    @Override
    protected Run start(Objective f, double[] x0) {
        int budget = maxIterations() < 0 ? f.dimension() : maxIterations();
        return new Run(name(), f, x0, gradientTolerance(), budget);
    }

    @Override
    protected void iterate(Run run) {
        loop(run, null, null, null, null);
    }

    /** Runs CG from x0 and keeps every direction, gradient, α and β. */
    public Trace trace(Objective quadratic, double[] x0) {
        Run run = start(quadratic, x0);
        List<double[]> directions = new ArrayList<>(), gradients = new ArrayList<>();
        List<Double> alphas = new ArrayList<>(), betas = new ArrayList<>();
        gradients.add(run.g().clone());
        loop(run, directions, gradients, alphas, betas);
        return new Trace(run.result(), directions, gradients,
                alphas.stream().mapToDouble(Double::doubleValue).toArray(),
                betas.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private void loop(Run run, List<double[]> directions, List<double[]> gradients, List<Double> alphas,
                      List<Double> betas) {
        int d = run.dimension();
        double[] q = Vectors.negate(run.g());
        double[] hq = new double[d];
        while (!run.done()) {
            run.objective().hessianVector(run.x(), q, hq);
            double curvature = Vectors.dot(q, hq);
            if (!(curvature > 0)) {
                throw new IllegalArgumentException("linear CG on " + run.objective().name() + ": qᵀHq = " + curvature
                        + " ≤ 0 at step " + run.iterations() + "; linear CG needs a positive definite H");
            }
            double alpha = -Vectors.dot(run.g(), q) / curvature;
            double[] xNew = Vectors.step(run.x(), alpha, q);
            double[] gNew = new double[d];
            double fNew = run.objective().valueAndGradient(xNew, gNew);
            double beta = Vectors.dot(hq, gNew) / curvature;
            if (directions != null) {
                directions.add(q.clone());
                gradients.add(gNew.clone());
                alphas.add(alpha);
                betas.add(beta);
            }
            run.accept(xNew, fNew, gNew);
            double[] qNew = Vectors.negate(gNew);
            Vectors.axpy(beta, q, qNew);
            q = qNew;
        }
    }

    /** y = A·v for a symmetric A known only through its action. */
    @FunctionalInterface
    public interface LinearOperator {
        void apply(double[] v, double[] out);
    }

    /**
     * The outcome of {@link #solve}: the approximate solution, the iterations used, the final residual norm
     * ‖b − Ax‖₂, and whether CG stopped because it met a direction with pᵀAp ≤ 0.
     */
    public record Solution(double[] x, int iterations, double residualNorm, boolean negativeCurvature) {
    }

    /**
     * Solves Ax = b by CG from x = 0 (residual form: r = b − Ax, p₀ = r₀, β = rₜ₊₁ᵀrₜ₊₁ / rₜᵀrₜ, which equals
     * eq. 3.50 for a quadratic) until ‖r‖₂ ≤ tolerance·‖b‖₂ or {@code maxIterations}. On a direction with
     * pᵀAp ≤ 0 it stops and returns the iterate so far (or b itself if that happens at the first step),
     * with {@code negativeCurvature} set: the truncation Newton-CG and Hessian-free methods use.
     */
    public static Solution solve(LinearOperator a, double[] b, int maxIterations, double tolerance) {
        int d = b.length;
        double[] x = new double[d], r = b.clone(), p = b.clone(), ap = new double[d];
        double rr = Vectors.dot(r, r), bNorm = Math.sqrt(rr);
        if (bNorm == 0) {
            return new Solution(x, 0, 0, false);
        }
        for (int t = 0; t < maxIterations; t++) {
            a.apply(p, ap);
            double curvature = Vectors.dot(p, ap);
            if (!(curvature > 0)) {
                return new Solution(t == 0 ? b.clone() : x, t, Math.sqrt(rr), true);
            }
            double alpha = rr / curvature;
            Vectors.axpy(alpha, p, x);
            Vectors.axpy(-alpha, ap, r);
            double rrNew = Vectors.dot(r, r);
            if (Math.sqrt(rrNew) <= tolerance * bNorm) {
                return new Solution(x, t + 1, Math.sqrt(rrNew), false);
            }
            double beta = rrNew / rr;
            for (int i = 0; i < d; i++) {
                p[i] = r[i] + beta * p[i];
            }
            rr = rrNew;
        }
        return new Solution(x, maxIterations, Math.sqrt(rr), false);
    }

    @Override
    public String name() {
        return "linear CG";
    }
}
