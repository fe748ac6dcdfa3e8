package descent.regularize.noise;

import descent.nn.GradientOracle;
import descent.nn.Linear;
import descent.nn.Param;
import descent.nn.Sequential;
import descent.nn.SoftmaxCrossEntropy;
import descent.nn.SquaredError;
import descent.init.Init;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class NoiseTest {

    static final DMatrixRMaj X = new DMatrixRMaj(new double[][]{{1, -2, 0.5}, {0.3, 1.5, -1}, {-1, 0.2, 2}, {2, 1, 1}});
    static final DMatrixRMaj Y = new DMatrixRMaj(new double[][]{{0.7}, {-1.2}, {2.5}, {0.1}});

    static Linear linear() {
        Linear l = new Linear("fc", 3, 1);
        double[] w = l.weight().value().data;
        w[0] = 0.8;
        w[1] = -1.3;
        w[2] = 0.6;
        l.bias().value().data[0] = 0.25;
        return l;
    }

    static double sumSquares(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return s;
    }

    /** Mean and standard error of the mean of the samples. */
    static double[] meanAndError(double[] s) {
        double m = 0, q = 0;
        for (double v : s) {
            m += v;
        }
        m /= s.length;
        for (double v : s) {
            q += (v - m) * (v - m);
        }
        return new double[]{m, Math.sqrt(q / (s.length - 1) / s.length)};
    }

    @Test
    void inputNoiseOnLinearRegressionAddsNuTimesTheSquaredWeightNorm() {
        double nu = 0.3;
        Linear fc = linear();
        Sequential noisy = new Sequential(new SquaredError(), new GaussianNoise(nu, new Random(1)), fc);
        Sequential clean = new Sequential(new SquaredError(), fc);
        double[] draws = new double[40_000];
        for (int d = 0; d < draws.length; d++) {
            draws[d] = noisy.loss(X, Y);
        }
        double[] me = meanAndError(draws);
        // E ½(wᵀ(x + ε) − y)² = ½(wᵀx − y)² + ½ν‖w‖²  (the draft chapter 7, §7.6.1; ½ from SquaredError)
        double penalty = 0.5 * nu * sumSquares(fc.weight().value().data);
        double expected = clean.loss(X, Y) + penalty;
        assertTrue(4 * me[1] < 0.05 * penalty, "the simulation must resolve the penalty: se " + me[1] + ", penalty " + penalty);
        assertEquals(expected, me[0], 4 * me[1], "mean noisy loss over " + draws.length + " draws");
    }

    @Test
    void gaussianNoiseIsTheIdentityInInferenceModeAndHasTheRequestedVariance() {
        GaussianNoise g = new GaussianNoise(0.25, new Random(2));
        Sequential net = new Sequential(new SquaredError(), g);
        DMatrixRMaj x = new DMatrixRMaj(2000, 5);
        net.setTraining(false);
        assertArrayEquals(x.data, net.forward(x).data, 0);
        net.setTraining(true);
        double[] out = net.forward(x).data;
        double[] me = meanAndError(java.util.Arrays.stream(out).map(v -> v * v).toArray());
        assertEquals(0.25, me[0], 4 * me[1], "E ε² = ν (variance, not standard deviation)");
        // the gradient passes through unchanged
        DMatrixRMaj up = new DMatrixRMaj(new double[][]{{1, 2}, {3, 4}});
        descent.nn.Cache cache = new descent.nn.Cache();
        g.forward(new DMatrixRMaj(2, 2), cache);
        assertArrayEquals(up.data, g.backward(up, cache, true).data, 0);
    }

    @Test
    void weightNoiseOnLinearRegressionShiftsTheLossByEtaTimesTheInputNormAndNotTheGradient() {
        double eta = 0.2;
        Linear fc = linear();
        Sequential net = new Sequential(new SquaredError(), fc);
        double clean = net.lossAndGradient(X, Y);
        double[] cleanGrad = fc.weight().grad().data.clone();
        double[] before = fc.weight().value().data.clone();
        WeightNoise noise = new WeightNoise(net.params(), eta, new Random(3));
        assertEquals(List.of(fc.weight()), noise.params(), "the bias is not perturbed");
        GradientOracle oracle = noise.wrap(net.oracle(X, Y));
        int n = 40_000;
        double[] losses = new double[n];
        double[][] grads = new double[3][n];
        for (int d = 0; d < n; d++) {
            losses[d] = oracle.evaluate();
            for (int i = 0; i < 3; i++) {
                grads[i][d] = fc.weight().grad().data[i];
            }
            assertArrayEquals(before, fc.weight().value().data, 0, "weights restored exactly after draw " + d);
        }
        // E ½((w + ε)ᵀx − y)² = ½(wᵀx − y)² + ½η‖x‖², averaged over the rows (the bias is not perturbed)
        double shift = 0.5 * eta * sumSquares(X.data) / X.numRows;
        double[] me = meanAndError(losses);
        assertTrue(4 * me[1] < 0.05 * shift, "se " + me[1] + " against the shift " + shift);
        assertEquals(clean + shift, me[0], 4 * me[1]);
        for (int i = 0; i < 3; i++) {
            double[] g = meanAndError(grads[i]);
            assertEquals(cleanGrad[i], g[0], 4 * g[1], "expected gradient entry " + i + " is the clean one");
        }
    }

    @Test
    void weightNoiseEvaluatesTheGradientAtThePerturbedWeights() {
        Linear fc = linear();
        Sequential net = new Sequential(new SquaredError(), fc);
        double loss = new WeightNoise(net.params(), 0.5, new Random(9)).wrap(net.oracle(X, Y)).evaluate();
        double[] g = fc.weight().grad().data.clone();
        // replay the same draw by hand
        Random r = new Random(9);
        Linear copy = linear();
        for (int i = 0; i < 3; i++) {
            copy.weight().value().data[i] += Math.sqrt(0.5) * r.nextGaussian();
        }
        Sequential other = new Sequential(new SquaredError(), copy);
        assertEquals(other.lossAndGradient(X, Y), loss, 1e-14);
        assertArrayEquals(copy.weight().grad().data, g, 1e-14);
    }

    @Test
    void smoothedTargetsAreOneMinusEpsilonAndEpsilonOverKMinusOne() {
        DMatrixRMaj t = new LabelSmoothing(0.1).targets(new int[]{2, 0}, 5);
        assertArrayEquals(new double[]{0.025, 0.025, 0.9, 0.025, 0.025, 0.9, 0.025, 0.025, 0.025, 0.025}, t.data, 1e-15);
        assertArrayEquals(new double[]{0, 1, 0}, new LabelSmoothing(0).targets(new int[]{1}, 3).data, 0);
    }

    @Test
    void smoothedCrossEntropyGradientMatchesCentralDifferences() {
        Random rng = new Random(4);
        Sequential net = new Sequential(new SoftmaxCrossEntropy(), new Linear("fc", 4, 5, Init.xavier(), rng));
        DMatrixRMaj x = new DMatrixRMaj(6, 4);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rng.nextGaussian();
        }
        DMatrixRMaj t = new LabelSmoothing(0.2).targets(new int[]{0, 1, 2, 3, 4, 1}, 5);
        net.lossAndGradient(x, t);
        double h = 1e-5;
        for (Param p : net.params()) {
            double[] g = p.grad().data.clone();
            for (int i = 0; i < p.size(); i++) {
                double keep = p.value().data[i];
                p.value().data[i] = keep + h;
                double up = net.loss(x, t);
                p.value().data[i] = keep - h;
                double down = net.loss(x, t);
                p.value().data[i] = keep;
                double fd = (up - down) / (2 * h);
                assertEquals(fd, g[i], 1e-8 * Math.max(1, Math.abs(fd)), p.name() + "[" + i + "]");
            }
        }
    }

    @Test
    void gradientDescentOnTheLogitsReachesTheOptimalGap() {
        // this course's reproduction: 4.394 for k = 10 and 2.197 for k = 2 at ε = 0.1
        for (int[] kc : new int[][]{{10, 0}, {2, 1}}) {
            int k = kc[0];
            LabelSmoothing ls = new LabelSmoothing(0.1);
            DMatrixRMaj t = ls.targets(new int[]{kc[1]}, k);
            DMatrixRMaj z = new DMatrixRMaj(1, k), g = new DMatrixRMaj(1, k);
            SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
            for (int step = 0; step < 20_000; step++) {
                ce.evaluate(z, t, g);
                for (int j = 0; j < k; j++) {
                    z.data[j] -= 1.0 * g.data[j];
                }
            }
            double gap = z.data[kc[1]] - z.data[(kc[1] + 1) % k];
            assertEquals(ls.optimalLogitGap(k), gap, 1e-9, "k = " + k);
            assertEquals(k == 10 ? 4.394 : 2.197, gap, 5e-4, "k = " + k);
        }
        assertEquals(Double.POSITIVE_INFINITY, new LabelSmoothing(0).optimalLogitGap(3));
    }

    @Test
    void badInputNamesTheValue() {
        for (double e : new double[]{1.0, -0.1, Double.NaN}) {
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new LabelSmoothing(e));
            assertTrue(ex.getMessage().contains(String.valueOf(e)), ex.getMessage());
        }
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new LabelSmoothing(0.1).targets(new int[]{0, 3}, 3));
        assertTrue(ex.getMessage().contains("label 3") && ex.getMessage().contains("example 1"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> new LabelSmoothing(0.1).targets(new int[]{0}, 1));
        assertTrue(ex.getMessage().contains("1"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> new GaussianNoise(-0.5, new Random(1)));
        assertTrue(ex.getMessage().contains("-0.5"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> new WeightNoise(linear().params(), Double.NaN, new Random(1)));
        assertTrue(ex.getMessage().contains("NaN"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> new WeightNoise(List.of(linear().bias()), 0.1, new Random(1)));
        assertTrue(ex.getMessage().contains("WEIGHT"), ex.getMessage());
        DMatrixRMaj bad = new DMatrixRMaj(3, 3);
        GaussianNoise g = new GaussianNoise(0.1, new Random(1));
        descent.nn.Cache c = new descent.nn.Cache();
        g.forward(new DMatrixRMaj(2, 2), c);
        ex = assertThrows(IllegalArgumentException.class, () -> g.backward(bad, c, true));
        assertTrue(ex.getMessage().contains("3x3") && ex.getMessage().contains("2x2"), ex.getMessage());
    }
}
