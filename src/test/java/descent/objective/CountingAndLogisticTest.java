package descent.objective;

import descent.functions.Rosenbrock;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class CountingAndLogisticTest {

    @Test
    void countsEachKindOfCallSeparately() {
        CountingObjective c = new CountingObjective(Rosenbrock.twoD());
        double[] x = {-1.2, 1}, g = new double[2], hv = new double[2];
        assertEquals(24.2, c.value(x), 1e-12);
        c.valueAndGradient(x, g);
        c.valueAndGradient(x, g);
        c.hessianVector(x, new double[]{1, 0}, hv);
        c.hessian(x, new DMatrixRMaj(2, 2));
        assertEquals(1, c.valueEvaluations());
        assertEquals(2, c.gradientEvaluations());
        assertEquals(3, c.functionEvaluations());
        assertEquals(1, c.hessianVectorProducts());
        assertEquals(1, c.hessianEvaluations());
        assertSame(c, CountingObjective.of(c));
        c.reset();
        assertEquals(0, c.functionEvaluations() + c.hessianVectorProducts() + c.hessianEvaluations());
    }

    /** The Hv of an objective without its own (finite differences, eq. 3.51) is counted once, not as two gradients. */
    @Test
    void finiteDifferenceHessianVectorIsOneProduct() {
        Objective plain = new Objective() {
            public int dimension() { return 2; }
            public double value(double[] x) { return Rosenbrock.twoD().value(x); }
            public double valueAndGradient(double[] x, double[] g) { return Rosenbrock.twoD().valueAndGradient(x, g); }
        };
        CountingObjective c = new CountingObjective(plain);
        double[] hv = new double[2];
        c.hessianVector(new double[]{-1.2, 1}, new double[]{0.3, -0.4}, hv);
        assertEquals(1, c.hessianVectorProducts());
        assertEquals(0, c.gradientEvaluations());
        // exact: H = [[1330, 480], [480, 200]] at (−1.2, 1)
        assertArrayEquals(new double[]{1330 * 0.3 - 480 * 0.4, 480 * 0.3 - 200 * 0.4}, hv, 1e-4);
    }

    /** MGH problem 21 (block-separable): hand values at the standard start, independent of the implementation. */
    @Test
    void extendedRosenbrockIsBlockSeparableLikeMoreGarbowHillstrom() {
        Rosenbrock f = new Rosenbrock(4);
        double[] g = new double[4];
        double v = f.valueAndGradient(new double[]{-1.2, 1, -1.2, 1}, g);
        assertEquals(48.4, v, 1e-12); // 2 × 24.2
        // ∂/∂x1 = −400·x1·(x2 − x1²) − 2(1 − x1) = −400·(−1.2)·(−0.44) − 4.4 = −215.6; ∂/∂x2 = 200·(−0.44) = −88
        assertArrayEquals(new double[]{-215.6, -88, -215.6, -88}, g, 1e-12);
        // chained (scipy rosen) would couple x2 and x3; the block form does not
        assertEquals(100 * 0.0 + 0.0 + 24.2, f.value(new double[]{1, 1, -1.2, 1}), 1e-12);
    }

    @Test
    void logisticRegressionAtZeroIsLogTwo() {
        LogisticRegression f = LogisticRegression.synthetic(50, 3, 2.0, 0.1, 7);
        assertEquals(Math.log(2), f.value(new double[3]), 1e-15);
    }

    @Test
    void logisticRegressionGradientHessianAndHvMatchFiniteDifferences() {
        LogisticRegression f = LogisticRegression.synthetic(80, 4, 3.0, 0.01, 11);
        double[] w = {0.3, -0.7, 1.1, 0.2};
        int d = 4;
        double[] g = new double[d];
        double v = f.valueAndGradient(w, g);
        assertEquals(f.value(w), v, 1e-15);
        double h = 1e-6;
        for (int j = 0; j < d; j++) {
            double[] p = w.clone(), m = w.clone();
            p[j] += h;
            m[j] -= h;
            assertEquals((f.value(p) - f.value(m)) / (2 * h), g[j], 1e-8, "∂f/∂w" + j);
        }
        DMatrixRMaj hess = new DMatrixRMaj(d, d);
        f.hessian(w, hess);
        for (int j = 0; j < d; j++) {
            double[] p = w.clone(), m = w.clone(), gp = new double[d], gm = new double[d];
            p[j] += h;
            m[j] -= h;
            f.valueAndGradient(p, gp);
            f.valueAndGradient(m, gm);
            for (int i = 0; i < d; i++) {
                assertEquals((gp[i] - gm[i]) / (2 * h), hess.get(i, j), 1e-7, "H" + i + j);
            }
        }
        double[] vec = {1, -2, 0.5, 3}, hv = new double[d];
        f.hessianVector(w, vec, hv);
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += hess.get(i, j) * vec[j];
            }
            assertEquals(s, hv[i], 1e-12);
        }
    }

    @Test
    void logisticRegressionIsStableForHugeMargins() {
        LogisticRegression f = LogisticRegression.synthetic(20, 2, 1.0, 0.0, 3);
        double[] g = new double[2];
        double v = f.valueAndGradient(new double[]{1e4, -1e4}, g);
        assertTrue(Double.isFinite(v) && Double.isFinite(g[0]) && Double.isFinite(g[1]));
    }

    @Test
    void logisticRegressionRejectsBadLabels() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new LogisticRegression(new DMatrixRMaj(2, 2), new double[]{1, 0}, 0));
        assertTrue(e.getMessage().contains("label 1 is 0.0"), e.getMessage());
    }
}
