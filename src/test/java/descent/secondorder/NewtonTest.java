package descent.secondorder;

import descent.functions.CubicSum;
import descent.functions.Quadratic;
import descent.functions.Rosenbrock;
import descent.objective.Objective;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class NewtonTest {

    /** x² + 4y²: the Newton step lands on the minimum from anywhere (eq. 3.48 on a quadratic). */
    @Test
    void oneStepOnAQuadraticFromAnyStart() {
        Quadratic bowl = Quadratic.bowl(1, 4);
        for (double[] start : new double[][]{{1, 1}, {-3, 0.2}, {100, -50}}) {
            for (Newton n : new Newton[]{Newton.pure(), Newton.cholesky(), Newton.modified(), Newton.saddleFree()}) {
                Result r = n.minimize(bowl, start);
                assertTrue(r.success(), n.name() + ": " + r);
                assertEquals(1, r.iterations(), n.name() + " from " + Vectors.show(start));
                assertArrayEquals(new double[]{0, 0}, r.x(), 1e-12);
            }
        }
    }

    @Test
    void stepByHandOnA2x2() {
        // H = [[4, 1], [1, 3]], g = (1, 2): H⁻¹g = (1/11)·(3·1 − 1·2, −1·1 + 4·2) = (1/11, 7/11)
        double[] p = Newton.step(new DMatrixRMaj(new double[][]{{4, 1}, {1, 3}}), new double[]{1, 2});
        assertArrayEquals(new double[]{-1.0 / 11, -7.0 / 11}, p, 1e-15);
        var e = assertThrows(IllegalArgumentException.class,
                () -> Newton.step(new DMatrixRMaj(new double[][]{{2, 0}, {0, -2}}), new double[]{1, 1}));
        assertTrue(e.getMessage().contains("-2"), e.getMessage());
    }

    /** §3.5.6.3: on x² − y² pure Newton jumps onto the saddle in one step. */
    @Test
    void pureNewtonIsAttractedToTheSaddle() {
        Result r = Newton.pure().minimize(Quadratic.saddle(), new double[]{1, 1e-3});
        assertEquals(1, r.iterations());
        assertArrayEquals(new double[]{0, 0}, r.x(), 1e-15);
        assertTrue(r.success(), "the gradient vanishes there, so by the gradient test it 'converged' — to a saddle");
    }

    /** §3.5.6.3: on x³ Newton halves x (x − 3x²/6x = x/2) towards the flat point, which is not a minimum. */
    @Test
    void pureNewtonHalvesOnTheCubic() {
        Result r = Newton.pure().maxIterations(5).minimize(new CubicSum(1), new double[]{0.5});
        double[] expected = {0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625};
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], r.path().get(k)[0], 1e-15);
        }
        Result atZero = Newton.pure().gradientTolerance(0).minimize(new CubicSum(1), new double[]{0});
        assertEquals(StopReason.GRADIENT_TOLERANCE, atZero.reason(), "0 is stationary, ‖g‖ = 0 ≤ 0");
    }

    @Test
    void singularHessianStopsWithAReason() {
        // f = x³ + y² at (0, 1): H = diag(0, 2) is singular, g = (0, 2) is not zero
        Objective f = new Objective() {
            public int dimension() { return 2; }
            public double value(double[] x) { return x[0] * x[0] * x[0] + x[1] * x[1]; }
            public double valueAndGradient(double[] x, double[] g) {
                g[0] = 3 * x[0] * x[0];
                g[1] = 2 * x[1];
                return value(x);
            }
            public boolean hasHessian() { return true; }
            public void hessian(double[] x, DMatrixRMaj h) { h.reshape(2, 2); h.zero(); h.set(0, 0, 6 * x[0]); h.set(1, 1, 2); }
        };
        Result r = Newton.pure().minimize(f, new double[]{0, 1});
        assertEquals(StopReason.SINGULAR_HESSIAN, r.reason());
        assertFalse(r.success());
    }

    @Test
    void choleskyNewtonRefusesAnIndefiniteHessianClearly() {
        var e = assertThrows(IllegalStateException.class, () -> Newton.cholesky().minimize(Quadratic.saddle(), new double[]{1, 1e-3}));
        assertTrue(e.getMessage().contains("not positive definite") && e.getMessage().contains("-2"), e.getMessage());
    }

    /** Modified and saddle-free Newton go downhill on x² − y²; saddle-free escapes along y, as first-order methods do. */
    @Test
    void modifiedAndSaddleFreeNewtonEscapeTheSaddle() {
        Quadratic s = Quadratic.saddle();
        Result sf = Newton.saddleFree().maxIterations(3).minimize(s, new double[]{1, 1e-3});
        // |H| = diag(2, 2): the step is (−x, +y), so x → 0 and y doubles every iteration
        assertEquals(0, sf.path().get(1)[0], 1e-15);
        assertEquals(2e-3, sf.path().get(1)[1], 1e-15);
        assertEquals(8e-3, sf.x()[1], 1e-15);
        Result unbounded = Newton.saddleFree().minimize(s, new double[]{1, 1e-3});
        assertEquals(StopReason.UNBOUNDED, unbounded.reason());
        Result m = Newton.modified().maxIterations(5).minimize(s, new double[]{1, 1e-3});
        assertTrue(m.f() < s.value(new double[]{1, 1e-3}) - 1, "modified Newton decreases f: " + m);
        assertTrue(Math.abs(m.x()[1]) > 1e-3);
    }

    @Test
    void convergesOnRosenbrockFromAnyVariantThatIsSafe() {
        for (Newton n : new Newton[]{Newton.cholesky(), Newton.modified(), Newton.saddleFree()}) {
            Result r = n.minimize(Rosenbrock.twoD(), Rosenbrock.twoD().start());
            assertTrue(r.success(), r.toString());
            assertArrayEquals(new double[]{1, 1}, r.x(), 1e-6);
            assertEquals(r.iterations(), r.hessianEvaluations());
        }
    }

    @Test
    void hessianFromHessianVectorProductsWhenThereIsNoAnalyticOne() {
        Rosenbrock rb = Rosenbrock.twoD();
        Objective noHessian = new Objective() {
            public int dimension() { return 2; }
            public double value(double[] x) { return rb.value(x); }
            public double valueAndGradient(double[] x, double[] g) { return rb.valueAndGradient(x, g); }
        };
        DMatrixRMaj h = new DMatrixRMaj(2, 2), exact = new DMatrixRMaj(2, 2);
        Newton.hessian(noHessian, new double[]{-1.2, 1}, h);
        rb.hessian(new double[]{-1.2, 1}, exact);
        for (int i = 0; i < 4; i++) {
            assertEquals(exact.data[i], h.data[i], 1e-4 * Math.abs(exact.data[i]));
        }
        Result r = Newton.cholesky().minimize(noHessian, rb.start());
        assertTrue(r.success(), r.toString());
        assertEquals(2 * r.iterations(), r.hessianVectorProducts());
    }
}
