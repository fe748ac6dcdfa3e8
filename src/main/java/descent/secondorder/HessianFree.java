package descent.secondorder;

import descent.objective.Objective;

import java.util.Locale;

/**
 * Hessian-free optimization in the spirit of Martens (2010), the method Aggarwal §3.5.6.1 recommends: at each
 * outer iteration fix the quadratic model of eq. 3.47 at xₜ, damp it, and minimize it approximately with
 * linear CG that needs only Hessian-vector products (exact where the objective has them, otherwise the
 * two-gradient difference of eq. 3.51); no d×d matrix is ever formed.
 * <pre>
 *   solve (H + λI)p = −∇f(xₜ) by CG from p = 0, at most {@code maxInner} steps,
 *        until ‖residual‖ ≤ min(0.5, √‖∇f‖)·‖∇f‖, or stop early at negative curvature
 *   ρ = (f(xₜ + p) − f(xₜ)) / (∇fᵀp + ½pᵀHp)            (how well the model predicted the change)
 *   λ ← 1.5λ if ρ &lt; ¼,  λ ← ⅔λ if ρ &gt; ¾              (Levenberg–Marquardt damping)
 *   accept xₜ + p if it decreases f enough (Armijo), otherwise backtrack along p from α = ½
 * </pre>
 * The model's prediction costs nothing extra: for a CG iterate p of (H + λI)p = −g, pᵀ(H + λI)p = −gᵀp, so
 * ∇fᵀp + ½pᵀHp = ½gᵀp − ½λ‖p‖². Counts: each inner step is one Hv product.
 */
public final class HessianFree extends Minimizer {

    private double damping = 1.0;
    private int maxInner = 50;
    private final LineSearch backtracking = LineSearch.backtracking();
    private int innerIterations;
    private double finalDamping;

    public HessianFree() {
        super(1000);
    }

    /** λ₀, the initial damping (default 1). */
    public HessianFree damping(double lambda) {
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("HessianFree: damping must be ≥ 0, got " + lambda);
        }
        this.damping = lambda;
        return this;
    }

    /** The most CG steps per outer iteration (default 50). */
    public HessianFree maxInner(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("HessianFree: maxInner must be ≥ 1, got " + n);
        }
        this.maxInner = n;
        return this;
    }

    /** Total CG steps in the last run. */
    public int innerIterations() {
        return innerIterations;
    }

    /** λ at the end of the last run. */
    public double finalDamping() {
        return finalDamping;
    }

    @Override
    protected void iterate(Run run) {
        Objective f = run.objective();
        int d = run.dimension();
        double lambda = damping;
        innerIterations = 0;
        while (!run.done()) {
            final double lam = lambda;
            final double[] x = run.x().clone();
            double[] g = run.g();
            double gNorm = Vectors.norm(g);
            LinearCG.Solution sol = LinearCG.solve((v, out) -> {
                f.hessianVector(x, v, out);
                Vectors.axpy(lam, v, out);
            }, Vectors.negate(g), maxInner, Math.min(0.5, Math.sqrt(gNorm)));
            innerIterations += sol.iterations();
            double[] p = sol.x();
            double slope = Vectors.dot(g, p);
            if (!(slope < 0)) {
                p = Vectors.negate(g);
                slope = -gNorm * gNorm;
            }
            double predicted = sol.negativeCurvature() ? slope : 0.5 * slope - 0.5 * lambda * Vectors.dot(p, p);
            double[] xNew = Vectors.step(x, 1, p);
            double[] gNew = new double[d];
            double fNew = f.valueAndGradient(xNew, gNew);
            double rho = Double.isFinite(fNew) ? (fNew - run.f()) / predicted : Double.NEGATIVE_INFINITY;
            if (rho < 0.25 || sol.negativeCurvature()) {
                lambda *= 1.5;
            } else if (rho > 0.75) {
                lambda *= 2.0 / 3.0;
            }
            if (Double.isFinite(fNew) && Vectors.allFinite(gNew) && fNew <= run.f() + 1e-4 * slope) {
                run.accept(xNew, fNew, gNew);
                continue;
            }
            LineSearch.Step s = backtracking.search(f, x, run.f(), g, p, 0.5);
            if (s.alpha() == 0) {
                run.stop(StopReason.LINE_SEARCH_FAILED, String.format(Locale.ROOT,
                        "no decrease along the CG step (λ = %.3g, ρ = %.3g)", lambda, rho));
                break;
            }
            run.accept(s.x(), s.f(), s.g());
        }
        finalDamping = lambda;
    }

    @Override
    public String name() {
        return "Hessian-free (damped Newton-CG)";
    }
}
