package descent.nn.norm;

import descent.check.GradientCheck;
import descent.data.Dataset;
import descent.init.Init;
import descent.nn.AllocationTest;
import descent.nn.Cache;
import descent.nn.Layer;
import descent.nn.Linear;
import descent.nn.Sequential;
import descent.nn.SoftmaxCrossEntropy;
import descent.nn.Tanh;
import descent.train.Trainer;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batch normalization (Aggarwal §3.6) against PyTorch, finite differences and its own identities. */
class BatchNormTest {

    static final int M = 8, N = 3;

    static BatchNorm affineBn(BatchNorm bn) {
        TorchFixtures.affine(bn.gamma().value().data, bn.beta().value().data);
        return bn;
    }

    /** Runs forward and backward with upstream g; returns {y, dx, dγ, dβ}. */
    static double[][] run(Layer layer, DMatrixRMaj x, DMatrixRMaj g) {
        layer.params().forEach(p -> p.zeroGrad());
        Cache c = new Cache();
        double[] y = layer.forward(x, c).data.clone();
        double[] dx = layer.backward(g, c, true).data.clone();
        return new double[][]{y, dx, layer.params().get(0).grad().data.clone(), layer.params().get(1).grad().data.clone()};
    }

    @Test
    void trainingModeMatchesTorchBatchNorm1dInBothBackwardForms() {
        for (BatchNorm.Backward form : BatchNorm.Backward.values()) {
            BatchNorm bn = affineBn(BatchNorm.pytorch("bn", N)).backwardForm(form);
            double[][] r = run(bn, TorchFixtures.x(M, N, 0), TorchFixtures.g(M, N));
            assertArrayEquals(TorchFixtures.BN_Y, r[0], 1e-13, "output");
            assertArrayEquals(TorchFixtures.BN_DX, r[1], 1e-12, "∂L/∂v, " + form);
            assertArrayEquals(TorchFixtures.BN_DGAMMA, r[2], 1e-12, "∂L/∂γ");
            assertArrayEquals(TorchFixtures.BN_DBETA, r[3], 1e-12, "∂L/∂β");
            assertArrayEquals(TorchFixtures.BN_RUNNING_MEAN_AFTER_1, bn.runningMean(), 1e-14);
            assertArrayEquals(TorchFixtures.BN_RUNNING_VAR_AFTER_1, bn.runningVariance(), 1e-14);
        }
    }

    static BatchNorm threeBatches(BatchNorm bn) {
        Cache c = new Cache();
        for (int k = 0; k < 3; k++) {
            bn.forward(TorchFixtures.batch(M, N, k), c);
        }
        return bn;
    }

    @Test
    void runningStatisticsFollowEachConvention() {
        BatchNorm pt = threeBatches(BatchNorm.pytorch("pt", N));
        assertArrayEquals(TorchFixtures.PYTORCH_RUNNING_MEAN, pt.runningMean(), 1e-14);
        assertArrayEquals(TorchFixtures.PYTORCH_RUNNING_VAR, pt.runningVariance(), 1e-14);
        BatchNorm cu = threeBatches(new BatchNorm("cu", N, 1e-5, RunningAverage.cumulativeAverage()));
        assertArrayEquals(TorchFixtures.CUMULATIVE_RUNNING_MEAN, cu.runningMean(), 1e-14);
        assertArrayEquals(TorchFixtures.CUMULATIVE_RUNNING_VAR, cu.runningVariance(), 1e-13);
        BatchNorm ke = threeBatches(BatchNorm.keras("ke", N));
        assertEquals(1e-3, ke.epsilon());
        assertArrayEquals(TorchFixtures.KERAS_RUNNING_MEAN_TORCH_MOMENTUM_0_01, ke.runningMean(), 1e-15);
        assertArrayEquals(TorchFixtures.KERAS_RUNNING_VAR_NUMPY, ke.runningVariance(), 1e-14);
        assertEquals(3, ke.batchesSeen());
        // the two momentum readings are not interchangeable: Keras's 0.99 read as PyTorch's would weight the new batch 99 %
        BatchNorm wrong = threeBatches(new BatchNorm("w", N, 1e-3, RunningAverage.pytorch(0.99)));
        assertTrue(Math.abs(wrong.runningMean()[2] - ke.runningMean()[2]) > 0.5);
    }

    @Test
    void inferenceModeMatchesTorchEvalAndIgnoresTheRestOfTheBatch() {
        BatchNorm bn = affineBn(threeBatches(BatchNorm.pytorch("bn", N)));
        bn.setTraining(false);
        double[][] r = run(bn, TorchFixtures.x(M, N, 0), TorchFixtures.g(M, N));
        assertArrayEquals(TorchFixtures.PYTORCH_EVAL_Y, r[0], 1e-13);
        assertArrayEquals(TorchFixtures.PYTORCH_EVAL_DX, r[1], 1e-13);
        assertEquals(3, bn.batchesSeen(), "inference does not touch the running statistics");
        // row 3 alone (a batch of one is fine at inference) gives the same output as inside the batch
        DMatrixRMaj row = new DMatrixRMaj(1, N);
        System.arraycopy(TorchFixtures.x(M, N, 0).data, 3 * N, row.data, 0, N);
        double[] alone = bn.forward(row, new Cache()).data.clone();
        for (int j = 0; j < N; j++) {
            assertEquals(r[0][3 * N + j], alone[j], 0.0);
        }
        GradientCheck.Report rep = GradientCheck.layer(bn, TorchFixtures.x(M, N, 0), new Random(3));
        assertTrue(rep.maxError() < 1e-7, rep.toString());
    }

    @Test
    void bookAndCompactBackwardAgreeWithEachOtherAndWithFiniteDifferences() {
        Random rng = new Random(11);
        DMatrixRMaj x = new DMatrixRMaj(M, 5);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = 2 * rng.nextGaussian() + 1;
        }
        DMatrixRMaj g = new DMatrixRMaj(M, 5);
        for (int i = 0; i < g.data.length; i++) {
            g.data[i] = rng.nextGaussian();
        }
        BatchNorm book = new BatchNorm("b", 5).backwardForm(BatchNorm.Backward.BOOK);
        BatchNorm compact = new BatchNorm("c", 5);
        for (int j = 0; j < 5; j++) {
            book.gamma().value().data[j] = compact.gamma().value().data[j] = 0.5 + j;
            book.beta().value().data[j] = compact.beta().value().data[j] = -0.3 * j;
        }
        double[] a = run(book, x, g)[1], b = run(compact, x, g)[1];
        assertArrayEquals(a, b, 1e-13);
        for (BatchNorm bn : List.of(book, compact)) {
            GradientCheck.Report rep = GradientCheck.layer(bn, x, new Random(5));
            assertTrue(rep.maxError() < 1e-6, bn.backwardForm() + "\n" + rep);
        }
        // Σ_r ∂L/∂v⁽ʳ⁾ = 0 for every feature (the mean is subtracted), in both forms
        for (double[] dx : List.of(a, b)) {
            for (int j = 0; j < 5; j++) {
                double s = 0;
                for (int r = 0; r < M; r++) {
                    s += dx[r * 5 + j];
                }
                assertEquals(0, s, 1e-14);
            }
        }
    }

    @Test
    void outputHasMeanBetaAndStdGammaShrunkByEpsilon() {
        BatchNorm bn = new BatchNorm("bn", 1, 1e-5, RunningAverage.pytorch(0.1));
        bn.gamma().value().data[0] = 1.7;
        bn.beta().value().data[0] = -0.4;
        DMatrixRMaj x = new DMatrixRMaj(6, 1, true, 0.3, 1.1, -0.4, 2.0, 0.9, -1.2);
        double[] y = bn.forward(x, new Cache()).data;
        double mean = 0, s2 = 0, ys = 0, yv = 0;
        for (double v : x.data) {
            mean += v / 6;
        }
        for (double v : x.data) {
            s2 += (v - mean) * (v - mean) / 6;
        }
        for (double v : y) {
            ys += v / 6;
        }
        for (double v : y) {
            yv += (v - ys) * (v - ys) / 6;
        }
        assertEquals(-0.4, ys, 1e-15);
        assertEquals(1.7 * Math.sqrt(s2 / (s2 + 1e-5)), Math.sqrt(yv), 1e-14);
        assertTrue(1.7 - Math.sqrt(yv) > 1e-6, "ε shrinks the std below γ");
    }

    @Test
    void gammaSqrtVarAndBetaMeanRecoverTheIdentity() {
        DMatrixRMaj x = TorchFixtures.x(M, N, 0.2);
        BatchNorm bn = BatchNorm.pytorch("bn", N);
        for (int j = 0; j < N; j++) {
            double mu = 0, var = 0;
            for (int r = 0; r < M; r++) {
                mu += x.get(r, j) / M;
            }
            for (int r = 0; r < M; r++) {
                var += Math.pow(x.get(r, j) - mu, 2) / M;
            }
            bn.gamma().value().data[j] = Math.sqrt(var + bn.epsilon());
            bn.beta().value().data[j] = mu;
        }
        assertArrayEquals(x.data, bn.forward(x, new Cache()).data, 1e-14);
    }

    @Test
    void aConstantFeatureGivesBetaNotNaN() {
        BatchNorm bn = BatchNorm.pytorch("bn", 2);
        bn.beta().value().data[0] = 0.25;
        DMatrixRMaj x = new DMatrixRMaj(4, 2, true, 3, 1, 3, 2, 3, 3, 3, 4);
        Cache c = new Cache();
        double[] y = bn.forward(x, c).data;
        for (int r = 0; r < 4; r++) {
            assertEquals(0.25, y[r * 2], 0.0);
        }
        double[] dx = bn.backward(TorchFixtures.g(4, 2), c, true).data;
        for (double v : dx) {
            assertFalse(Double.isNaN(v));
        }
    }

    @Test
    void badInputIsRejectedWithItsValue() {
        BatchNorm bn = BatchNorm.pytorch("bn1", 3);
        var one = assertThrows(IllegalArgumentException.class, () -> bn.forward(new DMatrixRMaj(1, 3), new Cache()));
        assertTrue(one.getMessage().contains("at least 2 rows, got 1") && one.getMessage().contains("variance is 0"), one.getMessage());
        bn.setTraining(false);
        bn.forward(new DMatrixRMaj(1, 3), new Cache()); // fine at inference
        bn.setTraining(true);
        var shape = assertThrows(IllegalArgumentException.class, () -> bn.forward(new DMatrixRMaj(4, 2), new Cache()));
        assertTrue(shape.getMessage().contains("4x2") && shape.getMessage().contains("normalizes 3"), shape.getMessage());
        DMatrixRMaj nan = new DMatrixRMaj(4, 3);
        nan.set(2, 1, Double.NaN);
        var bad = assertThrows(IllegalArgumentException.class, () -> bn.forward(nan, new Cache()));
        assertTrue(bad.getMessage().contains("feature 1") && bad.getMessage().contains("NaN"), bad.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new BatchNorm("b", 3, 0, RunningAverage.pytorch(0.1)))
                .getMessage().contains("got 0.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new BatchNorm("b", 0))
                .getMessage().contains("got 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunningAverage.keras(1.0)).getMessage().contains("got 1.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunningAverage.pytorch(0)).getMessage().contains("got 0.0"));
        Cache c = new Cache();
        bn.forward(new DMatrixRMaj(4, 3), c);
        var up = assertThrows(IllegalArgumentException.class, () -> bn.backward(new DMatrixRMaj(3, 3), c, true));
        assertTrue(up.getMessage().contains("3x3") && up.getMessage().contains("4x3"), up.getMessage());
        var fold = assertThrows(IllegalArgumentException.class, () -> bn.foldInto(new Linear("fc", 5, 4)));
        assertTrue(fold.getMessage().contains("outputs 4"), fold.getMessage());
        assertThrows(IllegalArgumentException.class, () -> bn.setRunningStatistics(new double[3], new double[]{1, -1, 1}));
    }

    @Test
    void foldingIntoThePrecedingLinearLayerIsExact() {
        Random rng = new Random(2);
        Linear fc = new Linear("fc", 6, N, Init.normal(1), rng);
        for (int j = 0; j < N; j++) {
            fc.bias().value().data[j] = rng.nextGaussian();
        }
        BatchNorm bn = affineBn(threeBatches(BatchNorm.keras("bn", N)));
        bn.setTraining(false);
        Linear folded = bn.foldInto(fc);
        DMatrixRMaj x = new DMatrixRMaj(10, 6);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rng.nextGaussian();
        }
        double[] pair = bn.forward(fc.forward(x, new Cache()), new Cache()).data;
        double[] one = folded.forward(x, new Cache()).data;
        assertArrayEquals(pair, one, 1e-13);
    }

    @Test
    void preActivationMakesTheLinearBiasGradientVanish() {
        Random rng = new Random(4);
        Linear fc = new Linear("fc", 5, 4, Init.he(), rng);
        BatchNorm bn = BatchNorm.pytorch("bn", 4);
        List<Layer> pre = BatchNorm.block(fc, new Tanh(), bn, BatchNorm.Placement.PRE_ACTIVATION);
        assertEquals(List.of("fc", "bn", "tanh"), pre.stream().map(l -> l.name().replaceAll(" .*", "").toLowerCase()).toList());
        List<Layer> post = BatchNorm.block(fc, new Tanh(), bn, BatchNorm.Placement.POST_ACTIVATION);
        assertTrue(post.get(2) == bn && post.get(1) instanceof Tanh);
        List<Layer> layers = new java.util.ArrayList<>(pre);
        layers.add(new Linear("out", 4, 3, Init.he(), rng));
        Sequential net = new Sequential(new SoftmaxCrossEntropy(), layers);
        DMatrixRMaj x = TorchFixtures.x(16, 5, 0.1);
        int[] y = new int[16];
        for (int i = 0; i < 16; i++) {
            y[i] = i % 3;
        }
        net.lossAndGradient(x, y);
        double gmax = 0;
        for (double v : fc.bias().grad().data) {
            gmax = Math.max(gmax, Math.abs(v));
        }
        assertTrue(gmax < 1e-15, "β replaces the bias: ∂L/∂b = Σ_r ∂L/∂v⁽ʳ⁾ = 0, got " + gmax);
        double wmax = 0;
        for (double v : fc.weight().grad().data) {
            wmax = Math.max(wmax, Math.abs(v));
        }
        assertTrue(wmax > 1e-3, "the weights still learn");
    }

    @Test
    void trainerEvaluatesInInferenceModeAndLeavesRunningStatisticsAlone() {
        Random rng = new Random(6);
        BatchNorm bn = BatchNorm.pytorch("bn", 8);
        Sequential net = new Sequential(new SoftmaxCrossEntropy(), new Linear("fc1", 4, 8, Init.he(), rng), bn, new Tanh(),
                new Linear("fc2", 8, 2, Init.he(), rng));
        DMatrixRMaj x = TorchFixtures.x(40, 4, 0.3);
        int[] y = new int[40];
        for (int i = 0; i < 40; i++) {
            y[i] = x.get(i, 0) > 0 ? 1 : 0;
        }
        Dataset data = new Dataset("toy", x, y, 2);
        new Trainer(net, new descent.optim.SGD(net.params(), 0.1), new Random(1)).batchSize(10).epochs(2).progress(null).fit(data, data);
        assertEquals(8, bn.batchesSeen(), "2 epochs × 4 batches; evaluation added none");
        assertTrue(net.isTraining());
        double[] before = bn.runningMean();
        Trainer.evaluate(net, data);
        assertArrayEquals(before, bn.runningMean(), 0.0);
        assertTrue(net.isTraining() && bn.isTraining(), "evaluate restores the mode");
    }

    @Test
    void aTrainingStepWithBatchNormAllocatesNothingAfterWarmUp() {
        Random rng = new Random(0);
        Sequential net = new Sequential(new SoftmaxCrossEntropy(),
                new Linear("fc1", 64, 32, Init.he(), rng), BatchNorm.pytorch("bn1", 32), new Tanh(),
                new Linear("fc2", 32, 16, Init.he(), rng), BatchNorm.pytorch("bn2", 16).backwardForm(BatchNorm.Backward.BOOK),
                new Tanh(), new Linear("fc3", 16, 10, Init.he(), rng));
        AllocationTest.Batch batch = AllocationTest.randomBatch(32, 64, 10, rng);
        long perStep = AllocationTest.bytesPerStep(() -> net.lossAndGradient(batch.x(), batch.y()));
        assertTrue(perStep < AllocationTest.NO_OBJECT, "a training step allocated " + perStep + " bytes after warm-up");
    }
}
