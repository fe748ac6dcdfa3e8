package descent.secondorder;

import java.util.List;

/**
 * Limited-memory BFGS (Aggarwal §3.5.6.2, last paragraph): instead of the d×d matrix G, keep the m most recent
 * pairs (qᵢ, vᵢ) = (xᵢ₊₁ − xᵢ, ∇f(xᵢ₊₁) − ∇f(xᵢ)) and apply eq. 3.56 m times to a scaled identity
 * γI, γ = qᵀv / vᵀv of the newest pair, without forming a matrix. That product G·g is the two-loop recursion
 * ({@link #twoLoop}, Nocedal and Wright Alg. 7.4): O(md) time and memory per iteration. The run keeps the pairs in
 * a ring of m preallocated vectors and hands the line search its own two output buffers, so after the first
 * iteration an iteration allocates nothing of size d (checked by {@code LbfgsAllocationTest}).
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
        int d = run.dimension();
        // every buffer of the run, allocated once: the m pairs in a ring with one spare slot (the next pair is
        // written there before it is known whether it will be kept), the direction, the trial point
        int capacity = memory + 1;
        double[][] qs = new double[capacity][d], vs = new double[capacity][d];
        double[] rho = new double[capacity], a = new double[capacity];
        double[] p = new double[d], xNew = new double[d], gNew = new double[d];
        int stored = 0, newest = -1;
        boolean retried = false;
        while (!run.done()) {
            double[] g = run.g();
            if (stored == 0) {
                for (int i = 0; i < d; i++) {
                    p[i] = -g[i];
                }
            } else {
                // two-loop recursion (Nocedal and Wright Alg. 7.4) over the ring, newest pair first
                System.arraycopy(g, 0, p, 0, d);
                for (int k = 0; k < stored; k++) {
                    int i = Math.floorMod(newest - k, capacity);
                    a[i] = rho[i] * Vectors.dot(qs[i], p);
                    Vectors.axpy(-a[i], vs[i], p);
                }
                double gamma = Vectors.dot(qs[newest], vs[newest]) / Vectors.dot(vs[newest], vs[newest]);
                for (int i = 0; i < d; i++) {
                    p[i] *= -gamma; // from here on p holds −G·g, so the second loop's signs flip
                }
                for (int k = stored - 1; k >= 0; k--) {
                    int i = Math.floorMod(newest - k, capacity);
                    double b = rho[i] * Vectors.dot(vs[i], p);
                    Vectors.axpy(-a[i] - b, qs[i], p);
                }
                if (!(Vectors.dot(p, g) < 0)) {
                    stored = 0;
                    for (int i = 0; i < d; i++) {
                        p[i] = -g[i];
                    }
                }
            }
            double alpha0 = run.iterations() == 0 || stored == 0 ? Math.min(1, 1 / Vectors.norm(g)) : 1;
            LineSearch.Step s = lineSearch.search(run.objective(), run.x(), run.f(), g, p, alpha0, xNew, gNew);
            if (s.alpha() == 0) {
                if (stored > 0 && !retried) {
                    stored = 0;
                    retried = true;
                    continue;
                }
                run.stop(StopReason.LINE_SEARCH_FAILED, s.message());
                return;
            }
            retried = false;
            int slot = (newest + 1) % capacity;
            double[] q = qs[slot], v = vs[slot];
            double[] x = run.x();
            for (int i = 0; i < d; i++) {
                q[i] = s.x()[i] - x[i];
                v[i] = s.g()[i] - g[i];
            }
            run.accept(s.x(), s.f(), s.g());
            double qv = Vectors.dot(q, v);
            if (qv > Math.ulp(1.0) * Vectors.dot(v, v)) {
                rho[slot] = 1 / qv;
                newest = slot;
                stored = Math.min(stored + 1, memory);
            }
        }
    }

    @Override
    public String name() {
        return "L-BFGS (m = " + memory + ")";
    }

}
