package descent.parallel;

import descent.data.Dataset;
import descent.init.Init;
import descent.nn.Linear;
import descent.nn.Param;
import descent.nn.ReLU;
import descent.nn.Sequential;
import descent.nn.SoftmaxCrossEntropy;
import descent.nn.norm.BatchNorm;
import descent.nn.ParamsObjective;
import descent.optim.Momentum;
import descent.optim.SGD;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Aggarwal §3.7.2 on threads: synchronous all-reduce, Hogwild, hyperparameter parallelism, 8-bit gradients. */
class ParallelTest {

    static Supplier<Sequential> mlp(long seed) {
        return () -> {
            Random rng = new Random(seed);
            return new Sequential(new SoftmaxCrossEntropy(), new Linear("fc1", 6, 16, Init.he(), rng), new ReLU(),
                    new Linear("fc2", 16, 3, Init.he(), rng));
        };
    }

    static Dataset data(int n, long seed) {
        Random rng = new Random(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, 6);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < 6; j++) {
                double v = rng.nextGaussian();
                x.set(i, j, v);
                s += (j + 1) * v;
            }
            y[i] = s < -1 ? 0 : s < 1 ? 1 : 2;
        }
        return new Dataset("toy", x, y, 3);
    }

    /** A step on rows index[from … from+count) of a data set (SynchronousDataParallel.step, ShardedDataParallel.step). */
    interface DataStep {
        void step(Dataset d, int[] index, int from, int count);
    }

    /**
     * Bytes allocated per step, after warm-up, on the caller and the {@code workers}: batches of 48, 48 and a short one
     * of 32, as at the end of an epoch.
     */
    static long bytesPerStepOfUnevenBatches(DataStep step, long[] workers) {
        Dataset d = data(128, 4);
        int[] idx = SynchronousDataParallelTest.order(128);
        int[] k = {0};
        return descent.nn.AllocationTest.bytesPerStep(() -> {
            int s = k[0]++ % 3;
            step.step(d, idx, 48 * s, s == 2 ? 32 : 48);
        }, workers);
    }

    /**
     * Closes a team of three threads twice (the second close does nothing), checks that both worker threads end and
     * that a step afterwards is refused by name.
     */
    static void assertCloseStopsTheWorkers(AutoCloseable team, long[] workerIds, Runnable stepAfterClose) throws Exception {
        org.junit.jupiter.api.Assertions.assertEquals(2, workerIds.length);
        team.close();
        team.close();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getId() == workerIds[0] || t.getId() == workerIds[1]) {
                t.join(5000);
                org.junit.jupiter.api.Assertions.assertFalse(t.isAlive(), t.getName() + " still runs after close()");
            }
        }
        var e = assertThrows(IllegalStateException.class, stepAfterClose::run);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    static double[] flat(Sequential net) {
        return new ParamsObjective(net.params(), () -> 0).read(new double[net.parameterCount()]);
    }

    static double[] runSync(int threads, int shards, int steps, boolean quantize) {
        Dataset d = data(96, 1);
        try (SynchronousDataParallel dp = new SynchronousDataParallel(mlp(7), threads, shards, p -> new Momentum(p, 0.05, 0.9))) {
            if (quantize) {
                dp.quantizeGradients(64, true);
            }
            DMatrixRMaj x = new DMatrixRMaj(32, 6);
            int[] y = new int[32];
            int[] idx = new int[96];
            Arrays.setAll(idx, i -> i);
            for (int s = 0; s < steps; s++) {
                d.gather(idx, 32 * (s % 3), 32, x, y);
                dp.step(x, y);
            }
            return flat(dp.master());
        }
    }

    @Test
    void synchronousStepsAreBitIdenticalOnOneTwoAndThreeThreads() {
        double[] one = runSync(1, 4, 12, false);
        assertTrue(Arrays.equals(one, runSync(2, 4, 12, false)), "2 threads differ from 1");
        assertTrue(Arrays.equals(one, runSync(3, 4, 12, false)), "3 threads differ from 1");
        assertTrue(Arrays.equals(one, runSync(4, 4, 12, false)), "4 threads differ from 1");
        double[] q = runSync(1, 4, 12, true);
        assertTrue(Arrays.equals(q, runSync(2, 4, 12, true)), "8-bit exchange: 2 threads differ from 1");
    }

    @Test
    void oneShardIsPlainSgdBitForBitAndManyShardsAgreeToRounding() {
        Dataset d = data(64, 2);
        DMatrixRMaj x = d.x();
        int[] y = d.labels();
        Sequential ref = mlp(3).get();
        SGD sgd = new SGD(ref.params(), 0.1);
        try (SynchronousDataParallel one = new SynchronousDataParallel(mlp(3), 1, 1, p -> new SGD(p, 0.1));
             SynchronousDataParallel many = new SynchronousDataParallel(mlp(3), 2, 8, p -> new SGD(p, 0.1))) {
            for (int s = 0; s < 10; s++) {
                double l0 = sgd.step(ref.oracle(x, y));
                double l1 = one.step(x, y);
                double l2 = many.step(x, y);
                assertEquals(l0, l1, 0.0);
                assertEquals(l0, l2, 1e-14);
            }
            assertTrue(Arrays.equals(flat(ref), flat(one.master())), "S = 1 is single-thread SGD");
            assertArrayEquals(flat(ref), flat(many.master()), 1e-12);
            assertEquals(10L * 8 * 8 * ref.parameterCount(), many.bytesSent());
        }
    }

    @Test
    void unequalShardsAreWeightedByTheirRows() {
        // 10 rows in 3 shards (3, 3, 4 rows): the all-reduced gradient is the whole batch's mean gradient
        Dataset d = data(10, 4);
        Sequential ref = mlp(5).get();
        ref.lossAndGradient(d.x(), d.labels());
        double[] full = new double[ref.parameterCount()];
        int at = 0;
        for (Param p : ref.params()) {
            System.arraycopy(p.grad().data, 0, full, at, p.size());
            at += p.size();
        }
        try (SynchronousDataParallel dp = new SynchronousDataParallel(mlp(5), 2, 3, p -> new SGD(p, 0.1))) {
            dp.step(d.x(), d.labels());
            assertArrayEquals(full, dp.lastGradient(), 1e-14);
        }
    }

    @Test
    void eightBitExchangeCutsTrafficAndStillTrains() {
        try (SynchronousDataParallel dp = new SynchronousDataParallel(mlp(7), 1, 2, p -> new SGD(p, 0.1)).quantizeGradients(64, true)) {
            Dataset d = data(64, 3);
            double first = dp.step(d.x(), d.labels());
            double last = first;
            for (int s = 0; s < 60; s++) {
                last = dp.step(d.x(), d.labels());
            }
            assertTrue(last < 0.7 * first, first + " → " + last);
            int n = dp.master().parameterCount();
            assertEquals(61L * 2 * (n + 8L * ((n + 63) / 64)), dp.bytesSent());
        }
    }

    @Test
    void badSynchronousInput() {
        var t = assertThrows(IllegalArgumentException.class, () -> new SynchronousDataParallel(mlp(1), 0, 2, p -> new SGD(p, 0.1)));
        assertTrue(t.getMessage().contains("got 0"), t.getMessage());
        try (SynchronousDataParallel dp = new SynchronousDataParallel(mlp(1), 1, 4, p -> new SGD(p, 0.1))) {
            var m = assertThrows(IllegalArgumentException.class, () -> dp.step(new DMatrixRMaj(3, 6), new int[3]));
            assertTrue(m.getMessage().contains("3 rows") && m.getMessage().contains("4 shards"), m.getMessage());
        }
        Supplier<Sequential> mixed = new Supplier<>() {
            int calls;

            public Sequential get() {
                return calls++ == 0 ? mlp(1).get() : new Sequential(new SoftmaxCrossEntropy(), new Linear("x", 6, 3));
            }
        };
        assertThrows(IllegalArgumentException.class, () -> new SynchronousDataParallel(mixed, 1, 1, p -> new SGD(p, 0.1)));
    }

    @Test
    void batchNormReplicasUseTheirShardStatistics() {
        Supplier<Sequential> bnNet = () -> {
            Random rng = new Random(9);
            return new Sequential(new SoftmaxCrossEntropy(), new Linear("fc1", 6, 8, Init.he(), rng),
                    BatchNorm.pytorch("bn", 8), new ReLU(), new Linear("fc2", 8, 3, Init.he(), rng));
        };
        Dataset d = data(32, 6);
        try (SynchronousDataParallel one = new SynchronousDataParallel(bnNet, 1, 1, p -> new SGD(p, 0.1));
             SynchronousDataParallel four = new SynchronousDataParallel(bnNet, 2, 4, p -> new SGD(p, 0.1))) {
            one.step(d.x(), d.labels());
            four.step(d.x(), d.labels());
            double diff = 0;
            double[] a = one.lastGradient(), b = four.lastGradient();
            for (int i = 0; i < a.length; i++) {
                diff = Math.max(diff, Math.abs(a[i] - b[i]));
            }
            assertTrue(diff > 1e-6, "per-shard batch statistics change the gradient (no synchronized BN): " + diff);
        }
    }

    @Test
    void hogwildOnOneThreadIsSequentialSgd() {
        Dataset d = data(100, 5);
        Hogwild hw = new Hogwild(mlp(11), 1, 0.05);
        Hogwild.Run run = hw.run(d, 10, 25, 77, 5);
        // the same walk by hand: thread 0's permutation from seed 77, reshuffled when exhausted
        Sequential ref = mlp(11).get();
        SGD sgd = new SGD(ref.params(), 0.05);
        Random rng = new Random(77);
        int[] order = Dataset.permutation(100, rng);
        DMatrixRMaj xb = new DMatrixRMaj(10, 6);
        int[] yb = new int[10];
        int at = 0;
        for (int u = 0; u < 25; u++) {
            if (at + 10 > 100) {
                Dataset.shuffle(order, rng);
                at = 0;
            }
            d.gather(order, at, 10, xb, yb);
            at += 10;
            sgd.step(ref.oracle(xb, yb));
        }
        assertTrue(Arrays.equals(flat(ref), flat(hw.shared())));
        assertEquals(25, run.updates());
        assertEquals(0, run.snapshots().get(0).updates());
        assertEquals(25, run.snapshots().get(run.snapshots().size() - 1).updates());
        assertTrue(Arrays.equals(flat(ref), run.snapshots().get(run.snapshots().size() - 1).theta()));
    }

    @Test
    void hogwildOnTwoThreadsDoesEveryUpdateAndLowersTheLoss() {
        Dataset d = data(200, 6);
        Hogwild hw = new Hogwild(mlp(12), 2, 0.05);
        Sequential probe = mlp(12).get();
        ParamsObjective view = new ParamsObjective(probe.params(), () -> probe.loss(d.x(), d.labels()));
        double before = view.value(flat(hw.shared()));
        Hogwild.Run run = hw.run(d, 10, 150, 3, 10);
        assertEquals(300, run.updates());
        double after = view.value(flat(hw.shared()));
        assertTrue(after < 0.6 * before, before + " → " + after);
        for (int i = 1; i < run.snapshots().size(); i++) {
            assertTrue(run.snapshots().get(i).updates() >= run.snapshots().get(i - 1).updates());
        }
        assertThrows(IllegalArgumentException.class, () -> new Hogwild(mlp(1), 0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new Hogwild(mlp(1), 2, -0.1));
        assertThrows(IllegalArgumentException.class, () -> hw.run(d, 0, 10, 1, 1));
    }

    @Test
    void hyperparameterRunsInParallelGiveTheSequentialResultsInOrder() {
        List<Double> rates = List.of(0.01, 0.03, 0.1, 0.3);
        Dataset d = data(64, 8);
        java.util.function.Function<Double, Double> train = lr -> {
            Sequential net = mlp(2).get();
            SGD sgd = new SGD(net.params(), lr);
            for (int s = 0; s < 30; s++) {
                sgd.step(net.oracle(d.x(), d.labels()));
            }
            return net.loss(d.x(), d.labels());
        };
        List<Double> sequential = rates.stream().map(train).toList();
        assertEquals(sequential, ParallelRuns.map(rates, train, 2));
        assertEquals(sequential, ParallelRuns.map(rates, train, 1));
        var t = assertThrows(IllegalArgumentException.class, () -> ParallelRuns.map(rates, train, 0));
        assertTrue(t.getMessage().contains("got 0"));
        var fail = assertThrows(IllegalStateException.class, () -> ParallelRuns.map(List.of(1, 2), i -> {
            if (i == 2) {
                throw new ArithmeticException("boom");
            }
            return i;
        }, 2));
        assertTrue(fail.getMessage().contains("run 1 (2)") && fail.getMessage().contains("boom"), fail.getMessage());
    }

    @Test
    void eightBitRoundTripErrorIsHalfAStepAndErrorFeedbackLosesNothing() {
        Random rng = new Random(4);
        GradientQuantizer plain = new GradientQuantizer(16, false), fed = new GradientQuantizer(16, true);
        double[] sumTrue = new double[40], sumSent = new double[40];
        for (int t = 0; t < 30; t++) {
            double[] g = new double[40];
            for (int i = 0; i < 40; i++) {
                g[i] = rng.nextGaussian() * (i < 16 ? 1e-3 : 1);
            }
            double[] q = g.clone();
            plain.roundTrip(q, 40);
            for (int b = 0; b < 40; b += 16) {
                double max = 0;
                for (int i = b; i < Math.min(40, b + 16); i++) {
                    max = Math.max(max, Math.abs(g[i]));
                }
                for (int i = b; i < Math.min(40, b + 16); i++) {
                    assertTrue(Math.abs(q[i] - g[i]) <= max / 127 / 2 * (1 + 1e-12));
                    assertEquals(Math.round(q[i] / (max / 127)), plain.lastCodes()[i]);
                }
            }
            double[] f = g.clone();
            fed.roundTrip(f, 40);
            for (int i = 0; i < 40; i++) {
                sumTrue[i] += g[i];
                sumSent[i] += f[i];
            }
        }
        double[] e = fed.residual();
        for (int i = 0; i < 40; i++) {
            assertEquals(sumTrue[i], sumSent[i] + e[i], 1e-12);
        }
        assertEquals(40 + 8 * 3, plain.bytes(40));
        assertThrows(IllegalArgumentException.class, () -> new GradientQuantizer(0, true));
        assertThrows(IllegalArgumentException.class, () -> plain.roundTrip(new double[]{1, Double.NaN}, 2));
    }
}
