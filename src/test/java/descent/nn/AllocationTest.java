package descent.nn;

import descent.init.Init;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After warm-up a training step reuses every buffer: the hot path allocates (almost) nothing. {@link #bytesPerStep}
 * and {@link #randomBatch} serve the other allocation tests too (batch normalization's).
 */
public class AllocationTest {

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
        // one batch of activations alone would be 32·32·8 = 8 KB; allow a few bytes of JIT/JNI noise per step
        assertTrue(perStep < 256, "a training step allocated " + perStep + " bytes after warm-up");
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
        // the im2col matrix alone is 9·16·144·8 = 166 KB; allow a few bytes of JIT/JNI noise per step
        assertTrue(perStep < 256, "a conv-net training step allocated " + perStep + " bytes after warm-up");
    }

    /** Bytes this thread allocates per call of {@code step}, averaged over 100 calls after 200 warm-up calls. */
    public static long bytesPerStep(Runnable step) {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 200; i++) {
            step.run();
        }
        long tid = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 100; i++) {
            step.run();
        }
        return (bean.getThreadAllocatedBytes(tid) - before) / 100;
    }
}
