package descent.secondorder;

import descent.functions.Quadratic;
import descent.functions.Rosenbrock;
import descent.objective.Objective;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class BadInputTest {

    private static final Minimizer[] ALL = {new SteepestDescent(), Newton.pure(), Newton.cholesky(), Newton.modified(),
            Newton.saddleFree(), new LinearCG(), new NonlinearCG(), new BFGS(), new LBFGS(5), new HessianFree()};

    @Test
    void nonFiniteStartPointIsRejectedByEveryMinimizer() {
        for (Minimizer m : ALL) {
            var e = assertThrows(IllegalArgumentException.class, () -> m.minimize(Rosenbrock.twoD(), new double[]{Double.NaN, 1}));
            assertTrue(e.getMessage().contains("non-finite"), m.name() + ": " + e.getMessage());
        }
    }

    @Test
    void nonFiniteValueOrGradientAtTheStartIsRejected() {
        Objective log = new Objective() {
            public int dimension() { return 1; }
            public double value(double[] x) { return -Math.log(x[0]); }
            public double valueAndGradient(double[] x, double[] g) { g[0] = -1 / x[0]; return value(x); }
        };
        for (Minimizer m : ALL) {
            var e = assertThrows(IllegalArgumentException.class, () -> m.minimize(log, new double[]{-1}));
            assertTrue(e.getMessage().contains("f = NaN"), m.name() + ": " + e.getMessage());
        }
    }

    @Test
    void wrongLengthStartIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new LBFGS(5).minimize(Rosenbrock.twoD(), new double[3]));
        assertTrue(e.getMessage().contains("length 2") && e.getMessage().contains("length 3"), e.getMessage());
    }

    @Test
    void badSettingsAreRejectedWithTheValue() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LBFGS(0)).getMessage().contains("0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new WolfeLineSearch(0.5, 0.1)).getMessage().contains("0.5"));
        assertThrows(IllegalArgumentException.class, () -> new BacktrackingLineSearch(1e-4, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new BFGS().gradientTolerance(-1));
    }

    /** A start at a stationary point is success after 0 iterations; counts and record fields are filled. */
    @Test
    void resultRecordIsComplete() {
        Result r = new LBFGS(5).minimize(Quadratic.bowl(1, 4), new double[]{0, 0});
        assertEquals(0, r.iterations());
        assertTrue(r.success());
        assertEquals(1, r.functionEvaluations());
        Result s = new LBFGS(5).maxIterations(3).minimize(Rosenbrock.twoD(), Rosenbrock.twoD().start());
        assertEquals(StopReason.MAX_ITERATIONS, s.reason());
        assertFalse(s.success());
        assertEquals(4, s.path().size());
        assertEquals(4, s.values().length);
        assertEquals(s.f(), s.values()[3], 0);
        assertTrue(s.summary().contains("L-BFGS (m = 5)") && s.summary().contains("Rosenbrock"), s.summary());
    }
}
