package descent.nn;

import descent.init.Init;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** PReLU against torch autograd and finite differences; ELU's backward accuracy; maxout's special cases (§3.4.3.2). */
class ActivationsChapter04Test {

    private static final double[] X = {-1.5, 0.3, -0.2, 2.0, -0.7, 0.0, -3.0, 1.1, 0.4};
    private static final double[] G = {0.5, -1.0, 2.0, 1.5, 0.25, -0.5, -2.0, 0.75, 1.0};

    @Test
    void preluMatchesTorch() {
        // torch.nn.functional.prelu with per-channel slopes (src/test/python/setup_fixtures.py)
        PReLU p = new PReLU("p", 3, 0);
        p.slope().value().data[0] = 0.25;
        p.slope().value().data[1] = 0.1;
        p.slope().value().data[2] = -0.3;
        Cache c = new Cache();
        DMatrixRMaj y = p.forward(new DMatrixRMaj(3, 3, true, X), c);
        assertArrayEquals(new double[]{-0.375, 0.3, 0.06, 2.0, -0.07, 0.0, -0.75, 1.1, 0.4}, y.data, 1e-15);
        DMatrixRMaj dx = p.backward(new DMatrixRMaj(3, 3, true, G), c, true);
        assertArrayEquals(new double[]{0.125, -1.0, -0.6, 1.5, 0.025, 0.15, -0.5, 0.75, 1.0}, dx.data, 1e-15);
        assertArrayEquals(new double[]{5.25, -0.175, -0.4}, p.slope().grad().data, 1e-15);

        PReLU shared = new PReLU("s", 0.2);
        Cache c2 = new Cache();
        shared.forward(new DMatrixRMaj(3, 3, true, X), c2);
        shared.backward(new DMatrixRMaj(3, 3, true, G), c2, false);
        assertEquals(4.675, shared.slope().grad().data[0], 1e-15);
        assertEquals(descent.nn.Param.Role.OTHER, shared.slope().role());
    }

    @Test
    void preluSlopeGradientAgreesWithFiniteDifferences() {
        Random rng = new Random(11);
        PReLU p = new PReLU("p", 6, 0.2);
        for (int j = 0; j < 6; j++) {
            p.slope().value().data[j] = 0.1 + 0.1 * j;
        }
        FiniteDifferences.check(p, FiniteDifferences.random(8, 6, rng), 3, 1e-6);
        FiniteDifferences.check(new PReLU("s", 0.3), FiniteDifferences.random(5, 4, rng), 4, 1e-6);
    }

    @Test
    void preluRefusesAWrongWidth() {
        PReLU p = new PReLU("p", 4, 0.25);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.forward(new DMatrixRMaj(2, 3), new Cache()));
        assertTrue(e.getMessage().contains("3 columns") && e.getMessage().contains("4 slopes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PReLU("p", 0, 0.25));
        assertThrows(IllegalArgumentException.class, () -> new PReLU("p", Double.NaN));
    }

    @Test
    void eluBackwardKeepsItsRelativeAccuracyFarLeft() {
        ELU elu = new ELU(1.0);
        // torch's elu backward and numpy's exp (setup_fixtures.py); h + α in double gives 9.35918009759007e-14 at −30
        assertEquals(9.357622968840175e-14, elu.derivative(-30), 1e-15 * 9.357622968840175e-14);
        assertEquals(0.006737946999085467, elu.derivative(-5), 1e-17);
        assertEquals(-0.6321205588285577, elu.value(-1), 1e-16);       // ELU(−1) = α(e⁻¹ − 1)
        ELU two = new ELU(2.0);
        double h = 1e-6;
        for (double a : new double[]{-4, -1.3, -0.2, 0.5}) {
            double fd = (two.value(a + h) - two.value(a - h)) / (2 * h);
            assertEquals(fd, two.derivative(a), 1e-8 * Math.max(1, Math.abs(fd)), "a = " + a);
        }
    }

    @Test
    void maxoutWithZeroSecondPieceIsReluAndWithScaledPieceIsLeaky() {
        Random rng = new Random(9);
        int in = 5, units = 4;
        DMatrixRMaj x = FiniteDifferences.random(20, in, rng);
        Linear single = new Linear("w1", in, units, Init.glorotNormal(), rng);
        // pieces of unit j at columns 2j (W₁) and 2j+1 (W₂)
        Linear pair = new Linear("pair", in, 2 * units);
        for (double alpha : new double[]{0.0, 0.1}) {
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < units; j++) {
                    pair.weight().value().set(i, 2 * j, single.weight().value().get(i, j));
                    pair.weight().value().set(i, 2 * j + 1, alpha * single.weight().value().get(i, j));
                }
            }
            DMatrixRMaj maxout = new Maxout(2).forward(pair.forward(x, new Cache()), new Cache()).copy();
            Elementwise phi = alpha == 0 ? new ReLU() : new LeakyReLU(alpha);
            DMatrixRMaj expected = phi.forward(single.forward(x, new Cache()), new Cache());
            assertArrayEquals(expected.data, maxout.data, 1e-15, "α = " + alpha);
        }
    }
}
