package descent.nn;

import descent.init.Init;
import descent.linalg.Blas;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Conv2d, Conv1d and MaxPool2d: a hand calculation, a direct-loop reference, finite differences, the dense view. */
class ConvolutionTest {

    @Test
    void conv2dByHand() {
        // x = [[1,2,3],[4,5,6],[7,8,9]], one 2×2 filter [[1,0],[0,−1]], b = 0.5, stride 1, no padding:
        // y(i,j) = x(i,j) − x(i+1,j+1) + 0.5 = −4 + 0.5 everywhere.
        Conv2d conv = new Conv2d("c", 1, 3, 3, 1, 2, 1, 0);
        conv.weight().value().setData(new double[]{1, 0, 0, -1});
        conv.bias().value().set(0, 0, 0.5);
        Cache cache = new Cache();
        DMatrixRMaj y = conv.forward(new DMatrixRMaj(1, 9, true, 1, 2, 3, 4, 5, 6, 7, 8, 9), cache);
        assertArrayEquals(new double[]{-3.5, -3.5, -3.5, -3.5}, y.data, 1e-15);
        // upstream g = [[1,2],[3,4]]: ∂L/∂W(a,b) = Σ g(i,j) x(i+a, j+b) → (1+4+12+20, 2+6+15+24, 4+10+21+32, 5+12+24+36)
        DMatrixRMaj dx = conv.backward(new DMatrixRMaj(1, 4, true, 1, 2, 3, 4), cache, true);
        assertArrayEquals(new double[]{37, 47, 67, 77}, conv.weight().grad().data, 1e-12);
        assertArrayEquals(new double[]{10}, conv.bias().grad().data, 1e-15);
        // ∂L/∂x(p,q) = Σ g(i,j) w(p−i, q−j): +g at (i,j), −g at (i+1,j+1)
        assertArrayEquals(new double[]{1, 2, 0, 3, 3, -2, 0, -3, -4}, dx.data, 1e-15);
    }

    @Test
    void conv1dByHand() {
        // x = (1, 2, 3, 4), filter (1, −1), padding 1, stride 2: padded (0,1,2,3,4,0), windows at 0, 2, 4
        // → (0−1, 2−3, 4−0) = (−1, −1, 4)
        Conv1d conv = new Conv1d("c", 1, 4, 1, 2, 2, 1);
        conv.weight().value().setData(new double[]{1, -1});
        assertEquals(3, conv.outputLength());
        DMatrixRMaj y = conv.forward(new DMatrixRMaj(1, 4, true, 1, 2, 3, 4), new Cache());
        assertArrayEquals(new double[]{-1, -1, 4}, y.data, 1e-15);
    }

    /** The definition written as plain loops, independent of im2col, GEMM and the regrouping. */
    private static double[] direct(DMatrixRMaj x, double[] w, double[] b, int c, int h, int wd, int f, int k, int s, int p) {
        int ho = (h + 2 * p - k) / s + 1;
        int wo = (wd + 2 * p - k) / s + 1;
        double[] y = new double[x.numRows * f * ho * wo];
        for (int n = 0; n < x.numRows; n++) {
            for (int q = 0; q < f; q++) {
                for (int i = 0; i < ho; i++) {
                    for (int j = 0; j < wo; j++) {
                        double sum = b[q];
                        for (int ch = 0; ch < c; ch++) {
                            for (int a = 0; a < k; a++) {
                                for (int bb = 0; bb < k; bb++) {
                                    int r = i * s + a - p;
                                    int col = j * s + bb - p;
                                    if (r >= 0 && r < h && col >= 0 && col < wd) {
                                        sum += x.get(n, (ch * h + r) * wd + col) * w[((ch * k + a) * k + bb) * f + q];
                                    }
                                }
                            }
                        }
                        y[((n * f + q) * ho + i) * wo + j] = sum;
                    }
                }
            }
        }
        return y;
    }

    @Test
    void forwardMatchesDirectLoopsForSeveralStridesAndPaddings() {
        Random rng = new Random(5);
        int[][] cases = {{1, 6, 6, 2, 3, 1, 0}, {3, 7, 5, 4, 3, 2, 1}, {2, 8, 8, 3, 5, 3, 2}, {2, 4, 4, 2, 1, 1, 0}};
        for (int[] cs : cases) {
            Conv2d conv = new Conv2d("c", cs[0], cs[1], cs[2], cs[3], cs[4], cs[5], cs[6], Init.he(), rng);
            for (int q = 0; q < cs[3]; q++) {
                conv.bias().value().set(0, q, rng.nextGaussian());
            }
            DMatrixRMaj x = FiniteDifferences.random(3, conv.inputSize(), rng);
            double[] expected = direct(x, conv.weight().value().data, conv.bias().value().data,
                    cs[0], cs[1], cs[2], cs[3], cs[4], cs[5], cs[6]);
            assertArrayEquals(expected, conv.forward(x, new Cache()).data, 1e-12, conv.name());
            // the same map as a dense layer whose weights repeat: y = x·D + b
            DMatrixRMaj d = conv.toDense();
            DMatrixRMaj yd = new DMatrixRMaj(3, d.numCols);
            Blas.mult(x, d, yd);
            int p = conv.outputHeight() * conv.outputWidth();
            for (int k = 0; k < yd.data.length; k++) {
                yd.data[k] += conv.bias().value().data[(k % d.numCols) / p];
            }
            assertArrayEquals(expected, yd.data, 1e-12, conv.name() + " as a dense layer");
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Random rng = new Random(8);
        Layer[] layers = {
                new Conv2d("a", 1, 5, 5, 2, 3, 1, 0, Init.he(), rng),
                new Conv2d("b", 2, 6, 5, 3, 3, 2, 1, Init.he(), rng),
                new Conv2d("c", 3, 4, 4, 2, 2, 2, 0, Init.he(), rng),
                new Conv1d("d", 2, 9, 3, 3, 1, 1, Init.he(), rng),
                new Conv1d("e", 1, 8, 2, 4, 3, 2, Init.he(), rng)};
        for (Layer layer : layers) {
            int in = layer instanceof Conv2d c2 ? c2.inputSize() : ((Conv1d) layer).inputSize();
            FiniteDifferences.check(layer, FiniteDifferences.random(3, in, rng), 11, 1e-6);
        }
        // max pooling: distinct values so that no window has a tie (the max is not differentiable at a tie)
        DMatrixRMaj x = new DMatrixRMaj(2, 2 * 6 * 6);
        for (int k = 0; k < x.data.length; k++) {
            x.data[k] = Math.sin(1.7 * k) + 0.001 * k;
        }
        FiniteDifferences.check(new MaxPool2d(2, 6, 6, 2), x, 12, 1e-6);
        FiniteDifferences.check(new MaxPool2d(2, 6, 6, 3, 1), x, 13, 1e-6);
    }

    @Test
    void sharedFilterGradientIsTheSumOfTheDenseLayersGradientOverPositions() {
        // Hard parameter sharing: ∂L/∂w equals Σ over every dense entry D(r, col) that holds w of ∂L/∂D(r, col).
        Random rng = new Random(3);
        Conv2d conv = new Conv2d("c", 2, 5, 5, 2, 3, 2, 1, Init.he(), rng);
        DMatrixRMaj x = FiniteDifferences.random(4, conv.inputSize(), rng);
        Cache cache = new Cache();
        DMatrixRMaj y = conv.forward(x, cache);
        DMatrixRMaj g = FiniteDifferences.random(y.numRows, y.numCols, rng);
        conv.backward(g, cache, false);
        DMatrixRMaj gradD = new DMatrixRMaj(conv.inputSize(), conv.outputSize());
        Blas.gemm(true, false, 1.0, x, g, 0.0, gradD);
        double[] expected = new double[conv.weight().size()];
        double[] w = conv.weight().value().data;
        for (int k = 0; k < expected.length; k++) {
            // mark entry k: its occurrences in D are where D changes when w_k changes
            double keep = w[k];
            w[k] = keep + 1;
            DMatrixRMaj plus = conv.toDense();
            w[k] = keep;
            DMatrixRMaj base = conv.toDense();
            for (int e = 0; e < plus.data.length; e++) {
                expected[k] += (plus.data[e] - base.data[e]) * gradD.data[e];
            }
        }
        assertArrayEquals(expected, conv.weight().grad().data, 1e-10);
        assertNull(conv.backward(g, cache, false), "no input gradient when it is not needed");
    }

    @Test
    void parameterCountIsFarBelowTheDenseEquivalent() {
        Conv2d conv = new Conv2d("c", 1, 28, 28, 8, 3, 1, 1);
        assertEquals(8 * 9 + 8, conv.params().stream().mapToInt(Param::size).sum());
        assertEquals(784, conv.inputSize());
        assertEquals(8 * 28 * 28, conv.outputSize());
    }

    @Test
    void maxPoolByHandTiesGoToTheFirst() {
        MaxPool2d pool = new MaxPool2d(1, 4, 4, 2);
        DMatrixRMaj x = new DMatrixRMaj(1, 16, true,
                1, 3, 2, 2,
                4, 0, 2, 2,
                -1, -2, 5, 6,
                -3, -4, 7, 1);
        Cache cache = new Cache();
        assertArrayEquals(new double[]{4, 2, -1, 7}, pool.forward(x, cache).data, 0);
        DMatrixRMaj dx = pool.backward(new DMatrixRMaj(1, 4, true, 10, 20, 30, 40), cache, true);
        assertArrayEquals(new double[]{0, 0, 20, 0, 10, 0, 0, 0, 30, 0, 0, 0, 0, 0, 40, 0}, dx.data, 0);
    }

    @Test
    void badShapesAndHyperparametersAreNamed() {
        Conv2d conv = new Conv2d("conv1", 1, 28, 28, 8, 3, 1, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> conv.forward(new DMatrixRMaj(4, 100), new Cache()));
        assertTrue(e.getMessage().contains("4x100") && e.getMessage().contains("1×28×28") && e.getMessage().contains("784"),
                e.getMessage());
        conv.forward(new DMatrixRMaj(4, 784), new Cache());
        Cache c = new Cache();
        conv.forward(new DMatrixRMaj(4, 784), c);
        e = assertThrows(IllegalArgumentException.class, () -> conv.backward(new DMatrixRMaj(4, 10), c, true));
        assertTrue(e.getMessage().contains("4x10") && e.getMessage().contains("4x6272"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2d("k", 1, 4, 4, 2, 7, 1, 1));
        assertTrue(e.getMessage().contains("7×7") && e.getMessage().contains("1×4×4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2d("s", 1, 4, 4, 2, 3, 0, 0));
        assertTrue(e.getMessage().contains("stride") && e.getMessage().contains("0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2d("p", 1, 4, 4, 2, 3, 1, -1));
        assertTrue(e.getMessage().contains("padding") && e.getMessage().contains("-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Conv2d("z", 0, 4, 4, 2, 3, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Conv2d(" ", 1, 4, 4, 2, 3, 1, 0));
        e = assertThrows(IllegalArgumentException.class, () -> new Conv1d("seq", 2, 5, 3, 9, 1, 1));
        assertTrue(e.getMessage().contains("Conv1d") && e.getMessage().contains("2×5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Conv1d("seq", 2, 5, 3, 3, 1, 1).forward(new DMatrixRMaj(1, 5), new Cache()));
        assertTrue(e.getMessage().contains("1x5") && e.getMessage().contains("2×5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(8, 28, 28, 2).forward(new DMatrixRMaj(2, 784), new Cache()));
        assertTrue(e.getMessage().contains("2x784") && e.getMessage().contains("6272"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(1, 3, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(1, 3, 3, 2, 0));
    }

    @Test
    void aSmallConvNetLearnsAndItsGradientChecks() {
        Random rng = new Random(4);
        Sequential net = new Sequential(new SoftmaxCrossEntropy(),
                new Conv2d("c1", 1, 6, 6, 2, 3, 1, 1, Init.he(), rng), new ReLU(),
                new MaxPool2d(2, 6, 6, 2), new Linear("fc", 18, 3, Init.he(), rng));
        DMatrixRMaj x = FiniteDifferences.random(5, 36, rng);
        int[] y = {0, 1, 2, 1, 0};
        descent.check.GradientCheck.Report r = descent.check.GradientCheck.run(net.params(), net.oracle(x, y),
                descent.check.GradientCheck.Scheme.CENTRAL, 1e-6, 100, new Random(1));
        assertTrue(r.maxError() < 1e-6, r.toString());
    }
}
