package descent.bench;

import descent.init.Init;
import descent.nn.Linear;
import descent.nn.ReLU;
import descent.nn.Sequential;
import descent.nn.SoftmaxCrossEntropy;
import descent.nn.norm.BatchNorm;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Times forward + backward of a 784-256-128-10 ReLU network with softmax cross-entropy on batches of 128
 * (float64, one thread) and runs the same computation in PyTorch ({@code src/bench/python/backprop_torch.py})
 * in the same run; prints both medians and the ratio Descent/PyTorch (target ≤ 1.25).
 *
 * <p>Run with {@code OPENBLAS_NUM_THREADS=1} so that both sides use one BLAS thread:
 * {@code OPENBLAS_NUM_THREADS=1 ./descent bench backprop}. Arguments: [warmup] [iterations] [repeats] [rounds];
 * each round times {@code repeats} blocks of {@code iterations} steps in Java, then runs the PyTorch peer once;
 * the figures are the medians over all blocks (Java) and over the rounds (PyTorch, each its own median).
 */
public final class BackpropBench {

    private BackpropBench() {
    }

    public static void main(String[] args) throws Exception {
        run(args, false);
    }

    /** The benchmark; with {@code batchNorm} each hidden layer is linear → batch norm → ReLU (see {@link BatchnormBench}). */
    static void run(String[] args, boolean batchNorm) throws Exception {
        int warmup = Timing.intArg(args, 0, 50);
        int iters = Timing.intArg(args, 1, 50);
        int repeats = Timing.intArg(args, 2, 5);
        Timing.printBlas();
        Random rng = new Random(0);
        Sequential net = batchNorm
                ? new Sequential(new SoftmaxCrossEntropy(),
                        new Linear("fc1", 784, 256, Init.he(), rng), BatchNorm.pytorch("bn1", 256), new ReLU(),
                        new Linear("fc2", 256, 128, Init.he(), rng), BatchNorm.pytorch("bn2", 128), new ReLU(),
                        new Linear("fc3", 128, 10, Init.he(), rng))
                : new Sequential(new SoftmaxCrossEntropy(),
                        new Linear("fc1", 784, 256, Init.he(), rng), new ReLU(),
                        new Linear("fc2", 256, 128, Init.he(), rng), new ReLU(),
                        new Linear("fc3", 128, 10, Init.he(), rng));
        DMatrixRMaj x = new DMatrixRMaj(128, 784);
        for (int k = 0; k < x.data.length; k++) {
            x.data[k] = rng.nextGaussian();
        }
        int[] y = new int[128];
        for (int i = 0; i < y.length; i++) {
            y[i] = rng.nextInt(10);
        }
        Timing timing = new Timing(() -> net.lossAndGradient(x, y));
        timing.warmUp(warmup);
        // Alternate Java and PyTorch blocks so that a change in machine load hits both sides alike.
        int rounds = Timing.intArg(args, 3, 3);
        double[] javaTimes = new double[repeats * rounds];
        double[] torchTimes = new double[rounds];
        double torchMin = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            double[] block = timing.blocks(repeats, iters);
            System.arraycopy(block, 0, javaTimes, round * repeats, repeats);
            Arrays.sort(block);
            System.out.printf(Locale.ROOT, "round %d  Descent: median %.3f ms/batch (min %.3f)%n", round + 1,
                    block[repeats / 2], block[0]);
            double[] torch = Timing.runTorch("backprop_torch.py", String.valueOf(warmup), String.valueOf(iters),
                    String.valueOf(repeats), batchNorm ? "bn" : "plain");
            torchTimes[round] = torch[0];
            torchMin = Math.min(torchMin, torch[1]);
        }
        Arrays.sort(javaTimes);
        Arrays.sort(torchTimes);
        double descent = javaTimes[javaTimes.length / 2];
        double torch = torchTimes[rounds / 2];
        System.out.printf(Locale.ROOT, "network: %s, %d parameters, batch 128, float64 (checksum %.3f)%n", net,
                net.parameterCount(), timing.checksum());
        System.out.printf(Locale.ROOT, "fastest block: Descent %.3f ms/batch, PyTorch %.3f ms/batch, ratio %.2f×%n",
                javaTimes[0], torchMin, javaTimes[0] / torchMin);
        System.out.printf(Locale.ROOT, "Descent %.3f ms/batch, PyTorch %.3f ms/batch, ratio %.2f× (medians; target ≤ 1.25×)%n",
                descent, torch, descent / torch);
    }
}
