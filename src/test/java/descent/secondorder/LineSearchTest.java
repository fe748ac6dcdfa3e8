package descent.secondorder;

import descent.functions.Quadratic;
import descent.functions.Rosenbrock;
import descent.objective.CountingObjective;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LineSearchTest {

    private static final double[] X = {-1.2, 1};

    private static double[] gradient(Rosenbrock f, double[] x) {
        double[] g = new double[x.length];
        f.valueAndGradient(x, g);
        return g;
    }

    @Test
    void backtrackingSatisfiesArmijoAndCountsEvaluations() {
        Rosenbrock f = Rosenbrock.twoD();
        double[] g = gradient(f, X), p = Vectors.negate(g);
        CountingObjective c = new CountingObjective(f);
        LineSearch.Step s = LineSearch.backtracking().search(c, X, 24.2, g, p, 1.0);
        assertTrue(s.found());
        assertTrue(s.f() <= 24.2 + 1e-4 * s.alpha() * Vectors.dot(g, p), "Armijo");
        assertTrue(s.alpha() < 1, "the unit step along −g overshoots on Rosenbrock, so it must have backtracked");
        // α halves each rejection: α = 2^−(evaluations−1)
        assertEquals(Math.pow(0.5, s.evaluations() - 1), s.alpha(), 0);
        assertEquals(s.evaluations(), c.functionEvaluations());
        assertArrayEquals(gradient(f, s.x()), s.g(), 0);
    }

    @Test
    void strongWolfeConditionsHoldForSeveralC2() {
        Rosenbrock f = Rosenbrock.twoD();
        double[] g = gradient(f, X);
        double[][] directions = {Vectors.negate(g), {1, 0}, {0.3, -1}};
        for (double c2 : new double[]{0.1, 0.4, 0.9}) {
            for (double[] p : directions) {
                if (Vectors.dot(g, p) >= 0) {
                    p = Vectors.negate(p);
                }
                for (double alpha0 : new double[]{1e-4, 1e-2, 1}) {
                    WolfeLineSearch ls = new WolfeLineSearch(1e-4, c2);
                    CountingObjective c = new CountingObjective(f);
                    LineSearch.Step s = ls.search(c, X, 24.2, g, p, alpha0);
                    double slope0 = Vectors.dot(g, p);
                    String where = "c2 = " + c2 + ", p = " + Vectors.show(p) + ", α0 = " + alpha0;
                    assertTrue(s.found(), where + ": " + s.message());
                    assertTrue(s.f() <= 24.2 + 1e-4 * s.alpha() * slope0, "sufficient decrease, " + where);
                    assertTrue(Math.abs(Vectors.dot(s.g(), p)) <= c2 * Math.abs(slope0), "curvature, " + where);
                    assertEquals(s.evaluations(), c.gradientEvaluations());
                    assertTrue(s.evaluations() <= 20);
                }
            }
        }
    }

    @Test
    void cubicInterpolationIsExactForACubic() {
        // φ(α) = α³ − 3α (minimum at α = 1): cubic through (0, φ, φ') and (3, φ, φ') recovers it
        double m = WolfeLineSearch.cubicMinimizer(0, 0, -3, 3, 18, 24);
        assertEquals(1, m, 1e-12);
        m = WolfeLineSearch.cubicMinimizer(3, 18, 24, 0, 0, -3);
        assertEquals(1, m, 1e-12);
    }

    @Test
    void exactSearchZeroesTheDirectionalDerivativeOnAQuadratic() {
        Quadratic q = Quadratic.illConditioned(6, 50, 3);
        double[] x = {1, -1, 0.5, 2, 0, 1}, g = new double[6];
        double fx = q.valueAndGradient(x, g);
        double[] p = Vectors.negate(g);
        LineSearch.Step s = LineSearch.exactQuadratic().search(q, x, fx, g, p, 1);
        assertEquals(0, Vectors.dot(s.g(), p), 1e-12 * Vectors.dot(g, g));
        // and it is the minimum along p: nearby steps are no lower
        assertTrue(q.value(Vectors.step(x, s.alpha() * 1.01, p)) > s.f());
        assertTrue(q.value(Vectors.step(x, s.alpha() * 0.99, p)) > s.f());
    }

    @Test
    void uphillDirectionsAreRejectedWithTheSlope() {
        Rosenbrock f = Rosenbrock.twoD();
        double[] g = gradient(f, X);
        for (LineSearch ls : new LineSearch[]{LineSearch.backtracking(), LineSearch.strongWolfe(0.9), LineSearch.exactQuadratic()}) {
            var e = assertThrows(IllegalArgumentException.class, () -> ls.search(f, X, 24.2, g, g.clone(), 1));
            assertTrue(e.getMessage().contains("not a descent direction"), e.getMessage());
        }
    }

    @Test
    void exactSearchRejectsNegativeCurvature() {
        Quadratic s = Quadratic.saddle();
        double[] x = {0, 1}, g = new double[2];
        double fx = s.valueAndGradient(x, g);
        var e = assertThrows(IllegalArgumentException.class,
                () -> LineSearch.exactQuadratic().search(s, x, fx, g, Vectors.negate(g), 1));
        assertTrue(e.getMessage().contains("≤ 0"), e.getMessage());
    }

    /** A trial where f overflows counts as "too far": the search comes back and never returns NaN. */
    @Test
    void nonFiniteTrialsAreShrunkNotReturned() {
        descent.objective.Objective cliff = new descent.objective.Objective() {
            public int dimension() { return 1; }
            public double value(double[] x) { return x[0] > 2 ? Double.NaN : (x[0] - 1) * (x[0] - 1); }
            public double valueAndGradient(double[] x, double[] g) {
                g[0] = x[0] > 2 ? Double.NaN : 2 * (x[0] - 1);
                return value(x);
            }
        };
        double[] x = {0}, g = {-2};
        for (LineSearch ls : new LineSearch[]{LineSearch.backtracking(), LineSearch.strongWolfe(0.9)}) {
            LineSearch.Step s = ls.search(cliff, x, 1, g, new double[]{1}, 100);
            assertTrue(Double.isFinite(s.f()) && s.f() < 1, ls.name() + " returned f = " + s.f());
        }
    }
}
