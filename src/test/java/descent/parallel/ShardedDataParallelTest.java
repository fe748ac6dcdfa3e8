package descent.parallel;

import descent.data.Dataset;
import descent.init.Init;
import descent.nn.AllocationTest;
import descent.nn.Linear;
import descent.nn.NonFiniteInputException;
import descent.nn.NonFiniteLossException;
import descent.nn.Param;
import descent.nn.ReLU;
import descent.nn.Reduction;
import descent.nn.Sequential;
import descent.nn.SoftmaxCrossEntropy;
import descent.nn.SquaredError;
import descent.nn.Tanh;
import descent.nn.norm.BatchNorm;
import descent.optim.Adam;
import descent.optim.AdamW;
import descent.optim.Momentum;
import descent.optim.Nesterov;
import descent.optim.Optimizer;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static descent.parallel.ParallelTest.flat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ShardedDataParallel}: each thread's rows forward and backward, then each thread's rows of every weight
 * gradient over the whole batch and their optimizer step. The reference is plain single-thread training
 * ({@code Sequential.lossAndGradient} then the optimizer), whose gradients the finite-difference tests of
 * {@code descent.nn} check: the sharded step must give the same gradient, loss and parameters on 1, 2, 3 and 5 threads,
 * for uneven cuts, three kinds of activation, both reductions, a sliced and an unsliced optimizer.
 */
class ShardedDataParallelTest {

    private static final int IN = 6;

    /** 6 → 20 (tanh) → 12 (ReLU) → 11 (no activation) → 3: a default activation loop, the fast ReLU one, and none. */
    static Sequential net(long seed, Reduction reduction) {
        Random rng = new Random(seed);
        return new Sequential(new SoftmaxCrossEntropy(reduction),
                new Linear("fc1", IN, 20, Init.he(), rng), new Tanh(),
                new Linear("fc2", 20, 12, Init.he(), rng), new ReLU(),
                new Linear("fc3", 12, 11, Init.he(), rng),
                new Linear("fc4", 11, 3, Init.he(), rng));
    }

    static Dataset data(int n, long seed) {
        return ParallelTest.data(n, seed);
    }

    /** The batch sizes of the steps (143 rows of 160): uneven (odd sizes, fewer rows than 5 threads, a single row). */
    private static final int[] BATCHES = {32, 17, 5, 1, 29, 32, 3, 24};

    private record Run(double[] theta, double[] losses, double[] firstGradient) {
    }

    /** Plain single-thread training on the same batches. */
    static Run plain(Reduction reduction, Function<List<Param>, Optimizer> optimizer) {
        Dataset d = data(160, 1);
        Sequential net = net(7, reduction);
        Optimizer opt = optimizer.apply(net.params());
        int[] idx = SynchronousDataParallelTest.order(160);
        double[] losses = new double[BATCHES.length];
        double[] first = null;
        int from = 0;
        for (int s = 0; s < BATCHES.length; s++) {
            DMatrixRMaj x = new DMatrixRMaj(BATCHES[s], IN);
            int[] y = new int[BATCHES[s]];
            d.gather(idx, from, BATCHES[s], x, y);
            losses[s] = net.lossAndGradient(x, y);
            if (s == 0) {
                first = gradient(net);
            }
            opt.step();
            from += BATCHES[s];
        }
        return new Run(flat(net), losses, first);
    }

    static Run sharded(int threads, Reduction reduction, Function<List<Param>, Optimizer> optimizer) {
        Dataset d = data(160, 1);
        Sequential net = net(7, reduction);
        try (ShardedDataParallel sdp = new ShardedDataParallel(net, threads, optimizer)) {
            assertEquals(threads, sdp.threads());
            int[] idx = SynchronousDataParallelTest.order(160);
            double[] losses = new double[BATCHES.length];
            double[] first = null;
            int from = 0;
            for (int s = 0; s < BATCHES.length; s++) {
                losses[s] = sdp.step(d, idx, from, BATCHES[s]);
                if (s == 0) {
                    first = gradient(net);
                }
                from += BATCHES[s];
            }
            return new Run(flat(net), losses, first);
        }
    }

    static double[] gradient(Sequential net) {
        int n = net.parameterCount(), k = 0;
        double[] g = new double[n];
        for (Param p : net.params()) {
            System.arraycopy(p.grad().data, 0, g, k, p.size());
            k += p.size();
        }
        return g;
    }

    /** max |a − b| ≤ tol · max |a| (and the same length). */
    static void assertClose(double[] a, double[] b, double tol, String what) {
        assertEquals(a.length, b.length, what + ": lengths");
        double scale = 0, diff = 0;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.abs(a[i]));
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
        }
        assertTrue(scale > 0, what + ": all zero");
        assertTrue(diff <= tol * scale, what + ": max |Δ| = " + diff + " against max |a| = " + scale);
    }

    @Test
    void adamTrainingEqualsThePlainPathOnOneTwoThreeAndFiveThreads() {
        Function<List<Param>, Optimizer> adam = p -> new Adam(p, 0.01);
        Run plain = plain(Reduction.MEAN, adam);
        for (int threads : new int[]{1, 2, 3, 5}) {
            Run run = sharded(threads, Reduction.MEAN, adam);
            // the same products cut into other blocks: at most rounding inside BLAS differs
            assertClose(plain.firstGradient, run.firstGradient, 1e-14, threads + " threads, gradient of step 0");
            assertClose(plain.theta, run.theta, 1e-13, threads + " threads, θ after " + BATCHES.length + " steps");
            assertClose(plain.losses, run.losses, 1e-14, threads + " threads, losses");
        }
    }

    @Test
    void anUnslicedOptimizerAndTheSumReductionAlsoMatch() {
        Function<List<Param>, Optimizer> momentum = p -> new Momentum(p, 0.001, 0.9);
        Run plain = plain(Reduction.SUM, momentum);
        Run run = sharded(2, Reduction.SUM, momentum);
        assertClose(plain.firstGradient, run.firstGradient, 1e-14, "gradient of step 0 (sum)");
        assertClose(plain.theta, run.theta, 1e-13, "θ with momentum");
        assertClose(plain.losses, run.losses, 1e-14, "losses (sum)");
        try (ShardedDataParallel sdp = new ShardedDataParallel(net(7, Reduction.SUM), 2, momentum)) {
            assertFalse(sdp.slicedOptimizerStep(), "momentum steps once on the caller");
        }
    }

    @Test
    void aRunIsBitForBitTheSameFromRunToRun() {
        Function<List<Param>, Optimizer> adamw = p -> AdamW.withPyTorchWeightDecay(p, 0.01, 0.1);
        Run a = sharded(2, Reduction.MEAN, adamw), b = sharded(2, Reduction.MEAN, adamw);
        assertTrue(Arrays.equals(a.theta, b.theta) && Arrays.equals(a.losses, b.losses), "two runs on 2 threads differ");
        Run c = sharded(3, Reduction.MEAN, adamw), e = sharded(3, Reduction.MEAN, adamw);
        assertTrue(Arrays.equals(c.theta, e.theta), "two runs on 3 threads differ");
    }

    @Test
    void theShardsCoverEveryWeightRowOnce() {
        try (ShardedDataParallel sdp = new ShardedDataParallel(net(1, Reduction.MEAN), 3, p -> new Adam(p, 0.01))) {
            int[] sizes = {IN, 20, 12, 11};
            for (int l = 0; l < sizes.length; l++) {
                int next = 0;
                for (int t = 0; t < 3; t++) {
                    int[] r = sdp.weightRows(l, t);
                    assertEquals(next, r[0], "layer " + l + ", thread " + t + " starts where the previous ended");
                    assertTrue(r[1] - r[0] >= sizes[l] / 3 && r[1] - r[0] <= sizes[l] / 3 + 1, "uneven shard " + Arrays.toString(r));
                    next = r[1];
                }
                assertEquals(sizes[l], next, "layer " + l + " is covered");
            }
        }
    }

    @Test
    void stepFromTheDataSetEqualsStepOnAGatheredBatch() {
        Dataset d = data(96, 2);
        int[] idx = SynchronousDataParallelTest.order(96);
        DMatrixRMaj x = new DMatrixRMaj(40, IN);
        int[] y = new int[40];
        Sequential na = net(3, Reduction.MEAN), nb = net(3, Reduction.MEAN);
        try (ShardedDataParallel a = new ShardedDataParallel(na, 2, p -> new Adam(p, 0.01));
             ShardedDataParallel b = new ShardedDataParallel(nb, 2, p -> new Adam(p, 0.01))) {
            for (int s = 0; s < 6; s++) {
                int from = (s * 40) % 56;
                d.gather(idx, from, 40, x, y);
                assertEquals(a.step(x, y), b.step(d, idx, from, 40), 0.0);
            }
            assertTrue(Arrays.equals(flat(na), flat(nb)));
        }
    }

    @Test
    void aStepAllocatesNothingAfterWarmUpOnAnyThread() {
        try (ShardedDataParallel sdp = new ShardedDataParallel(net(5, Reduction.MEAN), 2, p -> new Adam(p, 1e-3))) {
            long perStep = ParallelTest.bytesPerStepOfUnevenBatches(sdp::step, sdp.workerThreadIds());
            assertTrue(perStep < AllocationTest.NO_OBJECT, "a sharded step allocated " + perStep
                    + " bytes on the caller and the worker together");
        }
    }

    @Test
    void nanInTheBatchNamesItsRowAndLeavesThetaAlone() {
        Dataset d = data(64, 5);
        Sequential net = net(5, Reduction.MEAN);
        try (ShardedDataParallel sdp = new ShardedDataParallel(net, 2, p -> new Adam(p, 1e-3))) {
            DMatrixRMaj x = d.x().copy();
            x.set(40, 3, Double.NaN);          // row 40 is fetched by the second thread
            double[] before = flat(net);
            var e = assertThrows(NonFiniteInputException.class, () -> sdp.step(x, d.labels()));
            assertEquals(40, e.row());
            assertEquals(3, e.column());
            assertTrue(Arrays.equals(before, flat(net)), "a failed step must not update θ");
            assertEquals(0, sdp.optimizer().steps(), "nor count as an optimizer step");
            double loss = sdp.step(d.x(), d.labels());
            assertTrue(Double.isFinite(loss) && sdp.optimizer().steps() == 1, "the next step works");
        }
    }

    @Test
    void aDivergingLossIsReportedAsSuchAndNotApplied() {
        Dataset d = data(64, 5);
        Sequential net = net(5, Reduction.MEAN);
        ((Linear) net.layers().get(5)).weight().value().set(0, 0, Double.POSITIVE_INFINITY);
        try (ShardedDataParallel sdp = new ShardedDataParallel(net, 2, p -> new Adam(p, 1e-3))) {
            double[] before = flat(net);
            var e = assertThrows(NonFiniteLossException.class, () -> sdp.step(d.x(), d.labels()));
            assertTrue(e.getMessage().contains("SoftmaxCrossEntropy"), e.getMessage());
            assertTrue(Arrays.equals(before, flat(net)), "θ must not change");
            assertEquals(0, sdp.optimizer().steps());
        }
    }

    @Test
    void aLabelOutsideTheClassesIsNamed() {
        Dataset d = data(20, 5);
        try (ShardedDataParallel sdp = new ShardedDataParallel(net(5, Reduction.MEAN), 2, p -> new Adam(p, 1e-3))) {
            int[] y = d.labels().clone();
            y[15] = 3;
            var e = assertThrows(IllegalArgumentException.class, () -> sdp.step(d.x(), y));
            assertTrue(e.getMessage().contains("label 3 of example 15"), e.getMessage());
        }
    }

    @Test
    void unsupportedNetworksOptimizersAndShapesAreRefusedByName() {
        Random rng = new Random(1);
        Sequential bn = new Sequential(new SoftmaxCrossEntropy(), new Linear("a", 4, 8, Init.he(), rng),
                new BatchNorm("bn", 8), new ReLU(), new Linear("b", 8, 3, Init.he(), rng));
        var e = assertThrows(IllegalArgumentException.class, () -> new ShardedDataParallel(bn, 2, p -> new Adam(p, 1e-3)));
        assertTrue(e.getMessage().contains("layer 1") && e.getMessage().contains("bn"), e.getMessage());
        Sequential endsInActivation = new Sequential(new SoftmaxCrossEntropy(), new Linear("a", 4, 3, Init.he(), rng), new ReLU());
        e = assertThrows(IllegalArgumentException.class, () -> new ShardedDataParallel(endsInActivation, 2, p -> new Adam(p, 1e-3)));
        assertTrue(e.getMessage().contains("layer 1"), e.getMessage());
        Sequential squared = new Sequential(new SquaredError(), new Linear("a", 4, 3, Init.he(), rng));
        e = assertThrows(IllegalArgumentException.class, () -> new ShardedDataParallel(squared, 2, p -> new Adam(p, 1e-3)));
        assertTrue(e.getMessage().contains("SquaredError"), e.getMessage());
        Linear shared = new Linear("s", 4, 4, Init.he(), rng);
        Sequential twice = new Sequential(new SoftmaxCrossEntropy(), shared, new ReLU(), shared);
        e = assertThrows(IllegalArgumentException.class, () -> new ShardedDataParallel(twice, 2, p -> new Adam(p, 1e-3)));
        assertTrue(e.getMessage().contains("appears twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ShardedDataParallel(net(1, Reduction.MEAN), 0, p -> new Adam(p, 1e-3)));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ShardedDataParallel(net(1, Reduction.MEAN), 2, p -> new Nesterov(p)));
        assertTrue(e.getMessage().contains("Nesterov"), e.getMessage());
        try (ShardedDataParallel sdp = new ShardedDataParallel(net(1, Reduction.MEAN), 2, p -> new Adam(p, 1e-3))) {
            e = assertThrows(IllegalArgumentException.class, () -> sdp.step(new DMatrixRMaj(4, 5), new int[4]));
            assertTrue(e.getMessage().contains("4x5") && e.getMessage().contains("6 inputs"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> sdp.step(new DMatrixRMaj(4, IN), new int[3]));
            assertTrue(e.getMessage().contains("3 labels"), e.getMessage());
        }
    }

    @Test
    void closeStopsTheWorkersAndLaterStepsAreRefused() throws Exception {
        Dataset d = data(30, 6);
        ShardedDataParallel sdp = new ShardedDataParallel(net(5, Reduction.MEAN), 3, p -> new Adam(p, 1e-3));
        sdp.step(d.x(), d.labels());
        ParallelTest.assertCloseStopsTheWorkers(sdp, sdp.workerThreadIds(), () -> sdp.step(d.x(), d.labels()));
    }
}
