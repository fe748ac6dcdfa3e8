package descent.compress;

import descent.check.GradientCheck;
import descent.init.Init;
import descent.nn.Cache;
import descent.nn.Layer;
import descent.nn.Linear;
import descent.nn.Param;
import descent.nn.Sequential;
import descent.nn.SoftmaxCrossEntropy;
import descent.nn.Tanh;
import descent.optim.Momentum;
import descent.regularize.ProjectedOptimizer;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Aggarwal §3.7.3: pruning, quantization with Huffman sizes, low-rank factorization, hashed layers, mimic models. */
class CompressionTest {

    /** numpy.linalg.svd of W[i][j] = sin(0.3 i + 0.7 j) + 0.1 i − 0.05 j (6×4), src/test/python/normalization_fixtures.py. */
    static final double[] SIGMA = {4.158484213966924, 1.3546911475761767, 0.023391075563051787, 0.0005055887319663626};
    static final double[] W2 = {-0.005540121276708368, 0.5988312950882712, 0.8880450566829935, 0.7059879505531513,
            0.39451851477582506, 0.8921685550874698, 0.9923729789718098, 0.6239728407223547, 0.7683145175074082,
            1.1104925624505637, 1.0075906534032748, 0.4821559195969367, 1.0890127800733511, 1.2450054255433525,
            0.9427498667903744, 0.29875689182843124, 1.3345212586195514, 1.2943958526386592, 0.8140537898369794,
            0.0957098678128396, 1.4894643887643244, 1.264956285700965, 0.6434095961559801, -0.10329594506575297};

    static DMatrixRMaj w64() {
        DMatrixRMaj w = new DMatrixRMaj(6, 4);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 4; j++) {
                w.set(i, j, Math.sin(0.3 * i + 0.7 * j) + 0.1 * i - 0.05 * j);
            }
        }
        return w;
    }

    @Test
    void pruningDropsTheSmallestMagnitudesWithTiesByIndex() {
        double[] w = {0.5, -0.1, 0.3, 0.1, -0.7, 0.0, 0.2, -0.3};
        boolean[] keep = MagnitudePruning.keepLargest(w, 0.5); // drop 4: 0.0, −0.1 (index 1), 0.1 (index 3), 0.2
        assertArrayEquals(new boolean[]{true, false, true, false, true, false, false, true}, keep);
        assertArrayEquals(new boolean[]{true, true, true, true, true, true, true, true}, MagnitudePruning.keepLargest(w, 0));
        // ⌊0.99·8⌋ = 7 dropped: only −0.7 survives
        boolean[] k99 = MagnitudePruning.keepLargest(w, 0.99);
        assertEquals(1, count(k99));
        assertTrue(k99[4]);
        // tie between 0.3 and −0.3 at s = 5/8: index 2 goes first, index 7 stays
        boolean[] k58 = MagnitudePruning.keepLargest(w, 0.625);
        assertArrayEquals(new boolean[]{true, false, false, false, true, false, false, true}, k58);
    }

    static int count(boolean[] b) {
        int c = 0;
        for (boolean v : b) {
            c += v ? 1 : 0;
        }
        return c;
    }

    @Test
    void globalAndPerTensorPruningAndMaskedFineTuning() {
        Random rng = new Random(3);
        Linear a = new Linear("a", 10, 8, Init.normal(1), rng), b = new Linear("b", 8, 3, Init.normal(0.1), rng);
        List<Param> weights = MagnitudePruning.weights(List.of(a.weight(), a.bias(), b.weight(), b.bias()));
        assertEquals(List.of(a.weight(), b.weight()), weights);
        Mask global = MagnitudePruning.global(weights, 0.5);
        assertEquals(52, global.kept());
        // b's weights are 10× smaller, so one global threshold prunes b almost entirely
        assertTrue(count(global.keep(1)) < 4, "b kept " + count(global.keep(1)));
        for (double v : b.weight().value().data) {
            assertTrue(v == 0 || Math.abs(v) > 0.05);
        }
        Linear c = new Linear("c", 10, 8, Init.normal(1), new Random(4)), d = new Linear("d", 8, 3, Init.normal(0.1), new Random(5));
        Mask each = MagnitudePruning.perTensor(List.of(c.weight(), d.weight()), 0.5);
        assertEquals(40, count(each.keep(0)));
        assertEquals(12, count(each.keep(1)));
        assertEquals(0.5, each.sparsity(), 1e-15);

        // fine-tuning with momentum: the pruned weights stay exactly zero, the survivors move
        Sequential net = new Sequential(new SoftmaxCrossEntropy(), c, new Tanh(), d);
        double[] before = c.weight().value().data.clone();
        ProjectedOptimizer opt = new ProjectedOptimizer(new Momentum(net.params(), 0.1, 0.9), each);
        DMatrixRMaj x = new DMatrixRMaj(20, 10);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rng.nextGaussian();
        }
        int[] y = new int[20];
        for (int i = 0; i < 20; i++) {
            y[i] = i % 3;
        }
        for (int s = 0; s < 20; s++) {
            opt.step(net.oracle(x, y));
        }
        boolean[] keep = each.keep(0);
        int moved = 0;
        for (int i = 0; i < keep.length; i++) {
            if (!keep[i]) {
                assertEquals(0.0, c.weight().value().data[i]);
            } else if (c.weight().value().data[i] != before[i]) {
                moved++;
            }
        }
        assertEquals(40, moved);
    }

    @Test
    void pruningRejectsSparsityOutsideZeroOne() {
        for (double s : new double[]{-0.1, 1.0, 1.5, Double.NaN}) {
            var e = assertThrows(IllegalArgumentException.class, () -> MagnitudePruning.keepLargest(new double[4], s));
            assertTrue(e.getMessage().contains("[0, 1)") && e.getMessage().contains("got " + s), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> MagnitudePruning.keepLargest(new double[]{1, Double.NaN}, 0.5));
    }

    @Test
    void huffmanCodeLengthsOfTheTextbookExample() {
        // Cormen et al., Introduction to Algorithms, §16.3: frequencies 45, 13, 12, 16, 9, 5 → 224 bits
        long[] counts = {45, 13, 12, 16, 9, 5};
        int[] len = Huffman.codeLengths(counts);
        assertArrayEquals(new int[]{1, 3, 3, 3, 4, 4}, len);
        assertEquals(224, Huffman.codedBits(counts));
        double kraft = 0;
        for (int l : len) {
            kraft += Math.pow(2, -l);
        }
        assertEquals(1.0, kraft, 0.0);
        double h = Huffman.entropyBits(counts);
        assertTrue(h <= 224 && 224 < h + 100, "entropy " + h);
        assertArrayEquals(new int[]{0, 1, 0}, Huffman.codeLengths(new long[]{0, 7, 0}));
        assertThrows(IllegalArgumentException.class, () -> Huffman.codeLengths(new long[]{3, -1}));
    }

    @Test
    void uniformQuantizationErrorIsAtMostHalfAStepAndKMeansIsNeverWorse() {
        Random rng = new Random(8);
        double[] w = new double[2000];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextGaussian() * (i % 3 == 0 ? 0.2 : 1);
        }
        for (int bits = 2; bits <= 8; bits++) {
            Quantizer.Quantized u = Quantizer.uniform(w, bits);
            double lo = java.util.Arrays.stream(w).min().orElseThrow(), hi = java.util.Arrays.stream(w).max().orElseThrow();
            double step = (hi - lo) / ((1 << bits) - 1);
            double[] v = u.values();
            for (int i = 0; i < w.length; i++) {
                assertTrue(Math.abs(v[i] - w[i]) <= step / 2 + 1e-12);
            }
            assertEquals(1 << bits, u.codebook().length);
            assertEquals(32L * 2000, u.denseBits());
            assertEquals((long) bits * 2000 + 32L * (1 << bits), u.fixedBits());
            assertTrue(u.huffmanBits() <= u.fixedBits(), "a Huffman code is never longer than the fixed-length one");
            Quantizer.Quantized k = Quantizer.kMeans(w, bits, 50);
            assertTrue(k.squaredError(w) <= u.squaredError(w) + 1e-12, bits + " bits");
        }
        // two clear clusters with one bit: the centres are the cluster means
        Quantizer.Quantized two = Quantizer.kMeans(new double[]{-1, -1.1, -0.9, 2, 2.1, 1.6}, 1, 20);
        assertArrayEquals(new double[]{-1, 1.9}, two.codebook(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Quantizer.uniform(w, 0));
        assertThrows(IllegalArgumentException.class, () -> Quantizer.uniform(new double[]{1, Double.POSITIVE_INFINITY}, 4));
    }

    @Test
    void truncatedSvdMatchesNumpyAndEckartYoung() {
        DMatrixRMaj w = w64();
        LowRank.Factors f = LowRank.truncate(w, 2);
        assertArrayEquals(SIGMA, f.singularValues(), 1e-13);
        assertArrayEquals(W2, f.product().data, 1e-13);
        double err = 0;
        for (int i = 0; i < 24; i++) {
            err += Math.pow(w.data[i] - f.product().data[i], 2);
        }
        assertEquals(SIGMA[2] * SIGMA[2] + SIGMA[3] * SIGMA[3], err, 1e-15);
        assertEquals(err, f.tailEnergy(), 1e-15);
        assertArrayEquals(w.data, LowRank.truncate(w, 4).product().data, 1e-13, "full rank reconstructs W");
        assertEquals(1000.0 * 500 / (50 * 1500), LowRank.parameterRatio(1000, 500, 50), 1e-15);
        double hm = 2.0 / (1.0 / 1000 + 1.0 / 500);
        assertEquals(hm / (2 * 50), LowRank.parameterRatio(1000, 500, 50), 1e-12);
        var big = assertThrows(IllegalArgumentException.class, () -> LowRank.truncate(w, 5));
        assertTrue(big.getMessage().contains("k = 5") && big.getMessage().contains("min(m₁, m₂) = 4"), big.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LowRank.parameterRatio(10, 10, 0));
    }

    @Test
    void lowRankReplacementComputesTheRankKLayer() {
        Random rng = new Random(1);
        Linear fc = new Linear("fc", 6, 4, Init.normal(1), rng);
        System.arraycopy(w64().data, 0, fc.weight().value().data, 0, 24);
        fc.bias().value().data[2] = 0.7;
        List<Layer> two = LowRank.replace(fc, 2);
        Linear ref = new Linear("ref", 6, 4);
        System.arraycopy(W2, 0, ref.weight().value().data, 0, 24);
        ref.bias().value().data[2] = 0.7;
        DMatrixRMaj x = new DMatrixRMaj(5, 6);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rng.nextGaussian();
        }
        DMatrixRMaj y = two.get(1).forward(two.get(0).forward(x, new Cache()), new Cache());
        assertArrayEquals(ref.forward(x, new Cache()).data, y.data, 1e-12);
        assertEquals(2 * (6 + 4) + 2 + 4, two.stream().mapToInt(l -> l.params().stream().mapToInt(Param::size).sum()).sum());
    }

    @Test
    void hashedLayerSharesWeightsAndSumsBucketGradients() {
        HashedLinear h = new HashedLinear("h", 7, 5, 6, 42, 1.0, new Random(0));
        DMatrixRMaj x = new DMatrixRMaj(4, 7);
        Random rng = new Random(2);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rng.nextGaussian();
        }
        // the same as a plain linear layer with W_ij = z_h(i,j)
        Linear plain = new Linear("plain", 7, 5);
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 5; j++) {
                plain.weight().value().set(i, j, h.bucketWeights().value().data[h.bucket(i, j)]);
            }
        }
        DMatrixRMaj g = new DMatrixRMaj(4, 5);
        for (int i = 0; i < g.data.length; i++) {
            g.data[i] = rng.nextGaussian();
        }
        Cache ch = new Cache(), cp = new Cache();
        assertArrayEquals(plain.forward(x, cp).data, h.forward(x, ch).data, 1e-14);
        h.bucketWeights().zeroGrad();
        assertArrayEquals(plain.backward(g, cp, true).data, h.backward(g, ch, true).data, 1e-14);
        double[] sums = new double[6];
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 5; j++) {
                sums[h.bucket(i, j)] += plain.weight().grad().get(i, j);
            }
        }
        assertArrayEquals(sums, h.bucketWeights().grad().data, 1e-13);
        GradientCheck.Report rep = GradientCheck.layer(h, x, new Random(1));
        assertTrue(rep.maxError() < 1e-6, rep.toString());
        // 100 × 100 into 1000 buckets: about 10 positions each
        HashedLinear book = new HashedLinear("book", 100, 100, 1000, 7, 0.1, new Random(0));
        int[] per = new int[1000];
        for (int i = 0; i < 100; i++) {
            for (int j = 0; j < 100; j++) {
                per[book.bucket(i, j)]++;
            }
        }
        int empty = 0, max = 0;
        for (int c : per) {
            empty += c == 0 ? 1 : 0;
            max = Math.max(max, c);
        }
        assertTrue(empty < 5 && max < 30, "buckets: " + empty + " empty, largest " + max); // Poisson(10): P(0) ≈ 4.5e-5
        assertThrows(IllegalArgumentException.class, () -> new HashedLinear("h", 3, 3, 10, 1, 1, new Random(0)));
        assertThrows(IllegalArgumentException.class, () -> new HashedLinear("h", 3, 3, 0, 1, 1, new Random(0)));
    }

    @Test
    void softTargetsAreTheTeachersTemperedSoftmax() {
        Random rng = new Random(5);
        Sequential teacher = new Sequential(new SoftmaxCrossEntropy(), new Linear("t", 3, 4, Init.normal(2), rng));
        DMatrixRMaj x = new DMatrixRMaj(6, 3);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rng.nextGaussian();
        }
        DMatrixRMaj z = teacher.forward(x).copy();
        DMatrixRMaj q1 = Distillation.softTargets(teacher, x, 1), q5 = Distillation.softTargets(teacher, x, 5);
        for (int r = 0; r < 6; r++) {
            double s = 0, s5 = 0;
            for (int j = 0; j < 4; j++) {
                s += Math.exp(z.get(r, j));
                s5 += Math.exp(z.get(r, j) / 5);
            }
            for (int j = 0; j < 4; j++) {
                assertEquals(Math.exp(z.get(r, j)) / s, q1.get(r, j), 1e-15);
                assertEquals(Math.exp(z.get(r, j) / 5) / s5, q5.get(r, j), 1e-15);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Distillation.softTargets(teacher, x, 0));
        // a student trained on the soft targets lowers its loss
        Sequential student = new Sequential(new SoftmaxCrossEntropy(), new Linear("s", 3, 4, Init.normal(0.1), new Random(1)));
        double[] losses = Distillation.fit(student, new descent.optim.SGD(student.params(), 0.5), x, q1, 3, 30, new Random(2));
        assertTrue(losses[29] < 0.5 * losses[0] + 0.5 * entropy(q1), losses[0] + " → " + losses[29]);
        assertArrayEquals(new double[]{0, 0, 1, 1, 0, 0}, Distillation.oneHot(new int[]{2, 0}, 3).data, 0.0);
    }

    /** Mean entropy of the target rows: the least cross-entropy any student can reach. */
    static double entropy(DMatrixRMaj q) {
        double h = 0;
        for (double v : q.data) {
            h -= v > 0 ? v * Math.log(v) : 0;
        }
        return h / q.numRows;
    }
}
