package descent.bench;

import descent.init.Init;
import descent.nn.Cache;
import descent.nn.Conv2d;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Times forward + backward (weight, bias and input gradients) of one 3×3 convolution 1×28×28 → 8×28×28 (padding 1)
 * on batches of 128, float64, one thread, and runs the same computation in PyTorch
 * ({@code src/bench/python/conv_torch.py}) in the same run; prints both figures and the ratio Descent/PyTorch.
 *
 * <p>Run: {@code OPENBLAS_NUM_THREADS=1 ./descent bench conv [warmup] [iterations] [repeats]}.
 */
public final class ConvBench {

    private ConvBench() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = Timing.intArg(args, 0, 20);
        int iters = Timing.intArg(args, 1, 20);
        int repeats = Timing.intArg(args, 2, 5);
        Timing.printBlas();
        Random rng = new Random(0);
        Conv2d conv = new Conv2d("conv", 1, 28, 28, 8, 3, 1, 1, Init.he(), rng);
        DMatrixRMaj x = new DMatrixRMaj(128, 784);
        DMatrixRMaj g = new DMatrixRMaj(128, conv.outputSize());
        for (int k = 0; k < x.data.length; k++) {
            x.data[k] = rng.nextGaussian();
        }
        for (int k = 0; k < g.data.length; k++) {
            g.data[k] = rng.nextGaussian();
        }
        Cache cache = new Cache();
        Timing timing = new Timing(() -> step(conv, x, g, cache));
        timing.warmUp(warmup);
        double[] times = timing.blocks(repeats, iters);
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "layer: %s, batch 128, float64 (checksum %.3f)%n", conv.name(), timing.checksum());
        System.out.printf(Locale.ROOT, "Descent: median %.3f ms/batch (min %.3f), forward + backward incl. ∂L/∂x%n",
                times[repeats / 2], times[0]);
        double[] torch = Timing.runTorch("conv_torch.py", String.valueOf(warmup), String.valueOf(iters),
                String.valueOf(repeats));
        System.out.printf(Locale.ROOT, "fastest block: Descent %.3f ms/batch, PyTorch %.3f ms/batch, ratio %.2f×%n",
                times[0], torch[1], times[0] / torch[1]);
        System.out.printf(Locale.ROOT, "Descent %.3f ms/batch, PyTorch %.3f ms/batch, ratio %.2f× (medians)%n",
                times[repeats / 2], torch[0], times[repeats / 2] / torch[0]);
    }

    private static double step(Conv2d conv, DMatrixRMaj x, DMatrixRMaj g, Cache cache) {
        conv.weight().zeroGrad();
        conv.bias().zeroGrad();
        DMatrixRMaj y = conv.forward(x, cache);
        DMatrixRMaj gin = conv.backward(g, cache, true);
        return y.data[0] + gin.data[0];
    }
}
