package descent.secondorder;

import descent.objective.Objective;

import java.util.Locale;

/**
 * The line search of Moré and Thuente ("Line search algorithms with guaranteed sufficient decrease", ACM Transactions
 * on Mathematical Software 20(3), 1994, pp. 286–307), the search behind MINPACK-2's {@code dcsrch}, L-BFGS-B and
 * scipy's {@code line_search_wolfe1}. It finds a step α &gt; 0 along a descent direction p that satisfies the strong
 * Wolfe conditions on φ(α) = f(x + αp):
 * <pre>
 *   φ(α) ≤ φ(0) + μ·α·φ'(0)        (sufficient decrease, μ = c₁)
 *   |φ'(α)| ≤ η·|φ'(0)|             (curvature, η = c₂)
 * </pre>
 * Algorithm box (the paper's §2–§4 in this class's names; l = "best" end, u = "other" end, t = trial):
 * <pre>
 *   ψ(α) = φ(α) − φ(0) − μ·α·φ'(0)                       auxiliary function; ψ ≤ 0 ⇔ sufficient decrease
 *   I₀ = [0, ∞],  α₀ given in [α_min, α_max],  stage 1
 *   for k = 0, 1, …
 *     evaluate φ(αₖ), φ'(αₖ)                                one f+∇f evaluation
 *     if ψ(αₖ) ≤ 0 and |φ'(αₖ)| ≤ η|φ'(0)|: return αₖ         strong Wolfe holds
 *     if stage 1 and ψ(αₖ) ≤ 0 and φ'(αₖ) ≥ min(μ, η)·φ'(0): stage 2   (from now on work with φ itself)
 *     g = ψ in stage 1 (while φ(αₖ) ≤ φ(α_l)), else φ
 *     trial value (§4, four cases, with c = cubic, q = quadratic, s = secant minimizer):
 *       1. g(α_t) &gt; g(α_l):            α⁺ = α_c if |α_c − α_l| &lt; |α_q − α_l| else (α_c + α_q)/2;  bracketed
 *       2. g'(α_t)·g'(α_l) &lt; 0:       α⁺ = α_c if |α_c − α_t| ≥ |α_s − α_t| else α_s;            bracketed
 *       3. |g'(α_t)| ≤ |g'(α_l)|:      the cubic's step if it lies beyond α_t, else α_max/α_min; the one of
 *                                    α_c, α_s nearer α_t (bracketed, capped at α_t + 0.66(α_u − α_t)) or
 *                                    farther from it (not bracketed)
 *       4. otherwise:                  α⁺ = cubic through α_t, α_u when bracketed, else α_max or α_min
 *     interval update (§2, U1–U3):
 *       U1. g(α_t) &gt; g(α_l):                 α_u ← α_t
 *       U2. g'(α_t)(α_l − α_t) &gt; 0:          α_l ← α_t
 *       U3. g'(α_t)(α_l − α_t) &lt; 0:          α_u ← α_l, α_l ← α_t
 *     safeguards: bracketed and the interval did not shrink to 0.66 of its width two trials ago → bisect;
 *                 not bracketed → α⁺ ∈ [α_t + 1.1(α_t − α_l), α_t + 4(α_t − α_l)];  α⁺ clamped to [α_min, α_max];
 *                 bracket narrower than xtol·α_max of it, or α⁺ on its end (rounding) → α⁺ = α_l and stop after it
 * </pre>
 * The interval [α_l, α_u] always contains a step where ψ (or φ in stage 2) has a minimizer satisfying the
 * conditions, α_l is the lowest point found, and every trial costs one f+∇f evaluation. It is written from the
 * paper's description; the constants 0.66, 1.1 and 4 and the stage-switch test are those of MINPACK.
 *
 * <p><b>Constants.</b> {@link #forQuasiNewton()}: μ = 1e-4, η = 0.9 (Nocedal and Wright, <i>Numerical
 * Optimization</i>, 2nd ed., §3.1: "c₁ = 10⁻⁴ … c₂ = 0.9 for a Newton or quasi-Newton method"), xtol = 0.1 (the
 * value L-BFGS-B passes to {@code dcsrch}). {@link #forConjugateGradient()}: μ = 1e-4, η = 0.4 and xtol = 1e-14,
 * scipy's {@code _minimize_cg} (scipy 1.10, {@code optimize/_optimize.py}, which calls {@code line_search_wolfe1}
 * with {@code c2=0.4}); η &lt; ½ is what Fletcher–Reeves needs for descent (Nocedal and Wright, Lemma 5.6).
 * At most {@code maxEvaluations} trials (default 20, L-BFGS-B's {@code maxls}).
 *
 * <p><b>Ends other than convergence.</b> When the bracket becomes too narrow, a rounding error stops progress,
 * α reaches α_max with φ still falling, or the budget runs out, the search returns its last trial with
 * {@code found = false} and a message, provided that trial lowered f. If it did not, f has usually stopped resolving
 * the decrease a step can still make (near a minimizer where f is large, the decrease falls below the rounding of f,
 * while ∇f is still accurate): the search then falls back on the <i>approximate Wolfe conditions</i> of Hager and
 * Zhang ("A new conjugate gradient method with guaranteed descent and an efficient line search", SIAM J. Optim.
 * 16(1), 2005), which trust the derivative instead of the values,
 * <pre>
 *   |φ'(α)| ≤ η·|φ'(0)|   and   φ(α) ≤ φ(0) + ε·|φ(0)|,   ε = 10⁻⁶ (their default),
 * </pre>
 * taking the first trial that meets them or, failing that, secant steps on φ' (inside a bracket where φ' changes
 * sign, else extrapolating within the same [1.1, 4]× limits) until one does or the budget is spent; the step is
 * returned with {@code found = false} and a message saying so. Only when no such step is found does the search take
 * no step (α = 0). The fallback runs only where the search would otherwise have taken no step, so a run that never
 * got there takes the same steps as before it existed (the Tables 1–6 counts and scipy's paths are unchanged); it is what lets L-BFGS and CG
 * reach ‖∇f‖∞ ≤ 1e-5 on Brown and Dennis. A trial
 * where f or ∇f is not finite counts as "too far": the next trial is halfway back to α_l and no later trial goes
 * beyond it.
 *
 * <p>The search writes the accepted point and gradient into arrays the caller passes ({@link #search(Objective,
 * double[], double, double[], double[], double, double[], double[])}), so a minimizer that keeps two buffers
 * allocates nothing per iteration.
 */
public final class MoreThuenteLineSearch implements LineSearch {

    private static final double SHRINK = 0.66, EXTRAPOLATE_MIN = 1.1, EXTRAPOLATE_MAX = 4;
    /** ε of Hager and Zhang's approximate Wolfe conditions, φ(α) ≤ φ(0) + ε|φ(0)| (their default 10⁻⁶). */
    static final double APPROXIMATE_EPSILON = 1e-6;

    private final double mu;
    private final double eta;
    private final double xtol;
    private final double minStep;
    private final double maxStep;
    private final int maxEvaluations;
    /** Tests only: sees {α_l, g(α_l), g'(α_l), α_u, g(α_u), g'(α_u), bracketed, stage} after each interval update. */
    java.util.function.Consumer<double[]> trace;

    /**
     * @param mu  the sufficient-decrease constant μ = c₁ in (0, 1)
     * @param eta the curvature constant η = c₂ in (μ, 1)  (η &lt; μ is allowed by the paper, but not useful here)
     * @param xtol relative width of the bracket below which the search stops, in [0, 1)
     * @param minStep α_min ≥ 0
     * @param maxStep α_max &gt; α_min
     * @param maxEvaluations the budget of f+∇f evaluations, ≥ 1
     */
    public MoreThuenteLineSearch(double mu, double eta, double xtol, double minStep, double maxStep, int maxEvaluations) {
        if (!(mu > 0 && mu < 1) || !(eta > 0 && eta < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "MoreThuenteLineSearch needs 0 < μ < 1 and 0 < η < 1, got μ = %s, η = %s", mu, eta));
        }
        if (!(xtol >= 0 && xtol < 1)) {
            throw new IllegalArgumentException("MoreThuenteLineSearch needs 0 ≤ xtol < 1, got " + xtol);
        }
        if (!(minStep >= 0) || !(maxStep > minStep) || Double.isInfinite(maxStep)) {
            throw new IllegalArgumentException("MoreThuenteLineSearch needs 0 ≤ minStep < maxStep < ∞, got minStep = "
                    + minStep + ", maxStep = " + maxStep);
        }
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("MoreThuenteLineSearch needs maxEvaluations ≥ 1, got " + maxEvaluations);
        }
        this.mu = mu;
        this.eta = eta;
        this.xtol = xtol;
        this.minStep = minStep;
        this.maxStep = maxStep;
        this.maxEvaluations = maxEvaluations;
    }

    /** μ, η, xtol = 0.1, α ∈ [0, 1e10], 20 evaluations: L-BFGS-B's settings with the given constants. */
    public MoreThuenteLineSearch(double mu, double eta) {
        this(mu, eta, 0.1, 0, 1e10, 20);
    }

    /** μ = 1e-4, η = 0.9 (Nocedal and Wright §3.1), for BFGS, L-BFGS and Newton-type directions. */
    public static MoreThuenteLineSearch forQuasiNewton() {
        return new MoreThuenteLineSearch(1e-4, 0.9);
    }

    /** μ = 1e-4, η = 0.4, xtol = 1e-14 (scipy 1.10's {@code _minimize_cg}), for nonlinear CG. */
    public static MoreThuenteLineSearch forConjugateGradient() {
        return new MoreThuenteLineSearch(1e-4, 0.4, 1e-14, 0, 1e10, 20);
    }

    public double mu() {
        return mu;
    }

    public double eta() {
        return eta;
    }

    /** One end of the interval of uncertainty: a step with φ (or ψ) and its derivative there. */
    private static final class End {
        double alpha, f, d;

        void set(double alpha, double f, double d) {
            this.alpha = alpha;
            this.f = f;
            this.d = d;
        }
    }

    /** The state of one search: both ends, whether a minimizer is bracketed, and the next trial. */
    private static final class State {
        final End best = new End(), other = new End();
        final double[] trial = new double[2];
        boolean bracketed;
        double next;
    }

    @Override
    public Step search(Objective f, double[] x, double fx, double[] gx, double[] p, double initialStep) {
        return search(f, x, fx, gx, p, initialStep, new double[x.length], new double[x.length]);
    }

    @Override
    public Step search(Objective f, double[] x, double fx, double[] gx, double[] p, double initialStep,
                       double[] xOut, double[] gOut) {
        double slope0 = LineSearch.requireDescent(this, gx, p);
        if (!(initialStep > 0) || !Double.isFinite(initialStep)) {
            throw new IllegalArgumentException(name() + ": the initial step must be positive and finite, got " + initialStep);
        }
        return run((alpha, out) -> {
            for (int i = 0; i < x.length; i++) {
                xOut[i] = x[i] + alpha * p[i];
            }
            out[0] = f.valueAndGradient(xOut, gOut);
            out[1] = Vectors.dot(gOut, p);
        }, fx, slope0, initialStep, (alpha, value, found, evaluations, message) -> {
            if (alpha == 0) {
                System.arraycopy(x, 0, xOut, 0, x.length);
                System.arraycopy(gx, 0, gOut, 0, x.length);
                return new Step(0, xOut, fx, gOut, evaluations, false, message);
            }
            return new Step(alpha, xOut, value, gOut, evaluations, found, message);
        });
    }

    /** φ at a trial step: writes φ(α) into {@code out[0]} and φ'(α) into {@code out[1]}. */
    @FunctionalInterface
    interface Phi {
        void at(double alpha, double[] out);
    }

    @FunctionalInterface
    interface Finish<T> {
        T apply(double alpha, double value, boolean found, int evaluations, String message);
    }

    /** The outcome of a search on a one-dimensional φ (for tests and the notebook). */
    public record Outcome(double alpha, double value, double derivative, int evaluations, boolean found, String message) {
    }

    /**
     * Searches a one-dimensional function given by {@code phi} (returning {φ(α), φ'(α)}), from φ(0) and
     * φ'(0) &lt; 0: the form in which the paper states its §5 tests.
     */
    public Outcome search1d(java.util.function.DoubleFunction<double[]> phi, double phi0, double slope0, double initialStep) {
        if (!(slope0 < 0)) {
            throw new IllegalArgumentException(name() + ": φ'(0) must be negative, got " + slope0);
        }
        if (!(initialStep > 0) || !Double.isFinite(initialStep)) {
            throw new IllegalArgumentException(name() + ": the initial step must be positive and finite, got " + initialStep);
        }
        double[] last = new double[2];
        return run((alpha, out) -> {
            double[] v = phi.apply(alpha);
            out[0] = last[0] = v[0];
            out[1] = last[1] = v[1];
        }, phi0, slope0, initialStep, (alpha, value, found, evaluations, message) ->
                new Outcome(alpha, alpha == 0 ? phi0 : value, alpha == 0 ? slope0 : last[1], evaluations, found, message));
    }

    private <T> T run(Phi phi, double f0, double slope0, double initialStep, Finish<T> finish) {
        double gtest = mu * slope0;               // slope of the sufficient-decrease line
        double curvature = eta * -slope0;         // |φ'(α)| must fall to this
        State s = new State();
        s.best.set(0, f0, slope0);
        s.other.set(0, f0, slope0);
        boolean stage1 = true;
        double width = maxStep - minStep, width1 = 2 * width;
        double lo = 0, hi = initialStep + EXTRAPOLATE_MAX * initialStep; // where the next trial may go
        double limit = Double.POSITIVE_INFINITY;  // smallest step where f or ∇f was not finite
        double alpha = Math.max(minStep, Math.min(maxStep, initialStep));
        int evaluations = 0;
        double[] v = s.trial;
        double approximate = 0;                   // first trial meeting the approximate Wolfe conditions (0 = none)
        double approximateBound = f0 + APPROXIMATE_EPSILON * Math.abs(f0);
        // trials with φ ≤ that bound where φ' < 0 (the largest) and φ' > 0 (the smallest): a bracket for φ' = 0
        double downhill = 0, downhillSlope = slope0, uphill = Double.POSITIVE_INFINITY, uphillSlope = 0;
        while (true) {
            phi.at(alpha, v);
            evaluations++;
            double value = v[0], d = v[1];
            if (!Double.isFinite(value) || !Double.isFinite(d)) {
                limit = Math.min(limit, alpha);
                if (evaluations >= maxEvaluations || alpha <= minStep) {
                    return giveUp(phi, s, finish, evaluations, "f or ∇f not finite at α = " + alpha);
                }
                alpha = s.best.alpha + 0.5 * (alpha - s.best.alpha);
                continue;
            }
            double ftest = f0 + alpha * gtest;
            boolean decrease = value <= ftest;
            if (decrease && Math.abs(d) <= curvature) {
                return finish.apply(alpha, value, true, evaluations, "");
            }
            if (approximate == 0 && value <= approximateBound && Math.abs(d) <= curvature) {
                approximate = alpha;
            }
            if (value <= approximateBound && d < 0 && alpha > downhill && alpha < uphill) {
                downhill = alpha;
                downhillSlope = d;
            } else if (value <= approximateBound && d > 0 && alpha < uphill && alpha > downhill) {
                uphill = alpha;
                uphillSlope = d;
            }
            if (stage1 && decrease && d >= Math.min(mu, eta) * slope0) {
                stage1 = false;
            }
            String warning = null;
            if (s.bracketed && (alpha <= lo || alpha >= hi)) {
                warning = "rounding errors prevent progress";
            } else if (s.bracketed && hi - lo <= xtol * hi) {
                warning = "the bracket is narrower than xtol = " + xtol;
            } else if (alpha == maxStep && decrease && d <= gtest) {
                warning = "α reached α_max = " + maxStep + " with f still decreasing";
            } else if (alpha == minStep && (!decrease || d >= gtest)) {
                warning = "α reached α_min = " + minStep;
            } else if (evaluations >= maxEvaluations) {
                warning = "no strong-Wolfe step within " + maxEvaluations + " evaluations";
            }
            if (warning != null) {
                if (value < f0) {
                    return finish.apply(alpha, value, false, evaluations, warning);
                }
                // f no longer resolves the decrease: fall back on the approximate Wolfe conditions, first among the
                // trials already made, then by safeguarded secant steps on φ' inside [downhill, uphill]
                while (approximate == 0 && evaluations < maxEvaluations && (downhill > 0 || uphill < Double.POSITIVE_INFINITY)) {
                    double t;
                    if (uphill < Double.POSITIVE_INFINITY) {
                        // φ' changes sign in [downhill, uphill]: secant, or bisection when the secant is near an end
                        double span = uphill - downhill;
                        t = downhill - downhillSlope * span / (uphillSlope - downhillSlope);
                        if (!(t > downhill + 0.1 * span && t < uphill - 0.1 * span)) {
                            t = downhill + 0.5 * span;
                        }
                        if (!(t > downhill && t < uphill)) {
                            break; // the bracket has shrunk to adjacent floating-point numbers
                        }
                    } else {
                        // φ' < 0 at every trial: extrapolate the secant of φ' through 0 and downhill, within
                        // [1.1, 4] × downhill (the extrapolation limits of the search itself) and α_max
                        t = downhill - downhillSlope * downhill / (downhillSlope - slope0);
                        t = Math.min(maxStep, Math.max(EXTRAPOLATE_MIN * downhill,
                                Double.isNaN(t) ? EXTRAPOLATE_MAX * downhill : Math.min(EXTRAPOLATE_MAX * downhill, t)));
                        if (!(t > downhill)) {
                            break;
                        }
                    }
                    phi.at(t, v);
                    evaluations++;
                    if (!(v[0] <= approximateBound) || !Double.isFinite(v[1])) {
                        break;
                    }
                    if (Math.abs(v[1]) <= curvature) {
                        approximate = t;
                        alpha = t;
                    } else if (v[1] < 0) {
                        downhill = t;
                        downhillSlope = v[1];
                    } else {
                        uphill = t;
                        uphillSlope = v[1];
                    }
                }
                if (approximate > 0) {
                    if (approximate != alpha) {
                        phi.at(approximate, v);
                        evaluations++;
                    }
                    return finish.apply(approximate, v[0], false, evaluations, warning
                            + "; step taken on the approximate Wolfe conditions (|φ'(α)| ≤ η|φ'(0)|, φ(α) ≤ φ(0) + 1e-6·|φ(0)|)");
                }
                return finish.apply(0, f0, false, evaluations, warning + "; no decrease, no step taken");
            }
            if (stage1 && value <= s.best.f && value > ftest) {
                // work with ψ: shift every value and slope by the sufficient-decrease line
                s.best.f -= s.best.alpha * gtest;
                s.best.d -= gtest;
                s.other.f -= s.other.alpha * gtest;
                s.other.d -= gtest;
                step(s, alpha, value - alpha * gtest, d - gtest, lo, hi);
                s.best.f += s.best.alpha * gtest;
                s.best.d += gtest;
                s.other.f += s.other.alpha * gtest;
                s.other.d += gtest;
            } else {
                step(s, alpha, value, d, lo, hi);
            }
            if (trace != null) {
                // the ends in the function the update worked with: ψ in stage 1, φ afterwards
                double shift = stage1 ? gtest : 0;
                trace.accept(new double[]{s.best.alpha, s.best.f - s.best.alpha * shift, s.best.d - shift,
                        s.other.alpha, s.other.f - s.other.alpha * shift, s.other.d - shift, s.bracketed ? 1 : 0, stage1 ? 1 : 2});
            }
            double next = s.next;
            if (s.bracketed) {
                if (Math.abs(s.other.alpha - s.best.alpha) >= SHRINK * width1) {
                    next = s.best.alpha + 0.5 * (s.other.alpha - s.best.alpha);
                }
                width1 = width;
                width = Math.abs(s.other.alpha - s.best.alpha);
                lo = Math.min(s.best.alpha, s.other.alpha);
                hi = Math.max(s.best.alpha, s.other.alpha);
            } else {
                lo = next + EXTRAPOLATE_MIN * (next - s.best.alpha);
                hi = next + EXTRAPOLATE_MAX * (next - s.best.alpha);
            }
            next = Math.max(minStep, Math.min(maxStep, next));
            if (next >= limit) {
                next = s.best.alpha + 0.5 * (limit - s.best.alpha);
            }
            if (s.bracketed && (next <= lo || next >= hi || hi - lo <= xtol * hi)) {
                next = s.best.alpha;  // no further progress possible: finish at the best point
            }
            alpha = next;
        }
    }

    private static <T> T giveUp(Phi phi, State s, Finish<T> finish, int evaluations, String why) {
        if (s.best.alpha > 0) {
            phi.at(s.best.alpha, s.trial); // puts the best point back into the caller's buffers
            return finish.apply(s.best.alpha, s.trial[0], false, evaluations + 1, why + "; returning the best point");
        }
        return finish.apply(0, s.best.f, false, evaluations, why + "; no step taken");
    }

    /**
     * One safeguarded step of the paper's §4 (trial value selection) followed by the interval update of §2;
     * {@code (alpha, f, d)} is the trial just evaluated; {@code lo, hi} bound the new trial. Sets {@code s.next}.
     */
    static void step(State s, double alpha, double f, double d, double lo, double hi) {
        End l = s.best, u = s.other;
        double sign = d * Math.signum(l.d);
        double next;
        if (f > l.f) {
            // case 1: higher value — a minimizer lies between α_l and α_t
            double c = cubic(l.alpha, l.f, l.d, alpha, f, d);
            double q = l.alpha + 0.5 * (l.d / ((l.f - f) / (alpha - l.alpha) + l.d)) * (alpha - l.alpha);
            next = Math.abs(c - l.alpha) < Math.abs(q - l.alpha) ? c : c + 0.5 * (q - c);
            s.bracketed = true;
        } else if (sign < 0) {
            // case 2: lower value, derivatives of opposite sign — bracketed
            double c = cubic(alpha, f, d, l.alpha, l.f, l.d);
            double sec = alpha + (d / (d - l.d)) * (l.alpha - alpha);
            next = Math.abs(c - alpha) >= Math.abs(sec - alpha) ? c : sec;
            s.bracketed = true;
        } else if (Math.abs(d) < Math.abs(l.d)) {
            // case 3: lower value, same sign, slope magnitude decreasing
            double theta = 3 * (l.f - f) / (alpha - l.alpha) + l.d + d;
            double scale = Math.max(Math.abs(theta), Math.max(Math.abs(l.d), Math.abs(d)));
            double gamma = scale * Math.sqrt(Math.max(0, (theta / scale) * (theta / scale) - (l.d / scale) * (d / scale)));
            if (alpha > l.alpha) {
                gamma = -gamma;
            }
            double r = ((gamma - d) + theta) / ((gamma + (l.d - d)) + gamma);
            double c;
            if (r < 0 && gamma != 0) {
                c = alpha + r * (l.alpha - alpha);
            } else {
                c = alpha > l.alpha ? hi : lo;
            }
            double sec = alpha + (d / (d - l.d)) * (l.alpha - alpha);
            if (s.bracketed) {
                next = Math.abs(c - alpha) < Math.abs(sec - alpha) ? c : sec;
                double cap = alpha + SHRINK * (u.alpha - alpha);
                next = alpha > l.alpha ? Math.min(cap, next) : Math.max(cap, next);
            } else {
                next = Math.abs(c - alpha) > Math.abs(sec - alpha) ? c : sec;
                next = Math.max(lo, Math.min(hi, next));
            }
        } else {
            // case 4: lower value, same sign, slope not decreasing
            if (s.bracketed) {
                next = cubic(alpha, f, d, u.alpha, u.f, u.d);
            } else {
                next = alpha > l.alpha ? hi : lo;
            }
        }
        // interval update U1–U3
        if (f > l.f) {
            u.set(alpha, f, d);
        } else {
            if (sign < 0) {
                u.set(l.alpha, l.f, l.d);
            }
            l.set(alpha, f, d);
        }
        s.next = next;
    }

    /**
     * The minimizer of the cubic that interpolates (a, fa, da) and (b, fb, db), computed in the scaled form that
     * avoids overflow (Moré and Thuente §4). When the cubic has no minimizer the square root's argument is clipped
     * at 0, which gives the cubic's inflection-side stationary point.
     */
    static double cubic(double a, double fa, double da, double b, double fb, double db) {
        double theta = 3 * (fa - fb) / (b - a) + da + db;
        double scale = Math.max(Math.abs(theta), Math.max(Math.abs(da), Math.abs(db)));
        double gamma = scale * Math.sqrt(Math.max(0, (theta / scale) * (theta / scale) - (da / scale) * (db / scale)));
        if (b < a) {
            gamma = -gamma;
        }
        double r = ((gamma - da) + theta) / (((gamma - da) + gamma) + db);
        return a + r * (b - a);
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "Moré–Thuente (c₁ = %s, c₂ = %s)", mu, eta);
    }
}
