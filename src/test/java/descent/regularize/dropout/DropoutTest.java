package descent.regularize.dropout;

import descent.check.GradientCheck;
import descent.init.Init;
import descent.nn.Cache;
import descent.nn.Layer;
import descent.nn.Linear;
import descent.nn.Param;
import descent.nn.ReLU;
import descent.nn.Sequential;
import descent.nn.SoftmaxCrossEntropy;
import descent.nn.SquaredError;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class DropoutTest {

    /** Softmax regression n = 4 → K = 3 of src/test/python/dropout_ensemble.py. */
    static final double[][] W = {{0.9, -1.2, 0.4}, {-0.5, 0.8, 1.5}, {1.1, 0.3, -0.7}, {-0.2, -1.0, 2.0}};
    static final double[] B = {0.1, -0.3, 0.2};
    static final DMatrixRMaj V = new DMatrixRMaj(new double[][]{{1.5, -0.5, 2.0, 1.0}});

    static Linear softmaxRegression(double scale) {
        Linear l = new Linear("out", 4, 3);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                l.weight().value().set(i, j, scale * W[i][j]);
            }
        }
        System.arraycopy(B, 0, l.bias().value().data, 0, 3);
        return l;
    }

    static DMatrixRMaj randomMatrix(int r, int c, Random rng) {
        DMatrixRMaj m = new DMatrixRMaj(r, c);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextGaussian();
        }
        return m;
    }

    static Sequential mlp(Layer dropout, long seed) {
        Random r = new Random(seed);
        Linear a = new Linear("fc1", 5, 6, Init.normal(0.7), r), c = new Linear("fc2", 6, 3, Init.normal(0.7), r);
        for (int j = 0; j < 6; j++) {
            a.bias().value().data[j] = 0.1 * (j - 2);
        }
        return dropout == null ? new Sequential(new SoftmaxCrossEntropy(), a, new ReLU(), c)
                : new Sequential(new SoftmaxCrossEntropy(), a, new ReLU(), dropout, c);
    }

    static final DMatrixRMaj X = randomMatrix(7, 5, new Random(11));
    static final int[] Y = {0, 2, 1, 1, 0, 2, 2};

    @ParameterizedTest
    @EnumSource(Dropout.Mode.class)
    void keepProbabilityOneIsThePlainNetworkInBothModes(Dropout.Mode mode) {
        Sequential plain = mlp(null, 3), dropped = mlp(new Dropout(1.0, mode, new Random(5)), 3);
        for (boolean training : new boolean[]{true, false}) {
            plain.setTraining(training);
            dropped.setTraining(training);
            double l0 = plain.lossAndGradient(X, Y), l1 = dropped.lossAndGradient(X, Y);
            assertEquals(l0, l1, 1e-15, "loss, training=" + training);
            for (int k = 0; k < plain.params().size(); k++) {
                assertArrayEquals(plain.params().get(k).grad().data, dropped.params().get(k).grad().data, 1e-15,
                        plain.params().get(k).name() + ", training=" + training);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dropout.Mode.class)
    void forwardAndBackwardUseTheSameMask(Dropout.Mode mode) {
        double p = 0.6;
        Dropout d = new Dropout(p, mode, new Random(9));
        DMatrixRMaj x = randomMatrix(50, 8, new Random(1)), g = randomMatrix(50, 8, new Random(2));
        Cache cache = new Cache();
        DMatrixRMaj h = d.forward(x, cache).copy();
        DMatrixRMaj mu = Dropout.multiplier(cache).copy();
        DMatrixRMaj gin = d.backward(g, cache, true);
        double kept = mode == Dropout.Mode.VANILLA ? 1 : 1 / p;
        int zeros = 0;
        for (int i = 0; i < x.data.length; i++) {
            assertTrue(mu.data[i] == 0 || mu.data[i] == kept, "mask entry " + mu.data[i]);
            zeros += mu.data[i] == 0 ? 1 : 0;
            // h = μ ⊙ x and ∂L/∂x = μ ⊙ g: the unit dropped in forward gets no gradient
            assertEquals(mu.data[i] * x.data[i], h.data[i], 0);
            assertEquals(mu.data[i] * g.data[i], gin.data[i], 0);
            assertEquals(h.data[i] == 0, gin.data[i] == 0, "entry " + i);
        }
        assertTrue(zeros > 100 && zeros < 220, "about (1−p)·400 = 160 dropped units, got " + zeros);
    }

    @Test
    void keptFractionMatchesPAndInvertedDropoutIsUnbiased() {
        double p = 0.3;
        Dropout d = Dropout.inverted(p, new Random(4));
        DMatrixRMaj ones = new DMatrixRMaj(200, 500);
        java.util.Arrays.fill(ones.data, 1.0);
        DMatrixRMaj h = d.forward(ones, new Cache());
        double mean = 0, keptFraction = 0;
        for (double v : h.data) {
            mean += v;
            keptFraction += v != 0 ? 1 : 0;
        }
        int n = h.data.length;
        mean /= n;
        keptFraction /= n;
        double se = Math.sqrt(p * (1 - p) / n);
        assertEquals(p, keptFraction, 4 * se, "fraction kept");
        assertEquals(1.0, mean, 4 * se / p, "E[μ/p] = 1");
    }

    @Test
    void inferenceModeScalesByPForVanillaAndDoesNothingForInverted() {
        DMatrixRMaj x = randomMatrix(3, 4, new Random(3));
        Dropout v = Dropout.vanilla(0.25, new Random(1)), inv = Dropout.inverted(0.25, new Random(1));
        v.setTraining(false);
        inv.setTraining(false);
        DMatrixRMaj hv = v.forward(x, new Cache()), hi = inv.forward(x, new Cache());
        for (int i = 0; i < x.data.length; i++) {
            assertEquals(0.25 * x.data[i], hv.data[i], 1e-15);
            assertEquals(x.data[i], hi.data[i], 0);
        }
    }

    @ParameterizedTest
    @EnumSource(Dropout.Mode.class)
    void gradientsOfANetworkWithAFixedMaskMatchFiniteDifferences(Dropout.Mode mode) {
        Dropout d = new Dropout(0.5, mode, new Random(1)).fixMask(new double[]{1, 0, 1, 1, 0, 1});
        Sequential net = mlp(d, 8);
        GradientCheck.Report r = GradientCheck.run(net.params(), net.oracle(X, Y), GradientCheck.Scheme.CENTRAL, 1e-5, 1000, new Random(2));
        assertTrue(r.passes(1e-6), r.toString());
        // the dropped hidden units (1 and 4) feed nothing forward: their outgoing weights get zero gradient
        Linear fc2 = (Linear) net.layers().get(3);
        for (int j = 0; j < 3; j++) {
            assertEquals(0.0, fc2.weight().grad().get(1, j), 0);
            assertEquals(0.0, fc2.weight().grad().get(4, j), 0);
        }
    }

    @Test
    void geometricMeanOverAll16MasksIsTheWeightScaledSoftmaxRegression() {
        // fixtures: src/test/python/dropout_ensemble.py (numpy, enumerating the masks independently)
        double[][] geometric = {{0.794296247312, 0.023985668331, 0.181718084357}, {0.884498380092, 0.007729318395, 0.107772301512}};
        double[][] arithmetic = {{0.653987881121, 0.050190831097, 0.295821287781}, {0.764619515964, 0.019993499447, 0.215386984589}};
        double[] ps = {0.5, 0.7};
        for (int c = 0; c < 2; c++) {
            Sequential net = new Sequential(new SoftmaxCrossEntropy(), Dropout.vanilla(ps[c], new Random(1)), softmaxRegression(1));
            assertArrayEquals(geometric[c], DropoutEnsemble.exact(net, V, DropoutEnsemble.Mean.GEOMETRIC).data, 1e-11, "p=" + ps[c]);
            assertArrayEquals(geometric[c], DropoutEnsemble.weightScaling(net, V).data, 1e-11, "weight scaling, p=" + ps[c]);
            assertArrayEquals(arithmetic[c], DropoutEnsemble.exact(net, V, DropoutEnsemble.Mean.ARITHMETIC).data, 1e-11, "p=" + ps[c]);
            assertTrue(net.isTraining(), "exact() restores the training mode");
        }
    }

    @Test
    void invertedDropoutWithWeightsOverPIsTheSameFunctionAsVanillaAtTrainingAndAtTest() {
        double p = 0.4;
        Sequential vanilla = mlp(Dropout.vanilla(p, new Random(21)), 4), inverted = mlp(Dropout.inverted(p, new Random(21)), 4);
        // the same network with the next layer's weights multiplied by p: W_inv = pW
        DMatrixRMaj w = inverted.params().get(2).value();
        for (int i = 0; i < w.data.length; i++) {
            w.data[i] *= p;
        }
        for (int pass = 0; pass < 3; pass++) {
            assertArrayEquals(vanilla.forward(X).data, inverted.forward(X).data, 1e-12, "training pass " + pass + " (same masks)");
        }
        vanilla.setTraining(false);
        inverted.setTraining(false);
        assertArrayEquals(vanilla.forward(X).data, inverted.forward(X).data, 1e-12, "inference");
        assertArrayEquals(vanilla.predict(X), inverted.predict(X));
    }

    @Test
    void lectureFourMaskExampleExpectedActivationIsHalfTheFullOne() {
        // COMP541 lecture 4, slides 54–56: a = w0 x + w1 y, p = ½; the mean over the 4 masks is ½(w0 x + w1 y)
        Linear unit = new Linear("a", 2, 1);
        unit.weight().value().data[0] = 1.7;
        unit.weight().value().data[1] = -0.6;
        Dropout d = Dropout.vanilla(0.5, new Random(1));
        Sequential net = new Sequential(new SquaredError(), d, unit);
        DMatrixRMaj xy = new DMatrixRMaj(new double[][]{{2.0, 3.0}});
        double mean = 0;
        for (double[] m : new double[][]{{0, 0}, {0, 1}, {1, 0}, {1, 1}}) {
            d.fixMask(m);
            mean += net.forward(xy).get(0, 0) / 4;
        }
        d.releaseMask();
        assertEquals(0.5 * (1.7 * 2 - 0.6 * 3), mean, 1e-15);
        net.setTraining(false);
        assertEquals(mean, net.forward(xy).get(0, 0), 1e-15, "weight scaling gives the expected activation of a linear unit");
    }

    @Test
    void monteCarloConvergesToTheExactArithmeticMean() {
        Sequential net = mlp(Dropout.vanilla(0.5, new Random(6)), 12);
        DMatrixRMaj x = X;
        DMatrixRMaj exact = DropoutEnsemble.exact(net, x, DropoutEnsemble.Mean.ARITHMETIC);
        DMatrixRMaj mc = DropoutEnsemble.monteCarlo(net, x, 20_000);
        for (int i = 0; i < exact.data.length; i++) {
            assertEquals(exact.data[i], mc.data[i], 0.01, "entry " + i);
        }
        double[] rowSums = new double[x.numRows];
        for (int i = 0; i < exact.data.length; i++) {
            rowSums[i / 3] += exact.data[i];
        }
        for (double s : rowSums) {
            assertEquals(1.0, s, 1e-12);
        }
    }

    @Test
    void weightScalingIsExactBeforeTheSoftmaxLayerButOnlyApproximateBeforeAReLULayer() {
        // dropout on the last hidden layer: the output is softmax regression on the dropped units, eq. 7.30 holds
        Sequential last = mlp(Dropout.vanilla(0.5, new Random(6)), 12);
        assertArrayEquals(DropoutEnsemble.exact(last, X, DropoutEnsemble.Mean.GEOMETRIC).data,
                DropoutEnsemble.weightScaling(last, X).data, 1e-13);
        // dropout on the inputs of the ReLU layer: the sub-networks' logits are no longer linear in the mask
        Random r = new Random(12);
        Sequential first = new Sequential(new SoftmaxCrossEntropy(), Dropout.vanilla(0.5, new Random(6)),
                new Linear("fc1", 5, 6, Init.normal(0.9), r), new ReLU(), new Linear("fc2", 6, 3, Init.normal(0.9), r));
        DMatrixRMaj geo = DropoutEnsemble.exact(first, X, DropoutEnsemble.Mean.GEOMETRIC);
        DMatrixRMaj ws = DropoutEnsemble.weightScaling(first, X);
        double maxDiff = 0;
        for (int i = 0; i < geo.data.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(geo.data[i] - ws.data[i]));
        }
        assertTrue(maxDiff > 1e-3 && maxDiff < 0.3, "close but not equal: max |Δ| = " + maxDiff);
    }

    @Test
    void dropConnectWithPOneIsTheLinearLayerAndItsGradientsMatchFiniteDifferences() {
        Random r = new Random(5);
        Linear lin = new Linear("fc", 4, 3, Init.normal(1), r);
        lin.bias().value().data[1] = 0.3;
        DMatrixRMaj x = randomMatrix(6, 4, r), g = randomMatrix(6, 3, r);
        DMatrixRMaj plain = lin.forward(x, new Cache()).copy();
        assertArrayEquals(plain.data, new DropConnect(lin, 1.0, Dropout.Mode.VANILLA, new Random(1)).forward(x, new Cache()).data, 1e-14);
        // a fresh Random(7) per evaluation replays the same weight mask, so L(W, x) = Σ G ⊙ DropConnect(x) is deterministic
        for (Dropout.Mode mode : Dropout.Mode.values()) {
            GradientCheck.Report rep = GradientCheck.layer(new Layer() {
                public String name() {
                    return "replayed DropConnect";
                }

                public DMatrixRMaj forward(DMatrixRMaj in, Cache c) {
                    DropConnect dc = new DropConnect(lin, 0.5, mode, new Random(7));
                    DMatrixRMaj out = dc.forward(in, c);
                    held = dc;
                    return out;
                }

                DropConnect held;

                public DMatrixRMaj backward(DMatrixRMaj go, Cache c, boolean need) {
                    return held.backward(go, c, need);
                }

                public List<Param> params() {
                    return lin.params();
                }
            }, x, new Random(3));
            assertTrue(rep.passes(1e-6), mode + ": " + rep);
        }
        DropConnect dc = new DropConnect(lin, 0.5, Dropout.Mode.VANILLA, new Random(7));
        Cache c = new Cache();
        dc.forward(x, c);
        int zeros = 0;
        for (double m : dc.multiplier(c).data) {
            zeros += m == 0 ? 1 : 0;
        }
        assertTrue(zeros > 0 && zeros < 12, "some but not all of the 12 weights dropped, got " + zeros);
        dc.setTraining(false);
        DMatrixRMaj inf = dc.forward(x, new Cache());
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 3; j++) {
                double z = lin.bias().value().data[j];
                for (int k = 0; k < 4; k++) {
                    z += 0.5 * lin.weight().value().get(k, j) * x.get(i, k);
                }
                assertEquals(z, inf.get(i, j), 1e-13, "inference uses pW");
            }
        }
    }

    @Test
    void gaussianDropoutFactorHasMeanOneAndTheBernoulliVarianceAndIsTheIdentityAtInference() {
        double p = 0.8;
        GaussianDropout gd = new GaussianDropout(p, new Random(2));
        DMatrixRMaj ones = new DMatrixRMaj(400, 250);
        java.util.Arrays.fill(ones.data, 1.0);
        Cache c = new Cache();
        DMatrixRMaj h = gd.forward(ones, c);
        double m = 0, q = 0;
        for (double v : h.data) {
            m += v;
        }
        m /= h.data.length;
        for (double v : h.data) {
            q += (v - m) * (v - m);
        }
        q /= h.data.length - 1;
        assertEquals(1.0, m, 0.005);
        assertEquals((1 - p) / p, q, 0.01, "Var of the factor = Var(μ/p) = (1 − p)/p");
        DMatrixRMaj g = randomMatrix(400, 250, new Random(3));
        DMatrixRMaj gin = gd.backward(g, c, true);
        for (int i = 0; i < 100; i++) {
            assertEquals(h.data[i] * g.data[i], gin.data[i], 1e-15, "same factor in backward");
        }
        gd.setTraining(false);
        DMatrixRMaj x = randomMatrix(2, 3, new Random(4));
        assertArrayEquals(x.data, gd.forward(x, new Cache()).data, 0);
        assertEquals(0.0, new GaussianDropout(1.0, new Random(1)).sigma(), 0);
    }

    @Test
    void fastDropoutMomentsEqualTheExactMomentsOverAllMasks() {
        double p = 0.65;
        Linear lin = softmaxRegression(1);
        DMatrixRMaj[] mv = FastDropout.moments(lin, V, p);
        double[] mean = new double[3], second = new double[3];
        for (int code = 0; code < 16; code++) {
            double wt = 1;
            double[] z = B.clone();
            for (int i = 0; i < 4; i++) {
                boolean on = ((code >> i) & 1) == 1;
                wt *= on ? p : 1 - p;
                for (int j = 0; j < 3; j++) {
                    z[j] += on ? W[i][j] * V.data[i] : 0;
                }
            }
            for (int j = 0; j < 3; j++) {
                mean[j] += wt * z[j];
                second[j] += wt * z[j] * z[j];
            }
        }
        for (int j = 0; j < 3; j++) {
            assertEquals(mean[j], mv[0].data[j], 1e-12, "mean " + j);
            assertEquals(second[j] - mean[j] * mean[j], mv[1].data[j], 1e-12, "variance " + j);
        }
        // the probit approximation of E[σ(z)], z ~ N(0.8, 2.5), against a simulation
        Random r = new Random(8);
        double s = 0;
        int n = 400_000;
        for (int k = 0; k < n; k++) {
            s += 1 / (1 + Math.exp(-(0.8 + Math.sqrt(2.5) * r.nextGaussian())));
        }
        assertEquals(s / n, FastDropout.expectedSigmoid(0.8, 2.5), 0.01);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.2, 1.5, Double.NaN})
    void keepProbabilityOutsideZeroOneIsRejectedWithItsValue(double keep) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dropout.inverted(keep, new Random(1)));
        assertTrue(e.getMessage().contains(String.valueOf(keep)) && e.getMessage().contains("(0, 1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GaussianDropout(keep, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> new DropConnect(new Linear("l", 2, 2), keep, Dropout.Mode.VANILLA, new Random(1)));
    }

    @Test
    void badMasksAndTooManyUnitsAreRejected() {
        Dropout d = Dropout.vanilla(0.5, new Random(1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.fixMask(new double[]{1, 0.5})).getMessage().contains("0.5"));
        d.fixMask(new double[]{1, 0, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.forward(new DMatrixRMaj(2, 4), new Cache()));
        assertTrue(e.getMessage().contains("3 entries") && e.getMessage().contains("2x4"), e.getMessage());
        Sequential big = new Sequential(new SoftmaxCrossEntropy(), Dropout.vanilla(0.5, new Random(1)), new Linear("l", 21, 2));
        e = assertThrows(IllegalArgumentException.class, () -> DropoutEnsemble.exact(big, new DMatrixRMaj(1, 21), DropoutEnsemble.Mean.GEOMETRIC));
        assertTrue(e.getMessage().contains("21 units"), e.getMessage());
        Sequential none = new Sequential(new SoftmaxCrossEntropy(), new Linear("l", 2, 2));
        assertThrows(IllegalArgumentException.class, () -> DropoutEnsemble.exact(none, new DMatrixRMaj(1, 2), DropoutEnsemble.Mean.GEOMETRIC));
        assertThrows(IllegalArgumentException.class, () -> DropoutEnsemble.monteCarlo(none, new DMatrixRMaj(1, 2), 0));
    }

    /** Save the layer's state after one training pass; a copy built with another seed and restored draws the same next. */
    private static void resumesItsDraws(Layer a, Layer restored, DMatrixRMaj x) throws java.io.IOException {
        double[] first = a.forward(x, new Cache()).data.clone();
        java.io.ByteArrayOutputStream saved = new java.io.ByteArrayOutputStream();
        a.writeState(new java.io.DataOutputStream(saved));
        restored.readState(new java.io.DataInputStream(new java.io.ByteArrayInputStream(saved.toByteArray())), "test checkpoint");
        double[] next = a.forward(x, new Cache()).data.clone();
        assertFalse(java.util.Arrays.equals(first, next), a.name() + ": the second pass draws anew");
        assertArrayEquals(next, restored.forward(x, new Cache()).data, 0, a.name() + ": the restored generator draws what the original draws");
    }

    @Test
    void gaussianDropoutAndDropConnectCheckpointTheirGenerators() throws java.io.IOException {
        DMatrixRMaj x = new DMatrixRMaj(4, 5);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = 0.1 * (i + 1);
        }
        resumesItsDraws(new GaussianDropout(0.7, new Random(3)), new GaussianDropout(0.7, new Random(99)), x);
        Linear shared = new Linear("fc", 5, 3, Init.he(), new Random(1));
        resumesItsDraws(new DropConnect(shared, 0.6, Dropout.Mode.INVERTED, new Random(3)),
                new DropConnect(shared, 0.6, Dropout.Mode.INVERTED, new Random(99)), x);
    }
}
