package descent.secondorder;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Limited-memory BFGS (Aggarwal §3.5.6.2, last paragraph): instead of the d×d matrix G, keep the m most recent
 * pairs (qᵢ, vᵢ) = (xᵢ₊₁ − xᵢ, ∇f(xᵢ₊₁) − ∇f(xᵢ)) and apply eq. 3.56 m times to a scaled identity
 * γI, γ = qᵀv / vᵀv of the newest pair, without forming a matrix. That product G·g is the two-loop recursion
 * ({@link #twoLoop}, Nocedal and Wright Alg. 7.4): O(md) time and memory per iteration.
 *
 * <p>Step xₜ₊₁ = xₜ − αₜG∇f(xₜ) with the Moré–Thuente line search ({@link MoreThuenteLineSearch#forQuasiNewton()}:
 * c₁ = 1e-4, c₂ = 0.9, the values Nocedal and Wright §3.1 give for quasi-Newton methods, the same for every
 * problem); the first trial step is min(1, 1/‖∇f‖₂), later ones 1 (as in L-BFGS-B). Documented fallbacks: pairs with
 * qᵀv ≤ ε_mach·vᵀv are not stored (L-BFGS-B's test); a
 * direction that is not downhill, or a failed line search, clears the memory and retries once along −∇f.
 */
public final class LBFGS extends Minimizer {

    private final int memory;
    private LineSearch lineSearch = MoreThuenteLineSearch.forQuasiNewton();

    /** @param memory m, the number of pairs kept (scipy's default is 10; Aggarwal §3.5.6.2 suggests about 30) */
    public LBFGS(int memory) {
        super(15_000);
        if (memory < 1) {
            throw new IllegalArgumentException("L-BFGS needs memory m ≥ 1, got " + memory);
        }
        this.memory = memory;
    }

    /** Replaces the Moré–Thuente search (c₁ = 1e-4, c₂ = 0.9). */
    public LBFGS lineSearch(LineSearch lineSearch) {
        if (lineSearch == null) {
            throw new IllegalArgumentException("LBFGS: line search is null");
        }
        this.lineSearch = lineSearch;
        return this;
    }

    public int memory() {
        return memory;
    }

    /**
     * The two-loop recursion: returns r = G·g where G is eq. 3.56 applied to γI once per stored pair, oldest
     * first. Lists hold the pairs oldest first; they may be empty (then r = γg).
     */
    public static double[] twoLoop(double[] g, List<double[]> q, List<double[]> v, double gamma) {
        int k = q.size();
        if (v.size() != k) {
            throw new IllegalArgumentException("twoLoop: " + k + " steps but " + v.size() + " gradient changes");
        }
        double[] r = g.clone();
        double[] a = new double[k], rho = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            rho[i] = 1 / Vectors.dot(q.get(i), v.get(i));
            a[i] = rho[i] * Vectors.dot(q.get(i), r);
            Vectors.axpy(-a[i], v.get(i), r);
        }
        for (int i = 0; i < r.length; i++) {
            r[i] *= gamma;
        }
        for (int i = 0; i < k; i++) {
            double b = rho[i] * Vectors.dot(v.get(i), r);
            Vectors.axpy(a[i] - b, q.get(i), r);
        }
        return r;
    }

    @Override
    protected void iterate(Run run) {
        Deque<double[]> qs = new ArrayDeque<>(), vs = new ArrayDeque<>();
        boolean retried = false;
        while (!run.done()) {
            double gamma = 1;
            if (!qs.isEmpty()) {
                double[] q = qs.peekLast(), v = vs.peekLast();
                gamma = Vectors.dot(q, v) / Vectors.dot(v, v);
            }
            double[] p = twoLoop(run.g(), new ArrayList<>(qs), new ArrayList<>(vs), gamma);
            for (int i = 0; i < p.length; i++) {
                p[i] = -p[i];
            }
            if (!(Vectors.dot(p, run.g()) < 0)) {
                qs.clear();
                vs.clear();
                p = Vectors.negate(run.g());
            }
            double alpha0 = run.iterations() == 0 || qs.isEmpty() ? Math.min(1, 1 / Vectors.norm(run.g())) : 1;
            LineSearch.Step s = lineSearch.search(run.objective(), run.x(), run.f(), run.g(), p, alpha0);
            if (s.alpha() == 0) {
                if (!qs.isEmpty() && !retried) {
                    qs.clear();
                    vs.clear();
                    retried = true;
                    continue;
                }
                run.stop(StopReason.LINE_SEARCH_FAILED, s.message());
                return;
            }
            retried = false;
            double[] q = s.x().clone(), v = s.g().clone();
            Vectors.axpy(-1, run.x(), q);
            Vectors.axpy(-1, run.g(), v);
            run.accept(s.x(), s.f(), s.g());
            if (Vectors.dot(q, v) > Math.ulp(1.0) * Vectors.dot(v, v)) {
                if (qs.size() == memory) {
                    qs.removeFirst();
                    vs.removeFirst();
                }
                qs.addLast(q);
                vs.addLast(v);
            }
        }
    }

    @Override
    public String name() {
        return "L-BFGS (m = " + memory + ")";
    }

}
