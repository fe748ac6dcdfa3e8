package descent.bench;

import descent.init.Init;
import descent.linalg.Blas;
import descent.nn.Cache;
import descent.nn.Conv2d;
import org.ejml.data.DMatrixRMaj;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int iters = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String threads = System.getenv("OPENBLAS_NUM_THREADS");
        System.out.println("BLAS: " + Blas.implementation() + ", OPENBLAS_NUM_THREADS=" + threads);
        if (!"1".equals(threads)) {
            System.out.println("warning: set OPENBLAS_NUM_THREADS=1 for a one-thread comparison");
        }
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
        double sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += step(conv, x, g, cache);
        }
        double[] times = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < iters; i++) {
                sink += step(conv, x, g, cache);
            }
            times[r] = (System.nanoTime() - t0) / 1e6 / iters;
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "layer: %s, batch 128, float64 (checksum %.3f)%n", conv.name(), sink);
        System.out.printf(Locale.ROOT, "Descent: median %.3f ms/batch (min %.3f), forward + backward incl. ∂L/∂x%n",
                times[repeats / 2], times[0]);
        double[] torch = runTorch(warmup, iters, repeats);
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

    /** Runs the PyTorch peer; returns {median, fastest} ms per batch. */
    private static double[] runTorch(int warmup, int iters, int repeats) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "src/bench/python/conv_torch.py",
                String.valueOf(warmup), String.valueOf(iters), String.valueOf(repeats));
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        double ms = Double.NaN;
        double min = Double.NaN;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                System.out.println("         PyTorch: " + line);
                if (line.startsWith("ms_min=")) {
                    min = Double.parseDouble(line.substring("ms_min=".length()));
                }
                if (line.startsWith("ms_per_batch=")) {
                    ms = Double.parseDouble(line.substring("ms_per_batch=".length()));
                }
            }
        }
        int code = p.waitFor();
        if (code != 0 || Double.isNaN(ms)) {
            throw new IllegalStateException("the PyTorch peer failed (exit " + code + "); is python3-torch installed?");
        }
        return new double[]{ms, min};
    }
}
