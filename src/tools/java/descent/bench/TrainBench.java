package descent.bench;

import descent.data.Dataset;
import descent.data.FashionMnist;
import descent.init.Init;
import descent.linalg.Blas;
import descent.nn.Linear;
import descent.nn.ReLU;
import descent.nn.Sequential;
import descent.nn.SoftmaxCrossEntropy;
import descent.optim.Adam;
import org.ejml.data.DMatrixRMaj;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * One full epoch of Fashion-MNIST training, Descent against PyTorch 1.13 in the same run: 60 000 images in shuffled
 * minibatches of 128, 784-256-128-10 ReLU, softmax cross-entropy, Adam (ε = 10⁻³), float64; first with one thread on
 * each side, then with two ({@code OPENBLAS_NUM_THREADS} for Descent, {@code torch.set_num_threads} for PyTorch).
 *
 * <p>Each Descent run is a fresh JVM (OpenBLAS reads its thread count once, when it loads) that loads the data set once,
 * takes a few warm-up steps, then times one epoch: Fisher–Yates shuffle, gather each batch into a buffer allocated once,
 * {@code Sequential.lossAndGradient}, {@code Adam.step()}. It reports the epoch's wall time, the part spent inside
 * {@code Blas.gemm} (so the rest is shuffling, copying, activations, loss and the optimizer step), the bytes the training
 * thread allocated per step after warm-up, and the peak heap. The PyTorch peer is
 * {@code src/bench/python/train_torch.py}.
 *
 * <p>{@code ./descent bench train [THREADS...] [--rounds R]}: default thread counts 1 and 2, one round; with R rounds
 * each configuration runs R times, alternating the two sides, and the medians are reported. The last line is
 * {@code train: Descent X s/epoch, PyTorch Y s/epoch, ratio Z×} for one thread.
 */
public final class TrainBench {

    private TrainBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(Integer.parseInt(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 20);
            return;
        }
        List<Integer> threads = new ArrayList<>();
        int rounds = 1;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rounds")) {
                rounds = Integer.parseInt(args[++i]);
            } else if (args[i].equals("-h") || args[i].equals("--help")) {
                System.out.println("Usage: ./descent bench train [THREADS ...] [--rounds R]   (default threads 1 2, R = 1)");
                return;
            } else {
                threads.add(Integer.parseInt(args[i]));
            }
        }
        if (threads.isEmpty()) {
            threads = List.of(1, 2);
        }
        System.out.println("one epoch: 60000 Fashion-MNIST images, batches of 128, 784-256-128-10 ReLU, softmax CE, Adam 1e-3, float64");
        System.out.printf(Locale.ROOT, "machine: %d cores, load average %.2f at start%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Map<Integer, double[]> results = new HashMap<>();
        for (int t : threads) {
            double[] d = new double[rounds], p = new double[rounds];
            Map<String, Double> last = null;
            for (int r = 0; r < rounds; r++) {
                last = runChild(t);
                d[r] = last.get("seconds");
                p[r] = runTorch(t);
            }
            double dm = median(d), pm = median(p);
            results.put(t, new double[]{dm, pm});
            System.out.printf(Locale.ROOT, "threads %d: Descent %.2f s/epoch (GEMM %.2f s, the rest %.2f s: gather %.2f, "
                            + "Adam %.2f, activations/loss/other %.2f), %.0f bytes allocated per step after warm-up, peak heap %.0f MB%n",
                    t, dm, last.get("gemm"), last.get("seconds") - last.get("gemm"), last.get("gather"), last.get("adam"),
                    last.get("seconds") - last.get("gemm") - last.get("gather") - last.get("adam"), last.get("allocPerStep"),
                    last.get("peakHeapMB"));
            System.out.printf(Locale.ROOT, "threads %d: Descent %.2f s/epoch, PyTorch %.2f s/epoch, ratio %.2f×%s%n", t, dm, pm,
                    dm / pm, rounds > 1 ? " (medians of " + rounds + ")" : "");
        }
        if (results.containsKey(1) && results.containsKey(2)) {
            System.out.printf(Locale.ROOT, "speed-up with 2 threads: Descent %.2f×, PyTorch %.2f× (target for Descent ≥ 1.6×)%n",
                    results.get(1)[0] / results.get(2)[0], results.get(1)[1] / results.get(2)[1]);
        }
        System.out.printf(Locale.ROOT, "load average %.2f at the end (figures measured under load are inflated)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        int first = results.containsKey(1) ? 1 : threads.get(0);
        double[] r1 = results.get(first);
        System.out.printf(Locale.ROOT, "train: Descent %.2f s/epoch, PyTorch %.2f s/epoch, ratio %.2f×%s%n", r1[0], r1[1],
                r1[0] / r1[1], first == 1 ? "" : " (" + first + " threads)");
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    /** Runs {@link #child} in a fresh JVM with OPENBLAS_NUM_THREADS = threads; returns its key=value lines. */
    private static Map<String, Double> runChild(int threads) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TrainBench.class.getName(), "--child", String.valueOf(threads));
        pb.environment().put("OPENBLAS_NUM_THREADS", String.valueOf(threads));
        pb.redirectErrorStream(true);
        return collect(pb, "Descent");
    }

    private static double runTorch(int threads) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "src/bench/python/train_torch.py", String.valueOf(threads));
        pb.environment().put("OPENBLAS_NUM_THREADS", String.valueOf(threads));
        pb.environment().put("OMP_NUM_THREADS", String.valueOf(threads));
        pb.redirectErrorStream(true);
        return collect(pb, "PyTorch").get("seconds");
    }

    private static Map<String, Double> collect(ProcessBuilder pb, String who) throws Exception {
        Process p = pb.start();
        Map<String, Double> values = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                System.out.println("    " + who + ": " + line);
                int eq = line.indexOf('=');
                if (eq > 0 && line.indexOf(' ') < 0) {
                    values.put(line.substring(0, eq), Double.parseDouble(line.substring(eq + 1)));
                }
            }
        }
        int code = p.waitFor();
        if (code != 0 || !values.containsKey("seconds")) {
            throw new IllegalStateException(who + " run failed (exit " + code + ")" + (who.equals("PyTorch")
                    ? "; is python3-torch installed?" : ""));
        }
        return values;
    }

    /** One timed epoch in this JVM. */
    static void child(int threads, int warmup) {
        Dataset train = FashionMnist.train(60000);
        Random rng = new Random(0);
        Sequential net = new Sequential(new SoftmaxCrossEntropy(),
                new Linear("fc1", 784, 256, Init.he(), rng), new ReLU(),
                new Linear("fc2", 256, 128, Init.he(), rng), new ReLU(),
                new Linear("fc3", 128, 10, Init.he(), rng));
        Adam adam = new Adam(net.params(), 1e-3);
        int n = train.size(), batch = 128;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        DMatrixRMaj xb = new DMatrixRMaj(batch, 784), xr = new DMatrixRMaj(n % batch == 0 ? batch : n % batch, 784);
        int[] yb = new int[batch], yr = new int[xr.numRows];
        Random shuffle = new Random(1);
        Dataset.shuffle(order, shuffle);
        for (int i = 0; i < warmup; i++) {
            train.gather(order, i * batch, batch, xb, yb);
            net.lossAndGradient(xb, yb);
            adam.step();
        }
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long gatherNs = 0, adamNs = 0;
        double total = 0;
        int steps = 0;
        long alloc0 = bean.getThreadAllocatedBytes(tid);
        Blas.timeGemm(true);
        long t0 = System.nanoTime();
        Dataset.shuffle(order, shuffle);
        for (int from = 0; from < n; from += batch) {
            int c = Math.min(batch, n - from);
            DMatrixRMaj x = c == batch ? xb : xr;
            int[] y = c == batch ? yb : yr;
            long a = System.nanoTime();
            train.gather(order, from, c, x, y);
            long b = System.nanoTime();
            total += net.lossAndGradient(x, y);
            long s = System.nanoTime();
            adam.step();
            long e = System.nanoTime();
            gatherNs += b - a;
            adamNs += e - s;
            steps++;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Blas.timeGemm(false);
        long alloc = bean.getThreadAllocatedBytes(tid) - alloc0;
        System.out.printf(Locale.ROOT, "BLAS %s, OPENBLAS_NUM_THREADS=%s, %d steps, %d GEMM calls, mean loss %.4f%n",
                Blas.implementation(), System.getenv("OPENBLAS_NUM_THREADS"), steps, Blas.gemmCalls(), total / steps);
        long hash = 1;
        for (var prm : net.params()) {
            for (int j = 0; j < prm.size(); j++) {
                hash = 31 * hash + Double.doubleToRawLongBits(prm.value().data[j]);
            }
        }
        System.out.printf(Locale.ROOT, "parameter checksum after the epoch: %016x (equal across thread counts = bit-identical)%n", hash);
        System.out.printf(Locale.ROOT, "seconds=%.4f%n", seconds);
        System.out.printf(Locale.ROOT, "gemm=%.4f%n", Blas.gemmNanos() / 1e9);
        System.out.printf(Locale.ROOT, "gather=%.4f%n", gatherNs / 1e9);
        System.out.printf(Locale.ROOT, "adam=%.4f%n", adamNs / 1e9);
        System.out.printf(Locale.ROOT, "allocPerStep=%.1f%n", (double) alloc / steps);
        System.out.printf(Locale.ROOT, "peakHeapMB=%.1f%n", peakHeap());
        System.out.printf(Locale.ROOT, "dataMB=%.1f%n", 8.0 * train.x().getNumElements() / (1 << 20));
    }

    static double peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }
}
