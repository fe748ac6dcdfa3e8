package descent.secondorder;

/**
 * Nonlinear conjugate gradient (Aggarwal §3.5.6.1, "nonlinear CG"): the direction update of eq. 3.49,
 * qₜ₊₁ = −gₜ₊₁ + βₜqₜ, on a general f, with βₜ from one of four formulas that agree on a quadratic with exact
 * line searches (eq. 3.50 is Hestenes–Stiefel there):
 * <pre>
 *   Fletcher–Reeves     β = gₜ₊₁ᵀgₜ₊₁ / gₜᵀgₜ
 *   Polak–Ribière       β = gₜ₊₁ᵀ(gₜ₊₁ − gₜ) / gₜᵀgₜ
 *   Polak–Ribière+      β = max(0, Polak–Ribière)                 (default; scipy's CG)
 *   Hestenes–Stiefel    β = gₜ₊₁ᵀ(gₜ₊₁ − gₜ) / qₜᵀ(gₜ₊₁ − gₜ)
 * </pre>
 * Because the Hessian changes from step to step, conjugacy decays, so the method restarts with steepest
 * descent (β = 0): every {@link #restartEvery(int) k} iterations if asked (0 = never on a schedule), when consecutive
 * gradients are far from orthogonal if asked ({@link #restartWhenNotOrthogonal(double) Powell's test},
 * |gₜ₊₁ᵀgₜ| ≥ ν‖gₜ₊₁‖², Nocedal and Wright eq. 5.52, ν = 0.1 there; off by default, as in scipy), and always when
 * the new direction is not a descent direction (a documented fallback, not an error). The line search is
 * {@link MoreThuenteLineSearch#forConjugateGradient()}: Moré–Thuente with c₁ = 1e-4, c₂ = 0.4 — scipy 1.10's
 * {@code _minimize_cg} passes exactly these to the same MINPACK search; Nocedal and Wright suggest 0.1, and
 * Fletcher–Reeves needs c₂ &lt; ½ for its descent guarantee (their Lemma 5.6). The first trial step is min(1, 2.02·(fₜ − fₜ₋₁)/φ'(0)) with
 * fₜ₋₁ taken as f₀ + ‖g₀‖/2 at the start (scipy's rule), so on an ill-scaled problem the first step is about 1/‖g₀‖.
 */
public final class NonlinearCG extends Minimizer {

    /** The βₜ formula. */
    public enum Beta {
        FLETCHER_REEVES("FR"), POLAK_RIBIERE("PR"), POLAK_RIBIERE_PLUS("PR+"), HESTENES_STIEFEL("HS");

        private final String shortName;

        Beta(String shortName) {
            this.shortName = shortName;
        }

        public String shortName() {
            return shortName;
        }
    }

    private final Beta beta;
    private LineSearch lineSearch;
    private int restartEvery;
    private double orthogonality;
    private int restarts;

    /** Polak–Ribière+ without scheduled restarts. */
    public NonlinearCG() {
        this(Beta.POLAK_RIBIERE_PLUS);
    }

    public NonlinearCG(Beta beta) {
        super(100_000);
        if (beta == null) {
            throw new IllegalArgumentException("NonlinearCG: β formula is null (one of " + java.util.Arrays.toString(Beta.values()) + ")");
        }
        this.beta = beta;
        this.lineSearch = MoreThuenteLineSearch.forConjugateGradient();
    }

    /** Restart with steepest descent every k iterations (0 = only when a direction is not downhill). */
    public NonlinearCG restartEvery(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("NonlinearCG: restartEvery must be ≥ 0, got " + k);
        }
        this.restartEvery = k;
        return this;
    }

    /**
     * Powell's restart test (Nocedal and Wright §5.2, eq. 5.52): restart with steepest descent when
     * |gₜ₊₁ᵀgₜ| ≥ ν‖gₜ₊₁‖², i.e. when two consecutive gradients are far from orthogonal, as they would be on a quadratic
     * with exact line searches. ν = 0.1 is their typical value; 0 switches the test off (the default).
     */
    public NonlinearCG restartWhenNotOrthogonal(double nu) {
        if (!(nu >= 0) || Double.isInfinite(nu)) {
            throw new IllegalArgumentException("NonlinearCG: Powell's restart threshold ν must be finite and ≥ 0, got " + nu);
        }
        this.orthogonality = nu;
        return this;
    }

    public NonlinearCG lineSearch(LineSearch lineSearch) {
        if (lineSearch == null) {
            throw new IllegalArgumentException("NonlinearCG: line search is null");
        }
        this.lineSearch = lineSearch;
        return this;
    }

    /** Restarts (β forced to 0) in the last run. */
    public int restarts() {
        return restarts;
    }

    /** βₜ for the chosen formula. */
    public static double beta(Beta formula, double[] gOld, double[] gNew, double[] q) {
        double gg = Vectors.dot(gOld, gOld);
        return switch (formula) {
            case FLETCHER_REEVES -> Vectors.dot(gNew, gNew) / gg;
            case POLAK_RIBIERE -> (Vectors.dot(gNew, gNew) - Vectors.dot(gNew, gOld)) / gg;
            case POLAK_RIBIERE_PLUS -> Math.max(0, (Vectors.dot(gNew, gNew) - Vectors.dot(gNew, gOld)) / gg);
            case HESTENES_STIEFEL -> {
                double num = Vectors.dot(gNew, gNew) - Vectors.dot(gNew, gOld);
                double den = Vectors.dot(q, gNew) - Vectors.dot(q, gOld);
                yield den == 0 ? 0 : num / den;
            }
        };
    }

    @Override
    protected void iterate(Run run) {
        restarts = 0;
        double[] q = Vectors.negate(run.g());
        double fPrevious = run.f() + Vectors.norm(run.g()) / 2;
        int sinceRestart = 0;
        while (!run.done()) {
            double slope = Vectors.dot(run.g(), q);
            double alpha0 = Math.min(1, 2.02 * (run.f() - fPrevious) / slope);
            if (!(alpha0 > 0)) {
                alpha0 = 1;
            }
            LineSearch.Step s = lineSearch.search(run.objective(), run.x(), run.f(), run.g(), q, alpha0);
            if (s.alpha() == 0) {
                if (sinceRestart > 0) { // retry once along steepest descent before giving up
                    q = Vectors.negate(run.g());
                    sinceRestart = 0;
                    restarts++;
                    continue;
                }
                run.stop(StopReason.LINE_SEARCH_FAILED, s.message());
                return;
            }
            double[] gOld = run.g().clone();
            fPrevious = run.f();
            run.accept(s.x(), s.f(), s.g());
            sinceRestart++;
            double b = beta(beta, gOld, run.g(), q);
            boolean restart = (restartEvery > 0 && sinceRestart >= restartEvery) || !Double.isFinite(b)
                    || (orthogonality > 0 && Math.abs(Vectors.dot(run.g(), gOld)) >= orthogonality * Vectors.dot(run.g(), run.g()));
            double[] qNew = Vectors.negate(run.g());
            if (!restart) {
                Vectors.axpy(b, q, qNew);
                if (!(Vectors.dot(qNew, run.g()) < 0)) {
                    restart = true;
                    qNew = Vectors.negate(run.g());
                }
            }
            if (restart) {
                restarts++;
                sinceRestart = 0;
            }
            q = qNew;
        }
    }

    @Override
    public String name() {
        return "nonlinear CG (" + beta.shortName() + (restartEvery > 0 ? ", restart every " + restartEvery : "")
                + (orthogonality > 0 ? ", Powell restart ν = " + orthogonality : "") + ")";
    }
}
