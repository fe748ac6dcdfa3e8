package descent.functions;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class TestFunctionsTest {

    static Stream<TestFunction> functions() {
        return Stream.of(Quadratic.bowl(1, 4), Quadratic.rotated(1, 10, Math.PI / 6), Quadratic.illConditioned(6, 100, 3),
                Quadratic.saddle(), Rosenbrock.twoD(), new Rosenbrock(6), new Beale(), new PowerSum(), new PowerSum(2, 2),
                new CubicSum(1), new CubicSum(2));
    }

    /** Central differences of f are the independent reference for every analytic gradient. */
    @ParameterizedTest
    @MethodSource("functions")
    void gradientMatchesCentralDifferences(TestFunction f) {
        Random rng = new Random(11);
        for (int trial = 0; trial < 5; trial++) {
            double[] x = f.start();
            for (int i = 0; i < x.length; i++) {
                x[i] += 0.3 * rng.nextGaussian();
            }
            double[] g = new double[f.dimension()];
            double fx = f.valueAndGradient(x, g);
            assertEquals(f.value(x), fx, 1e-12 * (1 + Math.abs(fx)), "valueAndGradient and value disagree");
            for (int i = 0; i < x.length; i++) {
                double h = 1e-6 * (1 + Math.abs(x[i]));
                double[] xp = x.clone(), xm = x.clone();
                xp[i] += h;
                xm[i] -= h;
                double fd = (f.value(xp) - f.value(xm)) / (2 * h);
                assertEquals(fd, g[i], 1e-6 * (1 + Math.abs(fd)), f.name() + ": ∂f/∂x" + i + " at trial " + trial);
            }
        }
    }

    /** Central differences of the gradient check the analytic Hessian; Hv must agree with H·v. */
    @ParameterizedTest
    @MethodSource("functions")
    void hessianMatchesDifferencesOfTheGradient(TestFunction f) {
        int d = f.dimension();
        double[] x = f.start();
        for (int i = 0; i < d; i++) {
            x[i] += 0.1 * (i + 1);
        }
        DMatrixRMaj h = new DMatrixRMaj(d, d);
        f.hessian(x, h);
        double[] gp = new double[d], gm = new double[d];
        for (int j = 0; j < d; j++) {
            double eps = 1e-6 * (1 + Math.abs(x[j]));
            double[] xp = x.clone(), xm = x.clone();
            xp[j] += eps;
            xm[j] -= eps;
            f.valueAndGradient(xp, gp);
            f.valueAndGradient(xm, gm);
            for (int i = 0; i < d; i++) {
                double fd = (gp[i] - gm[i]) / (2 * eps);
                assertEquals(fd, h.get(i, j), 1e-5 * (1 + Math.abs(fd)), f.name() + ": H[" + i + "][" + j + "]");
            }
        }
        double[] v = new double[d], hv = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = Math.sin(i + 1.0);
        }
        f.hessianVector(x, v, hv);
        DMatrixRMaj expected = new DMatrixRMaj(d, 1);
        CommonOps_DDRM.mult(h, DMatrixRMaj.wrap(d, 1, v), expected);
        assertArrayEquals(expected.data, hv, 1e-9);
    }

    @ParameterizedTest
    @MethodSource("functions")
    void minimizerHasZeroGradientAndTheStatedValue(TestFunction f) {
        double[] xs = f.minimizer();
        if (xs == null) {
            assertEquals(Double.NEGATIVE_INFINITY, f.minimum());
            return;
        }
        double[] g = new double[f.dimension()];
        assertEquals(f.minimum(), f.valueAndGradient(xs, g), 1e-12);
        for (double gi : g) {
            assertEquals(0, gi, 1e-10, f.name());
        }
    }

    @Test
    void knownValues() {
        assertEquals(24.2, Rosenbrock.twoD().value(Rosenbrock.twoD().start()), 1e-12); // MGH problem 1
        assertEquals(3 * 24.2, new Rosenbrock(6).value(new Rosenbrock(6).start()), 1e-12);
        assertEquals(0.5 * 0.5 + Math.pow(0.5, 10), new PowerSum().value(new double[]{0.5, 0.5}), 0);
        double[] g = new double[2];
        new PowerSum().valueAndGradient(new double[]{2, 2}, g);
        assertEquals(5120, g[1], 0); // book exercise 6: 10·2⁹
        assertEquals(1 + 4, Quadratic.bowl(1, 4).value(new double[]{1, 1}), 1e-15);
        assertEquals(0, Quadratic.saddle().value(new double[]{1, 1}), 1e-15);
        assertNull(Quadratic.saddle().minimizer(), "a saddle has no minimizer");
    }

    @Test
    void illConditionedQuadraticHasTheRequestedConditionNumber() {
        Quadratic q = Quadratic.illConditioned(8, 1000, 5);
        var eig = DecompositionFactory_DDRM.eig(8, false, true);
        assertTrue(eig.decompose(q.a()));
        double min = Double.MAX_VALUE, max = 0;
        for (int i = 0; i < 8; i++) {
            double l = eig.getEigenvalue(i).real;
            min = Math.min(min, l);
            max = Math.max(max, l);
        }
        assertEquals(1, min, 1e-9);
        assertEquals(1000, max, 1e-6);
        assertArrayEquals(q.a().data, Quadratic.illConditioned(8, 1000, 5).a().data, 0, "same seed, same function");
    }

    @Test
    void badInputsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Rosenbrock(3)).getMessage().contains("n = 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Beale().value(new double[1]))
                .getMessage().contains("length 1"));
        DMatrixRMaj notSym = new DMatrixRMaj(new double[][]{{1, 2}, {0, 1}});
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Quadratic("q", notSym, new double[2], new double[2])).getMessage().contains("symmetric"));
    }
}
