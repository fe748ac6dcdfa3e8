package descent.secondorder;

import descent.objective.Objective;

import java.util.Locale;

/**
 * A line search for the strong Wolfe conditions
 * <pre>
 *   f(x + αp) ≤ f(x) + c₁·α·∇f(x)ᵀp            (sufficient decrease)
 *   |∇f(x + αp)ᵀp| ≤ c₂·|∇f(x)ᵀp|               (curvature)
 * </pre>
 * in two phases, the scheme of Moré and Thuente as presented by Nocedal and Wright (Alg. 3.5 and 3.6):
 * a bracketing phase that grows α until an interval must contain an acceptable step, then a zoom phase that
 * shrinks the interval, placing each trial at the minimizer of the cubic fitted to φ and φ' at the interval's
 * ends (N&amp;W eq. 3.59) when it lies at least 20% of the width inside the interval, else at the minimizer of the
 * quadratic through φ(lo), φ'(lo), φ(hi) when that lies at least 10% inside, else at the midpoint — the safeguards
 * of scipy's {@code _zoom} (scipy 1.10, {@code optimize/_linesearch.py}), not tuned here. Every trial costs one
 * f+∇f evaluation; at most
 * {@code maxEvaluations} (default 20, scipy's {@code maxls}).
 *
 * <p>c₂ = 0.9 suits quasi-Newton methods (BFGS, L-BFGS), c₂ = 0.1 suits nonlinear CG, whose directions are only
 * conjugate when the line search is close to exact. A trial where f or ∇f is not finite is treated as a step
 * that went too far. If the budget runs out, the best point seen that satisfies sufficient decrease is
 * returned with {@code found = false}; if there is none, no step is taken.
 */
public final class WolfeLineSearch implements LineSearch {

    private final double c1;
    private final double c2;
    private final int maxEvaluations;
    private final double maxStep;
    /** A cubic (quadratic) trial must lie this fraction of the interval inside it (scipy's _zoom: 0.2, 0.1). */
    private static final double CUBIC_CHECK = 0.2, QUADRATIC_CHECK = 0.1;

    public WolfeLineSearch(double c1, double c2) {
        this(c1, c2, 20);
    }

    public WolfeLineSearch(double c1, double c2, int maxEvaluations) {
        if (!(c1 > 0 && c1 < c2 && c2 < 1)) {
            throw new IllegalArgumentException("WolfeLineSearch needs 0 < c1 < c2 < 1, got c1 = " + c1 + ", c2 = " + c2);
        }
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("WolfeLineSearch needs maxEvaluations ≥ 1, got " + maxEvaluations);
        }
        this.c1 = c1;
        this.c2 = c2;
        this.maxEvaluations = maxEvaluations;
        this.maxStep = 1e10;
    }

    public double c1() {
        return c1;
    }

    public double c2() {
        return c2;
    }

    /** One evaluated trial α with φ(α), φ'(α) and the point. */
    private record Trial(double alpha, double f, double slope, double[] x, double[] g) {
    }

    @Override
    public Step search(Objective f, double[] x, double fx, double[] gx, double[] p, double initialStep) {
        double slope0 = LineSearch.requireDescent(name(), gx, p);
        if (!(initialStep > 0) || !Double.isFinite(initialStep)) {
            throw new IllegalArgumentException(name() + ": the initial step must be positive and finite, got " + initialStep);
        }
        int[] evaluations = {0};
        Trial zero = new Trial(0, fx, slope0, x, gx);
        Trial previous = zero;
        Trial best = null; // best trial satisfying sufficient decrease
        double alpha = Math.min(initialStep, maxStep);
        while (evaluations[0] < maxEvaluations) {
            Trial t = evaluate(f, x, p, alpha, evaluations);
            if (!Double.isFinite(t.f) || !Double.isFinite(t.slope)) {
                // overshot into a region where f overflows: come back towards the last good point
                alpha = previous.alpha + 0.1 * (alpha - previous.alpha);
                continue;
            }
            if (t.f > fx + c1 * t.alpha * slope0 || (previous != zero && t.f >= previous.f)) {
                return zoom(f, x, fx, gx, slope0, p, previous, t, evaluations, best);
            }
            best = t;
            if (Math.abs(t.slope) <= -c2 * slope0) {
                return found(t, evaluations[0]);
            }
            if (t.slope >= 0) {
                return zoom(f, x, fx, gx, slope0, p, t, previous, evaluations, best);
            }
            // still going downhill: extrapolate, at least 1.1× and at most 4× further than the current trial
            double next = cubicMinimizer(previous, t);
            double lo = t.alpha + 1.1 * (t.alpha - previous.alpha), hi = t.alpha + 4 * (t.alpha - previous.alpha);
            next = Double.isNaN(next) ? hi : Math.max(lo, Math.min(hi, next));
            previous = t;
            alpha = Math.min(next, maxStep);
        }
        return giveUp(x, fx, gx, best, evaluations[0], "no strong-Wolfe step within " + maxEvaluations + " evaluations");
    }

    /** N&amp;W Alg. 3.6: lo satisfies sufficient decrease and has the lower f; the minimizer lies between lo and hi. */
    private Step zoom(Objective f, double[] x, double fx, double[] gx, double slope0, double[] p, Trial lo, Trial hi,
                      int[] evaluations, Trial best) {
        while (evaluations[0] < maxEvaluations) {
            double a = lo.alpha, b = hi.alpha;
            double width = Math.abs(b - a);
            if (width <= 1e-16 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)))) {
                break;
            }
            double min = Math.min(a, b), max = Math.max(a, b);
            boolean finite = Double.isFinite(hi.f) && Double.isFinite(hi.slope);
            double alpha = finite ? cubicMinimizer(lo, hi) : Double.NaN;
            if (!(alpha >= min + CUBIC_CHECK * width && alpha <= max - CUBIC_CHECK * width)) {
                // quadratic through φ(lo), φ'(lo) and φ(hi)
                double q = Double.NaN;
                if (Double.isFinite(hi.f)) {
                    double h = b - a, c = (hi.f - lo.f - lo.slope * h) / (h * h);
                    q = c > 0 ? a - lo.slope / (2 * c) : Double.NaN;
                }
                alpha = q >= min + QUADRATIC_CHECK * width && q <= max - QUADRATIC_CHECK * width ? q : 0.5 * (a + b);
            }
            Trial t = evaluate(f, x, p, alpha, evaluations);
            if (!Double.isFinite(t.f) || !Double.isFinite(t.slope)
                    || t.f > fx + c1 * t.alpha * slope0 || t.f >= lo.f) {
                hi = t;
            } else {
                best = t;
                if (Math.abs(t.slope) <= -c2 * slope0) {
                    return found(t, evaluations[0]);
                }
                if (t.slope * (hi.alpha - lo.alpha) >= 0) {
                    hi = lo;
                }
                lo = t;
            }
        }
        if (best == null && lo.alpha > 0) {
            best = lo;
        }
        return giveUp(x, fx, gx, best, evaluations[0], "zoom ended without a strong-Wolfe step");
    }

    private static Step found(Trial t, int evaluations) {
        return new Step(t.alpha, t.x, t.f, t.g, evaluations, true, "");
    }

    private Step giveUp(double[] x, double fx, double[] gx, Trial best, int evaluations, String why) {
        if (best != null && best.alpha > 0) {
            return new Step(best.alpha, best.x, best.f, best.g, evaluations, false,
                    why + "; returning the best sufficient-decrease point");
        }
        return new Step(0, x.clone(), fx, gx.clone(), evaluations, false, why);
    }

    private static Trial evaluate(Objective f, double[] x, double[] p, double alpha, int[] evaluations) {
        double[] xNew = Vectors.step(x, alpha, p);
        double[] gNew = new double[x.length];
        double fNew = f.valueAndGradient(xNew, gNew);
        evaluations[0]++;
        return new Trial(alpha, fNew, Vectors.dot(gNew, p), xNew, gNew);
    }

    /**
     * Minimizer of the cubic interpolating φ and φ' at a and b (N&amp;W eq. 3.59); NaN when the cubic has no
     * minimizer (negative discriminant).
     */
    static double cubicMinimizer(Trial a, Trial b) {
        return cubicMinimizer(a.alpha, a.f, a.slope, b.alpha, b.f, b.slope);
    }

    static double cubicMinimizer(double a, double fa, double da, double b, double fb, double db) {
        double d1 = da + db - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - da * db;
        if (!(disc >= 0)) {
            return Double.NaN;
        }
        double d2 = Math.signum(b - a) * Math.sqrt(disc);
        double denom = db - da + 2 * d2;
        if (denom == 0) {
            return Double.NaN;
        }
        return b - (b - a) * (db + d2 - d1) / denom;
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "strong Wolfe (c₁ = %s, c₂ = %s)", c1, c2);
    }
}
