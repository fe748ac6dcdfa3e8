package descent.parallel;

import descent.data.Dataset;
import descent.nn.AllocationTest;
import descent.nn.NonFiniteInputException;
import descent.nn.Sequential;
import descent.optim.Adam;
import descent.optim.AdamW;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static descent.parallel.ParallelTest.data;
import static descent.parallel.ParallelTest.flat;
import static descent.parallel.ParallelTest.mlp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast path of {@link SynchronousDataParallel}: long-lived workers, the all-reduce and Adam's update split by
 * parameter range. It must compute what plain single-thread training computes (to rounding, or bit for bit with one
 * shard), give the same bits on any number of threads, and allocate nothing per step.
 */
class SynchronousDataParallelTest {

    /** Plain training: gather the batch, lossAndGradient, Adam.step() on this thread. */
    static double[] plainAdam(int steps, double[] losses) {
        Dataset d = data(96, 1);
        Sequential net = mlp(7).get();
        Adam adam = new Adam(net.params(), 0.01);
        DMatrixRMaj x = new DMatrixRMaj(32, 6);
        int[] y = new int[32], idx = order(96);
        for (int s = 0; s < steps; s++) {
            d.gather(idx, 32 * (s % 3), 32, x, y);
            losses[s] = net.lossAndGradient(x, y);
            adam.step();
        }
        return flat(net);
    }

    static double[] dataParallelAdam(int threads, int shards, int steps, double[] losses) {
        Dataset d = data(96, 1);
        try (SynchronousDataParallel dp = new SynchronousDataParallel(mlp(7), threads, shards, p -> new Adam(p, 0.01))) {
            assertTrue(dp.slicedOptimizerStep(), "Adam's update is split across the threads");
            int[] idx = order(96);
            for (int s = 0; s < steps; s++) {
                losses[s] = dp.step(d, idx, 32 * (s % 3), 32);
            }
            return flat(dp.master());
        }
    }

    static int[] order(int n) {
        int[] idx = new int[n];
        Arrays.setAll(idx, i -> (i * 37) % n);   // a fixed permutation (37 is prime to 96)
        return idx;
    }

    @Test
    void oneShardWithAdamIsPlainTrainingBitForBit() {
        double[] l0 = new double[12], l1 = new double[12], l2 = new double[12];
        double[] plain = plainAdam(12, l0);
        assertTrue(Arrays.equals(plain, dataParallelAdam(1, 1, 12, l1)), "S = 1, T = 1 differs from plain Adam");
        // with one shard and two threads, thread 1 computes nothing but applies Adam to its half of θ
        assertTrue(Arrays.equals(plain, dataParallelAdam(2, 1, 12, l2)), "S = 1, T = 2 differs from plain Adam");
        assertTrue(Arrays.equals(l0, l1) && Arrays.equals(l0, l2), "the losses differ");
    }

    @Test
    void manyShardsWithAdamAgreeWithPlainTrainingToRounding() {
        double[] l0 = new double[12], l1 = new double[12];
        double[] plain = plainAdam(12, l0), four = dataParallelAdam(2, 4, 12, l1);
        double scale = 0, diff = 0;
        for (int i = 0; i < plain.length; i++) {
            scale = Math.max(scale, Math.abs(plain[i]));
            diff = Math.max(diff, Math.abs(plain[i] - four[i]));
        }
        // the shards' gradients are summed in another order than the batch's rows: only rounding differs
        assertTrue(diff <= 1e-14 * scale, "max |Δθ| = " + diff + " against max |θ| = " + scale);
        assertTrue(diff > 0, "four shards should not be bit-identical to one batch (the sum is reordered)");
        for (int s = 0; s < 12; s++) {
            assertEquals(l0[s], l1[s], 1e-15 * Math.abs(l0[s]), "loss of step " + s);
        }
    }

    @Test
    void adamStepsAreBitIdenticalOnOneTwoAndThreeThreads() {
        double[] l = new double[15];
        double[] one = dataParallelAdam(1, 4, 15, l);
        assertTrue(Arrays.equals(one, dataParallelAdam(2, 4, 15, l)), "2 threads differ from 1");
        assertTrue(Arrays.equals(one, dataParallelAdam(3, 4, 15, l)), "3 threads differ from 1 (uneven ranges)");
        assertTrue(Arrays.equals(one, dataParallelAdam(5, 4, 15, l)), "5 threads (one without a shard) differ from 1");
    }

    @Test
    void stepFromTheDataSetEqualsGatherThenStep() {
        Dataset d = data(96, 2);
        int[] idx = order(96);
        DMatrixRMaj x = new DMatrixRMaj(40, 6);
        int[] y = new int[40];
        try (SynchronousDataParallel a = new SynchronousDataParallel(mlp(3), 2, 3, p -> AdamW.withPyTorchWeightDecay(p, 0.01, 0.1));
             SynchronousDataParallel b = new SynchronousDataParallel(mlp(3), 2, 3, p -> AdamW.withPyTorchWeightDecay(p, 0.01, 0.1))) {
            for (int s = 0; s < 6; s++) {
                int from = (s * 40) % 56;
                d.gather(idx, from, 40, x, y);
                assertEquals(a.step(x, y), b.step(d, idx, from, 40), 0.0);
            }
            assertTrue(Arrays.equals(flat(a.master()), flat(b.master())));
        }
    }

    @Test
    void aStepAllocatesNothingAfterWarmUpOnAnyThread() {
        try (SynchronousDataParallel dp = new SynchronousDataParallel(mlp(5), 2, 2, p -> new Adam(p, 1e-3))) {
            long perStep = ParallelTest.bytesPerStepOfUnevenBatches(dp::step, dp.workerThreadIds());
            assertTrue(perStep < AllocationTest.NO_OBJECT, "a data-parallel step allocated " + perStep
                    + " bytes on the caller and the worker together");
        }
    }

    @Test
    void aFailingWorkerReportsItsErrorAndTheNextStepStillWorks() {
        Dataset d = data(64, 5);
        try (SynchronousDataParallel dp = new SynchronousDataParallel(mlp(5), 2, 2, p -> new Adam(p, 1e-3))) {
            DMatrixRMaj x = d.x().copy();
            x.set(40, 3, Double.NaN);          // row 40 is in shard 1, computed by the second thread
            double[] before = flat(dp.master());
            var e = assertThrows(NonFiniteInputException.class, () -> dp.step(x, d.labels()));
            assertTrue(e.getMessage().contains("row 8"), e.getMessage());   // row 8 of the 32-row shard
            assertTrue(Arrays.equals(before, flat(dp.master())), "a failed step must not update θ");
            assertEquals(0, dp.optimizer().steps(), "nor count as an optimizer step");
            double loss = dp.step(d.x(), d.labels());
            assertTrue(Double.isFinite(loss) && dp.optimizer().steps() == 1);
        }
    }

    @Test
    void closeStopsTheWorkersAndLaterStepsAreRefused() throws Exception {
        Dataset d = data(30, 6);
        SynchronousDataParallel dp = new SynchronousDataParallel(mlp(5), 3, 3, p -> new Adam(p, 1e-3));
        dp.step(d.x(), d.labels());
        ParallelTest.assertCloseStopsTheWorkers(dp, dp.workerThreadIds(), () -> dp.step(d.x(), d.labels()));
    }
}
