package descent.secondorder;

import descent.functions.Quadratic;
import descent.functions.Rosenbrock;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class ConjugateGradientTest {

    private static final Quadratic Q10 = Quadratic.illConditioned(10, 10, 42);

    @Test
    void linearCgTerminatesWithinDSteps() {
        LinearCG.Trace t = new LinearCG().gradientTolerance(0).trace(Q10, new double[10]);
        assertEquals(10, t.result().iterations(), "the budget is d");
        assertTrue(Vectors.norm(t.gradients().get(10)) < 1e-10 * Vectors.norm(t.gradients().get(0)), "‖g₁₀‖ = " + Vectors.norm(t.gradients().get(10)));
        assertArrayEquals(Q10.minimizer(), t.result().x(), 1e-9);
        assertEquals(10, t.result().hessianVectorProducts());
        Result r = new LinearCG().minimize(Q10, new double[10]);
        assertTrue(r.success() && r.iterations() <= 10, r.toString());
    }

    /** Exercise 12 (b)–(d): gradients mutually orthogonal, directions mutually H-conjugate, gₜ₊₁ ⟂ qᵢ for i ≤ t. */
    @Test
    void gradientsOrthogonalAndDirectionsConjugateTo1e10() {
        LinearCG.Trace t = new LinearCG().gradientTolerance(0).trace(Q10, new double[10]);
        List<double[]> g = t.gradients(), q = t.directions();
        DMatrixRMaj h = Q10.a();
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < i; j++) {
                // relative to ‖g₀‖² (the late gradients are tiny, so their cosines are dominated by rounding)
                double gij = Vectors.dot(g.get(i), g.get(j)) / Vectors.dot(g.get(0), g.get(0));
                assertEquals(0, gij, 1e-10, "g" + i + "ᵀg" + j + " / ‖g₀‖²");
            }
        }
        DMatrixRMaj gram = ConjugateDirections.gram(h, q.toArray(new double[0][]));
        double scale = 0;
        for (int i = 0; i < 10; i++) {
            scale = Math.max(scale, gram.get(i, i));
        }
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(0, gram.get(i, j) / scale, 1e-10, "q" + i + "ᵀHq" + j + " / max qₖᵀHqₖ");
            }
        }
        for (int s = 1; s <= 10; s++) {
            for (int i = 0; i < s; i++) {
                assertEquals(0, Vectors.dot(g.get(s), q.get(i)) / Vectors.dot(g.get(0), g.get(0)), 1e-10, "g" + s + " · q" + i);
            }
        }
    }

    /** Eq. 3.50 equals Fletcher–Reeves and Polak–Ribière on a quadratic with exact steps. */
    @Test
    void betaEquation350EqualsFletcherReevesAndPolakRibiere() {
        LinearCG.Trace t = new LinearCG().gradientTolerance(0).trace(Q10, new double[10]);
        for (int s = 0; s < 9; s++) {
            double[] gOld = t.gradients().get(s), gNew = t.gradients().get(s + 1), q = t.directions().get(s);
            double fr = NonlinearCG.beta(NonlinearCG.Beta.FLETCHER_REEVES, gOld, gNew, q);
            double pr = NonlinearCG.beta(NonlinearCG.Beta.POLAK_RIBIERE, gOld, gNew, q);
            double hs = NonlinearCG.beta(NonlinearCG.Beta.HESTENES_STIEFEL, gOld, gNew, q);
            assertEquals(t.betas()[s], fr, 1e-8 * Math.abs(fr));
            assertEquals(t.betas()[s], pr, 1e-8 * Math.abs(pr));
            assertEquals(t.betas()[s], hs, 1e-8 * Math.abs(hs));
        }
    }

    /** Nonlinear CG with exact line searches on a quadratic follows linear CG's path. */
    @Test
    void nonlinearCgWithExactStepsIsLinearCgOnAQuadratic() {
        LinearCG.Trace t = new LinearCG().gradientTolerance(0).trace(Q10, new double[10]);
        for (NonlinearCG.Beta b : NonlinearCG.Beta.values()) {
            Result r = new NonlinearCG(b).lineSearch(LineSearch.exactQuadratic()).maxIterations(6).minimize(Q10, new double[10]);
            for (int k = 0; k <= 6; k++) {
                assertArrayEquals(t.result().path().get(k), r.path().get(k), 1e-9, b + " iterate " + k);
            }
        }
    }

    @Test
    void nonlinearCgConvergesOnRosenbrockWithEveryBeta() {
        for (NonlinearCG.Beta b : NonlinearCG.Beta.values()) {
            for (int n : new int[]{2, 10}) {
                Rosenbrock f = new Rosenbrock(n);
                Result r = new NonlinearCG(b).minimize(f, f.start());
                assertTrue(r.success(), r.toString());
                assertArrayEquals(f.minimizer(), r.x(), 1e-4);
            }
        }
        Result restarted = new NonlinearCG().restartEvery(2).minimize(Rosenbrock.twoD(), Rosenbrock.twoD().start());
        assertTrue(restarted.success(), restarted.toString());
    }

    /**
     * Powell's restart (Nocedal and Wright eq. 5.52), replayed from the recorded path with gradients recomputed from
     * the objective: wherever |gₖᵀgₖ₋₁| ≥ ν‖gₖ‖², the next step must point along −gₖ exactly (a restart); and the
     * test must have fired and changed the run, or it checks nothing.
     */
    @Test
    void powellRestartStepsAlongSteepestDescentWhereConsecutiveGradientsAreNotOrthogonal() {
        Rosenbrock f = new Rosenbrock(10);
        NonlinearCG cg = new NonlinearCG().restartWhenNotOrthogonal(0.1);
        Result r = cg.minimize(f, f.start());
        assertTrue(r.success(), r.toString());
        List<double[]> path = r.path();
        int fired = 0, bent = 0;
        for (int k = 1; k + 1 < path.size(); k++) {
            double[] gPrev = new double[10], g = new double[10];
            f.valueAndGradient(path.get(k - 1), gPrev);
            f.valueAndGradient(path.get(k), g);
            double[] step = new double[10];
            for (int i = 0; i < 10; i++) {
                step[i] = path.get(k + 1)[i] - path.get(k)[i];
            }
            double cos = -Vectors.dot(step, g) / (Vectors.norm(step) * Vectors.norm(g));
            if (Math.abs(Vectors.dot(g, gPrev)) >= 0.1 * Vectors.dot(g, g)) {
                fired++;
                assertEquals(1, cos, 1e-9, "iteration " + k + ": Powell's test holds, so the step must be along −g");
            } else if (cos < 1 - 1e-6) {
                bent++;
            }
        }
        assertTrue(fired > 0 && bent > 0, "the test fired " + fired + " times; steps not along −g elsewhere: " + bent);
        assertTrue(cg.restarts() >= fired, cg.restarts() + " restarts counted, Powell's test fired " + fired + " times");
        Result plain = new NonlinearCG().minimize(f, f.start());
        assertNotEquals(plain.iterations() + "/" + plain.functionEvaluations(), r.iterations() + "/" + r.functionEvaluations());
        assertThrows(IllegalArgumentException.class, () -> new NonlinearCG().restartWhenNotOrthogonal(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new NonlinearCG().restartWhenNotOrthogonal(Double.NaN));
    }

    /** Exercise 11: H-Gram–Schmidt from any basis gives conjugate directions; keeping only the last term does not. */
    @Test
    void conjugateDirectionsFromAnyBasis() {
        Random rng = new Random(5);
        double[][] basis = new double[10][10];
        for (double[] v : basis) {
            for (int i = 0; i < 10; i++) {
                v[i] = rng.nextGaussian();
            }
        }
        DMatrixRMaj h = Q10.a();
        double[][] q = ConjugateDirections.fromBasis(h, basis);
        assertTrue(ConjugateDirections.worstConjugacy(h, q) < 1e-10, "worst = " + ConjugateDirections.worstConjugacy(h, q));
        assertTrue(ConjugateDirections.worstConjugacy(h, ConjugateDirections.previousOnly(h, basis)) > 1e-3);
        // exercise 7: conjugate directions of an SPD H are linearly independent — the d×d matrix has full rank
        DMatrixRMaj qm = new DMatrixRMaj(q);
        assertTrue(Math.abs(org.ejml.dense.row.CommonOps_DDRM.det(qm)) > 1e-8);
    }

    @Test
    void residualCgSolvesASystem() {
        DMatrixRMaj a = Q10.a();
        double[] b = Q10.b();
        LinearCG.Solution s = LinearCG.solve((v, out) -> org.ejml.dense.row.CommonOps_DDRM.mult(a,
                DMatrixRMaj.wrap(10, 1, v), DMatrixRMaj.wrap(10, 1, out)), b, 10, 1e-12);
        assertFalse(s.negativeCurvature());
        assertArrayEquals(Q10.minimizer(), s.x(), 1e-8);
        LinearCG.Solution neg = LinearCG.solve((v, out) -> { out[0] = 2 * v[0]; out[1] = -2 * v[1]; },
                new double[]{0, 1}, 10, 1e-12);
        assertTrue(neg.negativeCurvature());
    }

    @Test
    void linearCgRefusesAnIndefiniteQuadratic() {
        var e = assertThrows(IllegalArgumentException.class, () -> new LinearCG().minimize(Quadratic.saddle(), new double[]{0, 1}));
        assertTrue(e.getMessage().contains("positive definite"), e.getMessage());
    }
}
