package descent.nn;

import descent.init.Init;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class LayersTest {

    private static DMatrixRMaj x(int rows, int cols, long seed) {
        return FiniteDifferences.random(rows, cols, new Random(seed));
    }

    @Test
    void everyLayerMatchesFiniteDifferences() {
        Random rng = new Random(1);
        List<Layer> layers = List.of(
                new Linear("fc", 5, 3, Init.xavier(), rng),
                new Identity(), new Sigmoid(), new Tanh(), new ReLU(), new HardTanh(), new LeakyReLU(0.1),
                new ELU(), new Maxout(3), new Max(), new Softmax(),
                JacobianLayer.of(new Sigmoid()), JacobianLayer.of(new Tanh()), JacobianLayer.softmax());
        for (Layer layer : layers) {
            // 6 columns so Maxout(3) fits; Linear needs 5.
            DMatrixRMaj input = x(4, layer instanceof Linear ? 5 : 6, 7);
            FiniteDifferences.check(layer, input, 3, 1e-6);
        }
    }

    @Test
    void linearForwardAndBackwardByHand() {
        // W = [[1, 2], [3, 4], [5, 6]] (3 inputs, 2 outputs), b = (0.5, -1), x = (1, 0, -1):
        // xW + b = (1 - 5 + 0.5, 2 - 6 - 1) = (-3.5, -5).
        Linear fc = new Linear("fc", 3, 2);
        fc.weight().value().setData(new double[]{1, 2, 3, 4, 5, 6});
        fc.bias().value().setData(new double[]{0.5, -1});
        Cache c = new Cache();
        DMatrixRMaj y = fc.forward(new DMatrixRMaj(1, 3, true, 1, 0, -1), c);
        assertArrayEquals(new double[]{-3.5, -5}, y.data, 1e-15);
        // upstream g = (1, 2): dW = xᵀg = [[1,2],[0,0],[-1,-2]], db = g, dx = W g = (5, 11, 17).
        DMatrixRMaj gin = fc.backward(new DMatrixRMaj(1, 2, true, 1, 2), c, true);
        assertArrayEquals(new double[]{1, 2, 0, 0, -1, -2}, fc.weight().grad().data, 1e-15);
        assertArrayEquals(new double[]{1, 2}, fc.bias().grad().data, 1e-15);
        assertArrayEquals(new double[]{5, 11, 17}, gin.data, 1e-15);
    }

    @Test
    void gradientsAccumulateAcrossBackwardCalls() {
        Linear fc = new Linear("fc", 2, 2, Init.xavier(), new Random(2));
        DMatrixRMaj in = x(3, 2, 4);
        DMatrixRMaj g = x(3, 2, 5);
        Cache c = new Cache();
        fc.forward(in, c);
        fc.backward(g, c, false);
        double[] once = fc.weight().grad().data.clone();
        fc.backward(g, c, false);
        for (int k = 0; k < once.length; k++) {
            assertEquals(2 * once[k], fc.weight().grad().data[k], 1e-14);
        }
        assertNull(fc.backward(g, c, false), "no input gradient when it is not needed");
    }

    @Test
    void activationValuesAndKinks() {
        assertEquals(0.5, new Sigmoid().value(0), 0);
        assertEquals(1.0, new Sigmoid().value(1000), 0);
        assertEquals(0.0, new Sigmoid().value(-1000), 0);
        assertEquals(0.0, new ReLU().derivative(0.0), 0, "ReLU'(0) is taken as 0");
        assertEquals(-0.2, new LeakyReLU(0.1).value(-2), 1e-15);
        assertEquals(1.0, new HardTanh().value(3), 0);
        assertEquals(0.0, new HardTanh().derivative(1.0), 0);
        assertEquals(Math.expm1(-1), new ELU().value(-1), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new LeakyReLU(1.5));
    }

    @Test
    void maxoutWithZeroSecondPieceIsReluAndWithScaledPieceIsLeakyRelu() {
        // Aggarwal §3.4.3.2: max{a, 0} = ReLU(a); max{a, αa} = LeakyReLU_α(a).
        DMatrixRMaj a = x(5, 4, 9);
        DMatrixRMaj pairsZero = new DMatrixRMaj(5, 8);
        DMatrixRMaj pairsLeaky = new DMatrixRMaj(5, 8);
        for (int k = 0; k < 20; k++) {
            pairsZero.data[2 * k] = a.data[k];
            pairsLeaky.data[2 * k] = a.data[k];
            pairsLeaky.data[2 * k + 1] = 0.1 * a.data[k];
        }
        DMatrixRMaj m0 = new Maxout(2).forward(pairsZero, new Cache());
        DMatrixRMaj m1 = new Maxout(2).forward(pairsLeaky, new Cache());
        DMatrixRMaj relu = new ReLU().forward(a, new Cache());
        DMatrixRMaj leaky = new LeakyReLU(0.1).forward(a, new Cache());
        assertArrayEquals(relu.data, m0.data, 0);
        assertArrayEquals(leaky.data, m1.data, 1e-15);
    }

    @Test
    void maxRoutesTheGradientToTheFirstMaximalInput() {
        Max max = new Max();
        Cache c = new Cache();
        DMatrixRMaj y = max.forward(new DMatrixRMaj(2, 3, true, 1, 5, 5, -1, -3, -2), c);
        assertArrayEquals(new double[]{5, -1}, y.data, 0);
        DMatrixRMaj g = max.backward(new DMatrixRMaj(2, 1, true, 2, 3), c, true);
        assertArrayEquals(new double[]{0, 2, 0, 3, 0, 0}, g.data, 0);
    }

    @Test
    void jacobianSigmoidEqualsElementwiseSigmoidButCostsQuadratic() {
        DMatrixRMaj in = x(3, 10, 11);
        DMatrixRMaj g = x(3, 10, 12);
        Sigmoid s = new Sigmoid();
        JacobianLayer j = JacobianLayer.of(s);
        Cache cs = new Cache();
        Cache cj = new Cache();
        s.forward(in, cs);
        j.forward(in, cj);
        assertArrayEquals(s.backward(g, cs, true).data, j.backward(g, cj, true).data, 1e-12);
        assertEquals(3L * 10 * 10, j.multiplyAdds());
    }

    @Test
    void softmaxLayerMatchesTheJacobianOfExercise10() {
        // v = (1, 2, 3): o = (0.090031, 0.244728, 0.665241); column sums of J are 0, so g = 1 maps to 0.
        Softmax sm = new Softmax();
        Cache c = new Cache();
        DMatrixRMaj o = sm.forward(new DMatrixRMaj(1, 3, true, 1, 2, 3), c);
        assertArrayEquals(new double[]{0.090031, 0.244728, 0.665241}, o.data, 1e-6);
        DMatrixRMaj g = sm.backward(new DMatrixRMaj(1, 3, true, 1, 1, 1), c, true);
        assertArrayEquals(new double[]{0, 0, 0}, g.data, 1e-15);
        // g = e_1: row 1 of J (symmetric): (-0.022033, 0.184836, -0.162803).
        g = sm.backward(new DMatrixRMaj(1, 3, true, 0, 1, 0), c, true);
        assertArrayEquals(new double[]{-0.022033, 0.184836, -0.162803}, g.data, 1e-6);
    }

    @Test
    void shapeMismatchNamesBothShapesAndTheLayer() {
        Linear fc = new Linear("fc1", 784, 256);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fc.forward(new DMatrixRMaj(128, 100), new Cache()));
        assertTrue(e.getMessage().contains("fc1"), e.getMessage());
        assertTrue(e.getMessage().contains("128x100"), e.getMessage());
        assertTrue(e.getMessage().contains("784x256"), e.getMessage());
        Cache c = new Cache();
        new ReLU().forward(new DMatrixRMaj(2, 3), c);
        e = assertThrows(IllegalArgumentException.class, () -> new ReLU().backward(new DMatrixRMaj(2, 4), c, true));
        assertTrue(e.getMessage().contains("ReLU") && e.getMessage().contains("2x4") && e.getMessage().contains("2x3"),
                e.getMessage());
    }

    @Test
    void buffersAreReusedAcrossSteps() {
        Linear fc = new Linear("fc", 4, 3, Init.xavier(), new Random(1));
        Cache c = new Cache();
        DMatrixRMaj in = x(8, 4, 1);
        DMatrixRMaj y1 = fc.forward(in, c);
        double[] arr = y1.data;
        DMatrixRMaj g1 = fc.backward(x(8, 3, 2), c, true);
        double[] garr = g1.data;
        DMatrixRMaj y2 = fc.forward(in, c);
        DMatrixRMaj g2 = fc.backward(x(8, 3, 2), c, true);
        assertSame(arr, y2.data);
        assertSame(garr, g2.data);
    }
}
