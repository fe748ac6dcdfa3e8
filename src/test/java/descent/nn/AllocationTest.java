package descent.nn;

import descent.init.Init;
import descent.linalg.Blas;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After warm-up a training step reuses every buffer: the hot path allocates nothing.
 *
 * <p>The bound asserted is {@link #NO_OBJECT} bytes per step on average: every Java object takes at least 16 bytes,
 * so an average below that means the steps allocate no object at all. Measured: 0 bytes per step for the MLP and the
 * conv net and for {@code Blas.gemm} alone (through netlib's JNI wrapper), once the JIT has compiled the loop. The
 * few hundred bytes that show up now and then in the first thousands of calls come from the JVM while it compiles
 * (counted on the calling thread), not from a step; the warm-up below is long enough to be past them.
 * (The 56 bytes per step this test used to tolerate were the iterator of {@code Sequential.zeroGrad}'s for-each loop.)
 * {@link #bytesPerStep} and {@link #randomBatch} serve the other allocation tests too (batch normalization's, data
 * parallelism's).
 */
public class AllocationTest {

    /** Less than the smallest Java object: a step that allocated anything would average at least this much. */
    public static final long NO_OBJECT = 16;

    /** Inputs and labels of one minibatch. */
    public record Batch(DMatrixRMaj x, int[] y) {
    }

    /** rows × cols standard normal inputs, then rows labels uniform in [0, classes), drawn in that order from rng. */
    public static Batch randomBatch(int rows, int cols, int classes, Random rng) {
        DMatrixRMaj x = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < x.data.length; k++) {
            x.data[k] = rng.nextGaussian();
        }
        int[] y = new int[rows];
        for (int i = 0; i < y.length; i++) {
            y[i] = rng.nextInt(classes);
        }
        return new Batch(x, y);
    }

    @Test
    void aStepAllocatesNothingAfterWarmUp() {
        Random rng = new Random(0);
        Sequential net = new Sequential(new SoftmaxCrossEntropy(),
                new Linear("fc1", 64, 32, Init.he(), rng), new ReLU(),
                new Linear("fc2", 32, 16, Init.he(), rng), new Tanh(),
                new Linear("fc3", 16, 10, Init.he(), rng));
        Batch batch = randomBatch(32, 64, 10, rng);
        long perStep = bytesPerStep(() -> net.lossAndGradient(batch.x(), batch.y()));
        // one batch of activations alone would be 32·32·8 = 8 KB
        assertTrue(perStep < NO_OBJECT, "a training step allocated " + perStep + " bytes after warm-up");
    }

    @Test
    void aConvNetStepAllocatesNothingAfterWarmUp() {
        Random rng = new Random(1);
        Sequential net = new Sequential(new SoftmaxCrossEntropy(),
                new Conv2d("c1", 1, 12, 12, 4, 3, 1, 1, Init.he(), rng), new ReLU(), new MaxPool2d(4, 12, 12, 2),
                new Conv2d("c2", 4, 6, 6, 6, 3, 2, 1, Init.he(), rng), new ReLU(),
                new Linear("fc", 6 * 3 * 3, 10, Init.he(), rng));
        Batch batch = randomBatch(16, 144, 10, rng);
        long perStep = bytesPerStep(() -> net.lossAndGradient(batch.x(), batch.y()));
        // the im2col matrix alone is 9·16·144·8 = 166 KB
        assertTrue(perStep < NO_OBJECT, "a conv-net training step allocated " + perStep + " bytes after warm-up");
    }

    @Test
    void blasGemmThroughNetlibJniAllocatesNothing() {
        // the products of the benchmark's first layer (batch 128, 784 → 256), forward and both backward products
        DMatrixRMaj x = new DMatrixRMaj(128, 784), w = new DMatrixRMaj(784, 256), y = new DMatrixRMaj(128, 256);
        DMatrixRMaj gw = new DMatrixRMaj(784, 256), gx = new DMatrixRMaj(128, 784);
        long perCall = bytesPerStep(() -> {
            Blas.gemm(false, false, 1.0, x, w, 1.0, y);
            Blas.gemm(true, false, 1.0, x, y, 1.0, gw);
            Blas.gemm(false, true, 1.0, y, w, 0.0, gx);
        });
        assertTrue(perCall < NO_OBJECT, Blas.implementation() + ": three gemm calls allocated " + perCall + " bytes");
    }

    /**
     * Bytes allocated per call of {@code step}, averaged over 1000 calls after 2000 warm-up calls, by this thread plus
     * the threads {@code others} (ids, e.g. the workers of a data-parallel step).
     */
    public static long bytesPerStep(Runnable step, long... others) {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 2000; i++) {
            step.run();
        }
        long[] ids = new long[others.length + 1];
        ids[0] = Thread.currentThread().getId();
        System.arraycopy(others, 0, ids, 1, others.length);
        long[] before = bean.getThreadAllocatedBytes(ids);
        for (int i = 0; i < 1000; i++) {
            step.run();
        }
        long[] after = bean.getThreadAllocatedBytes(ids);
        long total = 0;
        for (int i = 0; i < ids.length; i++) {
            total += after[i] - before[i];
        }
        return total / 1000;
    }
}
