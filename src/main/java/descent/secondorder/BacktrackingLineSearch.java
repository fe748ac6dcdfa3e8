package descent.secondorder;

import descent.objective.Objective;

/**
 * Backtracking (Armijo) line search: try α = α₀, α₀ρ, α₀ρ², … until the sufficient-decrease condition
 * <pre>  f(x + αp) ≤ f(x) + c₁·α·∇f(x)ᵀp  </pre>
 * holds (Nocedal and Wright Alg. 3.1). Each trial costs one f+∇f evaluation (f and ∇f come together, as in
 * scipy's counts; the accepted point's gradient is then already there). A trial where f is not finite counts as "too far" and is shrunk like any other rejection.
 */
public final class BacktrackingLineSearch implements LineSearch {

    private final double c1;
    private final double shrink;
    private final int maxTrials;

    /**
     * @param c1 sufficient-decrease constant in (0, 1), typically 1e-4
     * @param shrink the factor ρ in (0, 1) applied after each rejection, typically 0.5
     */
    public BacktrackingLineSearch(double c1, double shrink) {
        if (!(c1 > 0 && c1 < 1) || !(shrink > 0 && shrink < 1)) {
            throw new IllegalArgumentException("BacktrackingLineSearch needs 0 < c1 < 1 and 0 < shrink < 1, got c1 = "
                    + c1 + ", shrink = " + shrink);
        }
        this.c1 = c1;
        this.shrink = shrink;
        this.maxTrials = 60;
    }

    @Override
    public Step search(Objective f, double[] x, double fx, double[] gx, double[] p, double initialStep) {
        double slope = LineSearch.requireDescent(name(), gx, p);
        if (!(initialStep > 0) || !Double.isFinite(initialStep)) {
            throw new IllegalArgumentException(name() + ": the initial step must be positive and finite, got " + initialStep);
        }
        double alpha = initialStep;
        int evaluations = 0;
        for (int trial = 0; trial < maxTrials; trial++) {
            double[] xNew = Vectors.step(x, alpha, p);
            double[] gNew = new double[x.length];
            double fNew = f.valueAndGradient(xNew, gNew);
            evaluations++;
            if (Double.isFinite(fNew) && Vectors.allFinite(gNew) && fNew <= fx + c1 * alpha * slope) {
                return new Step(alpha, xNew, fNew, gNew, evaluations, true, "");
            }
            alpha *= shrink;
        }
        return new Step(0, x.clone(), fx, gx.clone(), evaluations, false,
                "no sufficient decrease after " + maxTrials + " halvings (last α = " + alpha + ")");
    }

    @Override
    public String name() {
        return "backtracking Armijo (c₁ = " + c1 + ", ρ = " + shrink + ")";
    }
}
