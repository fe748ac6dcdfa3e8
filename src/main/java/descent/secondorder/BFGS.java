package descent.secondorder;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * BFGS (Aggarwal §3.5.6.2): keep an approximation G ≈ H⁻¹, step xₜ₊₁ = xₜ − αₜGₜ∇f(xₜ) (eq. 3.54) with a strong
 * Wolfe line search (c₂ = 0.9), and after each step update G by eq. 3.56,
 * <pre>
 *   Gₜ₊₁ = (I − Δ q vᵀ) Gₜ (I − Δ v qᵀ) + Δ q qᵀ,   q = xₜ₊₁ − xₜ,  v = ∇f(xₜ₊₁) − ∇f(xₜ),  Δ = 1/(qᵀv),
 * </pre>
 * which makes Gₜ₊₁ satisfy the secant condition Gₜ₊₁v = q (eq. 3.55). G₀ = I; before the first update it is
 * rescaled to (qᵀv / vᵀv)·I (Nocedal and Wright eq. 6.20) so the first quasi-Newton step has a sensible length.
 * The first trial step is min(1, 1/‖∇f‖₂). Documented fallbacks: an update with qᵀv ≤ 1e-10·‖q‖‖v‖ would
 * destroy positive definiteness and is skipped; a direction that is not downhill resets G to I; optionally G
 * is reset to I every {@link #resetEvery k} iterations (the book's occasional reset).
 */
public final class BFGS extends Minimizer {

    private LineSearch lineSearch = new WolfeLineSearch(1e-4, 0.9);
    private int resetEvery;
    private DMatrixRMaj inverseHessian;

    public BFGS() {
        super(10_000);
    }

    /** Replaces the strong-Wolfe search (c₁ = 1e-4, c₂ = 0.9), e.g. by the exact one on a quadratic. */
    public BFGS lineSearch(LineSearch lineSearch) {
        if (lineSearch == null) {
            throw new IllegalArgumentException("BFGS: line search is null");
        }
        this.lineSearch = lineSearch;
        return this;
    }

    /** Reset G to I every k iterations (0 = never). */
    public BFGS resetEvery(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("BFGS: resetEvery must be ≥ 0, got " + k);
        }
        this.resetEvery = k;
        return this;
    }

    /** G at the end of the last run (a copy). */
    public DMatrixRMaj inverseHessian() {
        return inverseHessian == null ? null : inverseHessian.copy();
    }

    /**
     * Eq. 3.56 in place: G ← (I − Δqvᵀ)G(I − Δvqᵀ) + Δqqᵀ, computed as the equal rank-two correction
     * G + Δ²(vᵀGv)qqᵀ + Δqqᵀ − Δ(q(Gv)ᵀ + (Gv)qᵀ) in O(d²).
     *
     * @throws IllegalArgumentException when qᵀv ≤ 0 (the update would not be positive definite)
     */
    public static void update(DMatrixRMaj g, double[] q, double[] v) {
        int d = q.length;
        double qv = Vectors.dot(q, v);
        if (!(qv > 0)) {
            throw new IllegalArgumentException("BFGS update needs qᵀv > 0 (the curvature condition), got " + qv);
        }
        double delta = 1 / qv;
        double[] gv = new double[d];
        CommonOps_DDRM.mult(g, DMatrixRMaj.wrap(d, 1, v), DMatrixRMaj.wrap(d, 1, gv));
        double vgv = Vectors.dot(v, gv);
        double c = delta * delta * vgv + delta;
        double[] data = g.data;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                data[i * d + j] += c * q[i] * q[j] - delta * (q[i] * gv[j] + gv[i] * q[j]);
            }
        }
    }

    @Override
    protected void iterate(Run run) {
        int d = run.dimension();
        DMatrixRMaj g = CommonOps_DDRM.identity(d);
        boolean scaled = false;
        int sinceReset = 0;
        double[] p = new double[d];
        while (!run.done()) {
            CommonOps_DDRM.mult(g, DMatrixRMaj.wrap(d, 1, run.g()), DMatrixRMaj.wrap(d, 1, p));
            for (int i = 0; i < d; i++) {
                p[i] = -p[i];
            }
            if (!(Vectors.dot(p, run.g()) < 0)) {
                CommonOps_DDRM.setIdentity(g);
                scaled = false;
                p = Vectors.negate(run.g());
            }
            double alpha0 = run.iterations() == 0 ? Math.min(1, 1 / Vectors.norm(run.g())) : 1;
            LineSearch.Step s = lineSearch.search(run.objective(), run.x(), run.f(), run.g(), p, alpha0);
            if (s.alpha() == 0) {
                run.stop(StopReason.LINE_SEARCH_FAILED, s.message());
                break;
            }
            double[] q = s.x().clone(), v = s.g().clone();
            Vectors.axpy(-1, run.x(), q);
            Vectors.axpy(-1, run.g(), v);
            run.accept(s.x(), s.f(), s.g());
            sinceReset++;
            if (resetEvery > 0 && sinceReset >= resetEvery) {
                CommonOps_DDRM.setIdentity(g);
                scaled = false;
                sinceReset = 0;
                continue;
            }
            double qv = Vectors.dot(q, v);
            if (qv > 1e-10 * Vectors.norm(q) * Vectors.norm(v)) {
                if (!scaled) {
                    CommonOps_DDRM.scale(qv / Vectors.dot(v, v), g);
                    scaled = true;
                }
                update(g, q, v);
            }
            p = new double[d];
        }
        inverseHessian = g;
    }

    @Override
    public String name() {
        return "BFGS";
    }
}
