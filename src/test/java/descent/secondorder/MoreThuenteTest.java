package descent.secondorder;

import descent.functions.Rosenbrock;
import descent.objective.CountingObjective;
import descent.objective.Objective;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Moré and Thuente (ACM TOMS 20(3), 1994), §5: six one-dimensional functions, each searched from α₀ = 10⁻³, 10⁻¹,
 * 10¹, 10³. The expected evaluation counts and final steps are the paper's Tables 1–6 (α printed there to two
 * significant digits); the same counts are reported by independent ports of MINPACK's search (for example
 * O'Leary's MATLAB translation).
 */
class MoreThuenteTest {

    private static final double[] STARTS = {1e-3, 1e-1, 1e1, 1e3};

    /** φ₁(α) = −α/(α² + β), β = 2. */
    static double[] phi1(double a) {
        double b = 2, den = a * a + b;
        return new double[]{-a / den, (a * a - b) / (den * den)};
    }

    /** φ₂(α) = (α + β)⁵ − 2(α + β)⁴, β = 0.004. */
    static double[] phi2(double a) {
        double t = a + 0.004;
        return new double[]{Math.pow(t, 5) - 2 * Math.pow(t, 4), 5 * Math.pow(t, 4) - 8 * Math.pow(t, 3)};
    }

    /** φ₃(α) = φ₀(α) + 2(1 − β)/(lπ)·sin(lπα/2), β = 0.01, l = 39; φ₀ a smoothed |α − 1|. */
    static double[] phi3(double a) {
        double b = 0.01, l = 39;
        double f0, d0;
        if (a <= 1 - b) {
            f0 = 1 - a;
            d0 = -1;
        } else if (a >= 1 + b) {
            f0 = a - 1;
            d0 = 1;
        } else {
            f0 = (a - 1) * (a - 1) / (2 * b) + b / 2;
            d0 = (a - 1) / b;
        }
        return new double[]{f0 + 2 * (1 - b) / (l * Math.PI) * Math.sin(l * Math.PI * a / 2),
                d0 + (1 - b) * Math.cos(l * Math.PI * a / 2)};
    }

    /** φ(α) = γ(β₁)√((1 − α)² + β₂²) + γ(β₂)√(α² + β₁²), γ(β) = √(1 + β²) − β (functions 4–6). */
    static DoubleFunction<double[]> yanai(double b1, double b2) {
        double g1 = Math.sqrt(1 + b1 * b1) - b1, g2 = Math.sqrt(1 + b2 * b2) - b2;
        return a -> {
            double s1 = Math.sqrt((1 - a) * (1 - a) + b2 * b2), s2 = Math.sqrt(a * a + b1 * b1);
            return new double[]{g1 * s1 + g2 * s2, g1 * (a - 1) / s1 + g2 * a / s2};
        };
    }

    private record Case(String name, DoubleFunction<double[]> phi, double mu, double eta, int[] evaluations, double[] alpha,
                        double alphaTolerance) {
    }

    static List<Case> paperCases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("Table 1", MoreThuenteTest::phi1, 1e-3, 0.1, new int[]{6, 3, 1, 4}, new double[]{1.4, 1.4, 10, 37}, 0.05));
        cases.add(new Case("Table 2", MoreThuenteTest::phi2, 0.1, 0.1, new int[]{12, 8, 8, 11}, new double[]{1.6, 1.6, 1.6, 1.6}, 0.05));
        cases.add(new Case("Table 3", MoreThuenteTest::phi3, 0.1, 0.1, new int[]{12, 12, 10, 13}, new double[]{1.0, 1.0, 1.0, 1.0}, 0.05));
        cases.add(new Case("Table 4", yanai(0.001, 0.001), 0.001, 0.001, new int[]{4, 1, 3, 4}, new double[]{0.08, 0.10, 0.35, 0.83}, 0.0051)); // the paper prints 0.08 for 0.085
        cases.add(new Case("Table 5", yanai(0.01, 0.001), 0.001, 0.001, new int[]{6, 3, 7, 8}, new double[]{0.075, 0.078, 0.073, 0.076}, 0.0005));
        cases.add(new Case("Table 6", yanai(0.001, 0.01), 0.001, 0.001, new int[]{13, 11, 8, 11}, new double[]{0.93, 0.93, 0.92, 0.92}, 0.005));
        return cases;
    }

    static MoreThuenteLineSearch paperSearch(double mu, double eta) {
        return new MoreThuenteLineSearch(mu, eta, 1e-10, 0, 1e10, 100);
    }

    /** Every evaluation count of Tables 1–6, and the final step to the digits printed there. */
    @Test
    void reproducesTheEvaluationCountsAndStepsOfTables1To6() {
        for (Case c : paperCases()) {
            double[] at0 = c.phi.apply(0);
            for (int k = 0; k < STARTS.length; k++) {
                MoreThuenteLineSearch.Outcome o = paperSearch(c.mu, c.eta).search1d(c.phi, at0[0], at0[1], STARTS[k]);
                String where = c.name + ", α₀ = " + STARTS[k] + ": " + o;
                assertTrue(o.found(), where);
                assertEquals(c.evaluations[k], o.evaluations(), where);
                assertEquals(c.alpha[k], o.alpha(), c.alphaTolerance * Math.max(1, c.alpha[k]), where); // 2 digits
                // the strong Wolfe conditions, recomputed from φ here
                double[] at = c.phi.apply(o.alpha());
                assertTrue(at[0] <= at0[0] + c.mu * o.alpha() * at0[1], "sufficient decrease, " + where);
                assertTrue(Math.abs(at[1]) <= c.eta * Math.abs(at0[1]), "curvature, " + where);
            }
        }
    }

    /**
     * The paper's invariant (§2, Theorem 2.1): once bracketed, the end α_l has the lower value of the function the
     * update works with (ψ in stage 1, φ after) and its derivative points into the interval,
     * g'(α_l)(α_u − α_l) &lt; 0, so the interval holds a minimizer; and the interval never grows.
     */
    @Test
    void theIntervalAlwaysBracketsAMinimizerAndShrinks() {
        int brackets = 0;
        for (Case c : paperCases()) {
            double[] at0 = c.phi.apply(0);
            for (double start : STARTS) {
                List<double[]> states = new ArrayList<>();
                MoreThuenteLineSearch ls = paperSearch(c.mu, c.eta);
                ls.trace = states::add;
                ls.search1d(c.phi, at0[0], at0[1], start);
                double width = Double.POSITIVE_INFINITY;
                for (double[] t : states) {
                    if (t[6] == 0) {
                        continue;
                    }
                    brackets++;
                    String where = c.name + ", α₀ = " + start + ", state " + java.util.Arrays.toString(t);
                    assertTrue(t[1] <= t[4], "g(α_l) ≤ g(α_u): " + where);
                    assertTrue(t[2] * (t[3] - t[0]) < 0, "g'(α_l)(α_u − α_l) < 0: " + where);
                    double w = Math.abs(t[3] - t[0]);
                    assertTrue(w <= width, "the interval grew: " + where);
                    width = w;
                }
            }
        }
        assertTrue(brackets > 50, "too few bracketed states to test: " + brackets);
    }

    /** Strong Wolfe at every accepted step of L-BFGS and CG runs on Rosenbrock (checked here from f and ∇f). */
    @Test
    void everyAcceptedStepOfAMinimizationSatisfiesStrongWolfe() {
        for (int n : new int[]{2, 100}) {
            Rosenbrock f = new Rosenbrock(n);
            for (double c2 : new double[]{0.9, 0.4, 0.1}) {
                Objective checked = new Objective() {
                    public int dimension() { return n; }
                    public double value(double[] x) { return f.value(x); }
                    public double valueAndGradient(double[] x, double[] g) { return f.valueAndGradient(x, g); }
                };
                int[] steps = {0};
                LineSearch wrapped = new LineSearch() {
                    final MoreThuenteLineSearch inner = new MoreThuenteLineSearch(1e-4, c2);
                    public Step search(Objective o, double[] x, double fx, double[] gx, double[] p, double a0) {
                        Step s = inner.search(o, x, fx, gx, p, a0);
                        double slope0 = Vectors.dot(gx, p);
                        if (s.found()) {
                            steps[0]++;
                            assertTrue(s.f() <= fx + 1e-4 * s.alpha() * slope0, "Armijo at step " + steps[0]);
                            double[] g = new double[n];
                            double fNew = f.valueAndGradient(Vectors.step(x, s.alpha(), p), g);
                            assertEquals(fNew, s.f(), 1e-12 * Math.max(1, Math.abs(fNew)));
                            assertTrue(Math.abs(Vectors.dot(g, p)) <= c2 * Math.abs(slope0), "curvature at step " + steps[0]);
                        }
                        return s;
                    }
                    public String name() { return inner.name(); }
                };
                Result l = new LBFGS(10).lineSearch(wrapped).minimize(checked, f.start());
                Result c = new NonlinearCG().lineSearch(wrapped).minimize(checked, f.start());
                assertTrue(l.success() && c.success(), l + " / " + c);
                assertTrue(steps[0] > 40, "steps checked: " + steps[0]);
            }
        }
    }

    /**
     * Non-smooth φ: at a kink the curvature condition can never hold (|φ'| = |φ'(0)| on both sides), so the search
     * must end on its own — narrowing the bracket around the kink — with a lower f, found = false and a reason.
     */
    @Test
    void nonSmoothFunctionsEndWithDecreaseAndAReason() {
        DoubleFunction<double[]> kink = a -> new double[]{Math.abs(a - 1), Math.signum(a - 1)};
        DoubleFunction<double[]> asymmetric = a -> a < 3 ? new double[]{-a, -1} : new double[]{2 * a - 9, 2};
        for (DoubleFunction<double[]> phi : List.<DoubleFunction<double[]>>of(kink, asymmetric)) {
            double[] at0 = phi.apply(0);
            double minimizer = phi == kink ? 1 : 3;
            for (double start : STARTS) {
                for (MoreThuenteLineSearch ls : List.of(MoreThuenteLineSearch.forQuasiNewton(), MoreThuenteLineSearch.forConjugateGradient())) {
                    MoreThuenteLineSearch.Outcome o = ls.search1d(phi, at0[0], at0[1], start);
                    String where = "α₀ = " + start + ", " + ls.name() + ": " + o;
                    assertFalse(o.found(), where);
                    assertFalse(o.message().isEmpty(), where);
                    assertTrue(o.value() < at0[0], "f decreased: " + where);
                    assertTrue(o.evaluations() <= 21, where);
                    assertEquals(minimizer, o.alpha(), 0.2 * minimizer, where);
                }
            }
        }
    }

    /** Badly scaled φ: minimizers at α* = 10⁻⁸ and 10⁶, from α₀ = 1 — far too long and far too short. */
    @Test
    void badlyScaledFunctionsConvergeWithinTheBudget() {
        for (double target : new double[]{1e-8, 1e-4, 1e3, 1e6}) {
            double scale = 1 / (target * target); // φ(0) = 1 for every target
            DoubleFunction<double[]> phi = a -> new double[]{scale * (a - target) * (a - target), 2 * scale * (a - target)};
            double[] at0 = phi.apply(0);
            for (MoreThuenteLineSearch ls : List.of(MoreThuenteLineSearch.forQuasiNewton(), MoreThuenteLineSearch.forConjugateGradient())) {
                MoreThuenteLineSearch.Outcome o = ls.search1d(phi, at0[0], at0[1], 1);
                String where = "α* = " + target + ", " + ls.name() + ": " + o;
                assertTrue(o.found(), where);
                assertTrue(o.value() <= at0[0] + ls.mu() * o.alpha() * at0[1], where);
                assertTrue(Math.abs(o.derivative()) <= ls.eta() * Math.abs(at0[1]), where);
                assertTrue(o.evaluations() <= (target > 1 ? 12 : 8), where);
            }
        }
        // a nearly flat φ: slope 1e-300 scale still gives a step, not a division by zero
        DoubleFunction<double[]> flat = a -> new double[]{1e-300 * (a - 2) * (a - 2), 2e-300 * (a - 2)};
        MoreThuenteLineSearch.Outcome o = MoreThuenteLineSearch.forQuasiNewton().search1d(flat, 4e-300, -4e-300, 1);
        assertTrue(o.found() && Double.isFinite(o.alpha()), o.toString());
    }

    /**
     * When f can no longer resolve the decrease (every trial's value comes out one ulp above φ(0), as rounding does
     * near a minimizer of a large f), no trial meets the sufficient-decrease test; the search must still take a step
     * that meets Hager and Zhang's approximate Wolfe conditions — |φ'(α)| ≤ η|φ'(0)| and φ(α) ≤ φ(0) + 1e-6·|φ(0)| —
     * instead of stopping the minimizer. The derivative is exact: φ'(α) = 2s(α − 1), minimizer α = 1.
     */
    @Test
    void whenFCannotResolveTheDecreaseTheApproximateWolfeConditionsGiveAStep() {
        double c = 1e5, s = 1e-13; // the true decrease s from α = 0 to α = 1 is far below ulp(1e5) = 1.5e-11
        DoubleFunction<double[]> phi = a -> new double[]{a == 0 ? c : c + Math.ulp(c), 2 * s * (a - 1)};
        double[] at0 = phi.apply(0);
        for (MoreThuenteLineSearch ls : List.of(MoreThuenteLineSearch.forQuasiNewton(), MoreThuenteLineSearch.forConjugateGradient())) {
            for (double start : new double[]{0.5, 1, 3}) {
                MoreThuenteLineSearch.Outcome o = ls.search1d(phi, at0[0], at0[1], start);
                String where = "α₀ = " + start + ", " + ls.name() + ": " + o;
                assertTrue(o.alpha() > 0, where);
                assertEquals(phi.apply(o.alpha())[1], o.derivative(), 0, where);
                assertTrue(Math.abs(o.derivative()) <= ls.eta() * Math.abs(at0[1]), where);
                assertTrue(o.value() <= c + 1e-6 * c, where);
                assertFalse(o.found(), where);
                assertTrue(o.message().contains("approximate Wolfe"), where);
            }
        }
        // a derivative that claims "flat" while f climbs buys at most a rise of 1e-6·|φ(0)|
        DoubleFunction<double[]> climbing = a -> new double[]{1 + a, a == 0 ? -1 : 0};
        MoreThuenteLineSearch.Outcome o = MoreThuenteLineSearch.forQuasiNewton().search1d(climbing, 1, -1, 1);
        assertTrue(o.alpha() == 0 || o.value() <= 1 + 1e-6, o.toString());
    }

    /** f overflowing beyond α = 2 is "too far": the search comes back, never returns a non-finite point. */
    @Test
    void nonFiniteTrialsAreTreatedAsTooFar() {
        DoubleFunction<double[]> cliff = a -> a > 2 ? new double[]{Double.NaN, Double.NaN} : new double[]{(a - 1.5) * (a - 1.5), 2 * (a - 1.5)};
        double[] at0 = cliff.apply(0);
        MoreThuenteLineSearch.Outcome o = MoreThuenteLineSearch.forQuasiNewton().search1d(cliff, at0[0], at0[1], 100);
        assertTrue(Double.isFinite(o.value()) && o.value() < at0[0] && o.alpha() <= 2, o.toString());
        // and on an n-dimensional objective the caller's buffers hold the accepted point
        Objective f = new Objective() {
            public int dimension() { return 1; }
            public double value(double[] x) { return cliff.apply(x[0])[0]; }
            public double valueAndGradient(double[] x, double[] g) { double[] v = cliff.apply(x[0]); g[0] = v[1]; return v[0]; }
        };
        double[] xOut = new double[1], gOut = new double[1];
        LineSearch.Step s = MoreThuenteLineSearch.forQuasiNewton().search(f, new double[]{0}, 2.25, new double[]{-3}, new double[]{1}, 100, xOut, gOut);
        assertSame(xOut, s.x());
        assertEquals(s.alpha(), xOut[0], 0);
        assertEquals(f.value(xOut), s.f(), 0);
    }

    @Test
    void badConstantsAndDirectionsAreRejectedWithTheValue() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MoreThuenteLineSearch(0, 0.9)).getMessage().contains("μ = 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MoreThuenteLineSearch(1e-4, 1)).getMessage().contains("η = 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MoreThuenteLineSearch(1e-4, 0.9, 1, 0, 1, 20)).getMessage().contains("xtol"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MoreThuenteLineSearch(1e-4, 0.9, 0.1, 2, 1, 20)).getMessage().contains("maxStep = 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MoreThuenteLineSearch(1e-4, 0.9, 0.1, 0, 1, 0)).getMessage().contains("got 0"));
        Rosenbrock f = Rosenbrock.twoD();
        double[] x = f.start(), g = new double[2];
        double fx = f.valueAndGradient(x, g);
        var e = assertThrows(IllegalArgumentException.class, () -> MoreThuenteLineSearch.forQuasiNewton().search(new CountingObjective(f), x, fx, g, g.clone(), 1));
        assertTrue(e.getMessage().contains("not a descent direction"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MoreThuenteLineSearch.forQuasiNewton().search(f, x, fx, g, Vectors.negate(g), Double.NaN));
    }
}
