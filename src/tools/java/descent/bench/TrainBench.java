package descent.bench;

import descent.data.Dataset;
import descent.data.FashionMnist;
import descent.init.Init;
import descent.linalg.Blas;
import descent.nn.Linear;
import descent.nn.Param;
import descent.nn.ReLU;
import descent.nn.Sequential;
import descent.nn.SoftmaxCrossEntropy;
import descent.optim.Adam;
import descent.parallel.SynchronousDataParallel;
import descent.parallel.ShardedDataParallel;
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
 * each side, then with two.
 *
 * <p>Each Descent run is a fresh JVM (OpenBLAS reads its thread count once, when it loads) that loads the data set once,
 * takes {@link #WARMUP} warm-up steps, then times one epoch (PyTorch takes {@link #TORCH_WARMUP}). One thread: the
 * plain path (Fisher–Yates shuffle, gather each batch into a buffer allocated once, {@code Sequential.lossAndGradient}, {@code Adam.step()}), split into GEMM
 * (time inside {@code Blas.gemm}) and the rest. T &gt; 1 threads: {@link ShardedDataParallel} with T Java threads and
 * {@code OPENBLAS_NUM_THREADS=1} (data parallelism without replicas: each thread's rows forward and backward, then its
 * rows of every weight gradient over the whole batch and their Adam step), split for thread 0 into its rows, its shard,
 * GEMM and the waits at the barriers; for comparison also {@link SynchronousDataParallel} (replicas and an all-reduce,
 * Aggarwal §3.7.2) and the plain path with {@code OPENBLAS_NUM_THREADS=T}. PyTorch's T-thread row is {@code torch.set_num_threads(T)} (intra-op
 * threads), its peer script {@code src/bench/python/train_torch.py}. Each row reports the bytes its threads allocated
 * per step after warm-up and the peak heap.
 *
 * <p>{@code ./descent bench train [THREADS...] [--rounds R] [--shards S] [--no-replicas] [--no-openblas-threads]}: default thread counts 1 and 2, one round; with R rounds each configuration runs R times,
 * alternating the two sides, and the medians are reported. The last line is
 * {@code train: Descent X s/epoch, PyTorch Y s/epoch, ratio Z×} for one thread.
 */
public final class TrainBench {

    private TrainBench() {
    }

    /**
     * Descent's warm-up steps before the timed epoch (not timed). HotSpot compiles a method with C2 once it has run
     * about 15 000 times counting its loops' iterations; the step's top-level methods run once or twice a step, so
     * with 200 warm-up steps they were still being compiled during the timed epoch — on a core the two-thread run
     * needs (the one-thread run leaves the other core to the compiler). After 1500 steps no Descent method is
     * compiled during the epoch (checked with {@code -Xlog:jit+compilation=debug}).
     */
    static final int WARMUP = 1500;

    /** PyTorch's warm-up steps: its step is compiled C++ from the start, so a few hundred steps settle its allocator. */
    static final int TORCH_WARMUP = 200;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(Integer.parseInt(args[1]), Integer.parseInt(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : WARMUP);
            return;
        }
        List<Integer> threads = new ArrayList<>();
        int rounds = 1, shards = 0;
        boolean blasRow = true, replicaRow = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = positive(args, ++i);
                case "--shards" -> shards = positive(args, ++i);
                case "--no-openblas-threads" -> blasRow = false;
                case "--no-replicas" -> replicaRow = false;
                case "-h", "--help" -> {
                    System.out.println("""
                            Usage: ./descent bench train [THREADS ...] [--rounds R] [--shards S] [--no-replicas] [--no-openblas-threads]
                              THREADS   thread counts to run (default 1 2)
                              --rounds R             run every configuration R times (each round: Descent at every thread count back to back, then
                                                     PyTorch and the comparison rows); report medians (default 1)
                              --shards S             shards of each batch for the comparison row with replicas (default: the thread count)
                              --no-replicas          skip the comparison rows with replicas and an all-reduce (SynchronousDataParallel)
                              --no-openblas-threads  skip the comparison rows that thread OpenBLAS itself on the plain path
                            Rows: 1 thread = the plain path (OPENBLAS_NUM_THREADS=1); T > 1 threads = ShardedDataParallel with T
                            threads and OPENBLAS_NUM_THREADS=1 each; PyTorch uses torch.set_num_threads(T) (intra-op).""");
                    return;
                }
                default -> {
                    if (!args[i].matches("[1-9][0-9]*")) {
                        System.err.println("bench train: '" + args[i] + "' is neither a thread count (a positive integer) nor an "
                                + "option; see ./descent bench train --help");
                        System.exit(2);
                    }
                    threads.add(Integer.parseInt(args[i]));
                }
            }
        }
        if (threads.isEmpty()) {
            threads = List.of(1, 2);
        }
        System.out.println("one epoch: 60000 Fashion-MNIST images, batches of 128, 784-256-128-10 ReLU, softmax CE, Adam 1e-3, float64, "
                + WARMUP + " untimed warm-up steps for Descent (the JIT), " + TORCH_WARMUP + " for PyTorch");
        System.out.printf(Locale.ROOT, "machine: %d cores, load average %.2f at start%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("Descent, 1 thread: the plain path (gather a batch of 128, Sequential.lossAndGradient, Adam.step)");
        System.out.println("Descent, T > 1 threads: ShardedDataParallel (each thread forward and backward on its rows of the batch; "
                + "after one barrier each computes its rows of every weight gradient over the whole batch and their Adam step), "
                + "OPENBLAS_NUM_THREADS=1 in each");
        System.out.println("PyTorch, T threads: torch.set_num_threads(T) (its intra-op threads: what a PyTorch user gets)");
        Map<Integer, double[]> results = new HashMap<>();
        Map<Integer, Double> blasResults = new HashMap<>(), replicaResults = new HashMap<>(), stepMedians = new HashMap<>();
        // every round runs each configuration once, Descent's thread counts back to back, so that a drift of the machine's
        // speed between minutes (the host's other tenants) falls on both sides of a speed-up alike
        Map<Integer, List<Map<String, Double>>> descentRuns = new HashMap<>(), replicaByT = new HashMap<>(), blasByT = new HashMap<>();
        Map<Integer, double[]> torchByT = new HashMap<>();
        for (int t : threads) {
            descentRuns.put(t, new ArrayList<>());
            replicaByT.put(t, new ArrayList<>());
            blasByT.put(t, new ArrayList<>());
            torchByT.put(t, new double[rounds]);
        }
        for (int r = 0; r < rounds; r++) {
            for (int t : threads) {
                descentRuns.get(t).add(runChild(t == 1 ? 0 : t, 0, 1));
            }
            for (int t : threads) {
                torchByT.get(t)[r] = runTorch(t);
                if (t > 1 && replicaRow) {
                    replicaByT.get(t).add(runChild(t, shards == 0 ? t : shards, 1));
                }
                if (t > 1 && blasRow) {
                    blasByT.get(t).add(runChild(0, 0, t));
                }
            }
        }
        for (int t : threads) {
            boolean plain = t == 1;
            int s = shards == 0 ? t : shards;
            List<Map<String, Double>> runs = descentRuns.get(t), blasRuns = blasByT.get(t), replicaRuns = replicaByT.get(t);
            double[] d = seconds(runs), p = torchByT.get(t), o = seconds(blasRuns), q = seconds(replicaRuns);
            // the split printed with a median is the split of the round nearest that median, so that its parts add up
            Map<String, Double> last = runs.get(nearest(d, median(d)));
            double dm = median(d), pm = median(p);
            results.put(t, new double[]{dm, pm});
            double[] med = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                med[r] = runs.get(r).get("stepMedianMs");
            }
            stepMedians.put(t, median(med));
            if (plain) {
                System.out.printf(Locale.ROOT, "threads %d: Descent %.2f s/epoch (GEMM %.2f s, the rest %.2f s: gather %.2f, "
                                + "Adam %.2f, activations/loss/other %.2f), %.0f bytes allocated per step after warm-up, peak heap %.0f MB%n",
                        t, dm, last.get("gemm"), last.get("seconds") - last.get("gemm"), last.get("gather"), last.get("adam"),
                        last.get("seconds") - last.get("gemm") - last.get("gather") - last.get("adam"), last.get("allocPerStep"),
                        last.get("peakHeapMB"));
            } else {
                double rows = last.get("rows0"), shard = last.get("shard0"), gemm = last.get("gemm");
                System.out.printf(Locale.ROOT, "threads %d: Descent %.2f s/epoch, sharded data parallel (%d threads): thread 0 computing "
                                + "%.2f s (its rows: fetch, forward, loss, backward %.2f s; its shard: weight gradients and Adam %.2f s; "
                                + "GEMM %.2f s of it, the rest %.2f s), waiting at the barriers %.2f s (the slowest thread waited %.2f s); "
                                + "%.0f bytes allocated per step after warm-up (all threads), peak heap %.0f MB%n",
                        t, dm, t, rows + shard, rows, shard, gemm, rows + shard - gemm, last.get("wait0"), minWait(last, t),
                        last.get("allocPerStep"), last.get("peakHeapMB"));
            }
            if (!replicaRuns.isEmpty()) {
                double qm = median(q);
                replicaResults.put(t, qm);
                Map<String, Double> rr = replicaRuns.get(nearest(q, qm));
                double shardPhase = rr.get("shardPhase"), update = rr.get("reduceAdam"), busy = rr.get("busy0");
                double slowest = 0;
                for (int w = 0; w < t; w++) {
                    slowest = Math.max(slowest, rr.get("busy" + w));
                }
                System.out.printf(Locale.ROOT, "threads %d, for comparison: Descent %.2f s/epoch with replicas and an all-reduce "
                                + "(SynchronousDataParallel, %d workers, %d shards): shard phase %.2f s [worker 0 computing %.2f s: GEMM "
                                + "%.2f s; the slowest worker %.2f s; barrier and skew %.2f s], all-reduce + Adam %.2f s%n",
                        t, qm, t, s, shardPhase, busy, rr.get("gemm"), slowest, shardPhase - slowest, update);
            }
            if (!blasRuns.isEmpty()) {
                double om = median(o);
                blasResults.put(t, om);
                Map<String, Double> lastBlas = blasRuns.get(nearest(o, om));
                System.out.printf(Locale.ROOT, "threads %d, for comparison: Descent %.2f s/epoch on the plain path with OPENBLAS_NUM_THREADS=%d "
                                + "(GEMM %.2f s, the rest %.2f s)%n", t, om, t, lastBlas.get("gemm"),
                        lastBlas.get("seconds") - lastBlas.get("gemm"));
            }
            System.out.printf(Locale.ROOT, "threads %d: Descent's median step %.3f ms; %.0f steps took over twice that, %.3f s beyond "
                            + "the median in all (the round nearest the median)%n", t, stepMedians.get(t), last.get("slowSteps"),
                    last.get("slowExcess"));
            System.out.printf(Locale.ROOT, "threads %d: Descent %.2f s/epoch, PyTorch %.2f s/epoch, ratio %.2f×%s%n", t, dm, pm,
                    dm / pm, rounds > 1 ? " (medians of " + rounds + ")" : "");
        }
        if (results.containsKey(1)) {
            for (int t : threads) {
                if (t > 1) {
                    double one = results.get(1)[0];
                    System.out.printf(Locale.ROOT, "speed-up with %d threads: Descent %.2f× (sharded data parallel)%s%s, PyTorch %.2f× "
                                    + "(intra-op threads)%s%n", t, one / results.get(t)[0],
                            replicaResults.containsKey(t) ? String.format(Locale.ROOT, ", Descent %.2f× (replicas + all-reduce)",
                                    one / replicaResults.get(t)) : "",
                            blasResults.containsKey(t) ? String.format(Locale.ROOT, ", Descent %.2f× (plain path, OpenBLAS threads)",
                                    one / blasResults.get(t)) : "",
                            results.get(1)[1] / results.get(t)[1], t == 2 ? " (target for Descent ≥ 1.6×)" : "");
                    double[] paired = new double[rounds];
                    for (int r = 0; r < rounds; r++) {
                        paired[r] = descentRuns.get(1).get(r).get("seconds") / descentRuns.get(t).get(r).get("seconds");
                    }
                    System.out.printf(Locale.ROOT, "speed-up with %d threads, round by round (1 and %d threads run back to back): %s, median %.2f×; "
                                    + "of Descent's median step: %.2f×%n", t, t, java.util.Arrays.stream(paired)
                                    .mapToObj(v -> String.format(Locale.ROOT, "%.2f×", v)).toList(), median(paired),
                            stepMedians.get(1) / stepMedians.get(t));
                }
            }
        }
        System.out.printf(Locale.ROOT, "load average %.2f at the end (figures measured under load are inflated)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        int first = results.containsKey(1) ? 1 : threads.get(0);
        double[] r1 = results.get(first);
        System.out.printf(Locale.ROOT, "train: Descent %.2f s/epoch, PyTorch %.2f s/epoch, ratio %.2f×%s%n", r1[0], r1[1],
                r1[0] / r1[1], first == 1 ? "" : " (" + first + " threads)");
    }

    private static double[] seconds(List<Map<String, Double>> runs) {
        return runs.stream().mapToDouble(m -> m.get("seconds")).toArray();
    }

    /** The least time any of the t threads waited at the barriers (the slowest thread's). */
    private static double minWait(Map<String, Double> run, int t) {
        double w = Double.POSITIVE_INFINITY;
        for (int i = 0; i < t; i++) {
            w = Math.min(w, run.get("wait" + i));
        }
        return w;
    }

    private static int positive(String[] args, int i) {
        if (i >= args.length || !args[i].matches("[1-9][0-9]*")) {
            System.err.println("bench train: " + args[i - 1] + " needs a positive integer, got "
                    + (i >= args.length ? "nothing" : "'" + args[i] + "'") + "; see ./descent bench train --help");
            System.exit(2);
        }
        return Integer.parseInt(args[i]);
    }

    /** The index of the entry of {@code a} nearest {@code v} (the first on a tie). */
    static int nearest(double[] a, double v) {
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            if (Math.abs(a[i] - v) < Math.abs(a[best] - v)) {
                best = i;
            }
        }
        return best;
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    /**
     * Runs {@link #child} in a fresh JVM (OpenBLAS reads its thread count once, when it loads) with {@code workers}
     * threads (0: the plain path), {@code shards} shards (0: sharded data parallel, otherwise replicas) and
     * OPENBLAS_NUM_THREADS = blasThreads;
     * returns its key=value lines.
     */
    private static Map<String, Double> runChild(int workers, int shards, int blasThreads) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TrainBench.class.getName(), "--child", String.valueOf(workers), String.valueOf(shards));
        pb.environment().put("OPENBLAS_NUM_THREADS", String.valueOf(blasThreads));
        pb.redirectErrorStream(true);
        return collect(pb, "Descent");
    }

    private static double runTorch(int threads) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "src/bench/python/train_torch.py", String.valueOf(threads),
                String.valueOf(TORCH_WARMUP));
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

    /** The benchmark's network, from the seeded {@code Random(0)} (the same initial θ for every row). */
    static Sequential network() {
        Random rng = new Random(0);
        return new Sequential(new SoftmaxCrossEntropy(),
                new Linear("fc1", 784, 256, Init.he(), rng), new ReLU(),
                new Linear("fc2", 256, 128, Init.he(), rng), new ReLU(),
                new Linear("fc3", 128, 10, Init.he(), rng));
    }

    /**
     * One timed epoch in this JVM. {@code workers} = 0: the plain path (gather, {@code lossAndGradient},
     * {@code Adam.step()} on this thread; GEMM threaded by OpenBLAS as the environment says). {@code workers} ≥ 1 and
     * {@code shards} = 0: {@link ShardedDataParallel} with that many threads; {@code shards} ≥ 1:
     * {@link SynchronousDataParallel} with that many Java threads and {@code shards} shards, one global batch per step.
     */
    static void child(int workers, int shards, int warmup) {
        Dataset train = FashionMnist.train(60000);
        int n = train.size(), batch = 128;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random shuffle = new Random(1);
        Dataset.shuffle(order, shuffle);
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long gatherNs = 0, adamNs = 0, alloc = 0;
        long[] stepNanos = new long[(n + batch - 1) / batch];   // each timed step (the gaps between steps are the loop's)
        double total = 0, seconds = 0;
        int steps = 0;
        List<Param> params;
        SynchronousDataParallel dp = null;
        Epoch epoch = null;   // the parallel paths' timed epoch
        ShardedDataParallel sdp = null;
        // GEMM timing is on from the warm-up on (the timed epoch's start only resets its totals): switching it on
        // afterwards would send JIT-compiled code that never took the timing branch back to the interpreter
        Blas.timeGemm(true);
        if (workers == 0) {
            Sequential net = network();
            params = net.params();
            Adam adam = new Adam(params, 1e-3);
            DMatrixRMaj xb = new DMatrixRMaj(batch, 784), xr = new DMatrixRMaj(n % batch == 0 ? batch : n % batch, 784);
            int[] yb = new int[batch], yr = new int[xr.numRows];
            for (int i = 0; i < warmup; i++) {
                train.gather(order, i % (n / batch) * batch, batch, xb, yb);
                net.lossAndGradient(xb, yb);
                adam.step();
            }
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
                stepNanos[steps++] = e - a;
            }
            seconds = (System.nanoTime() - t0) / 1e9;
            Blas.timeGemm(false);
            alloc = bean.getThreadAllocatedBytes(tid) - alloc0;
        } else if (shards == 0) {
            sdp = new ShardedDataParallel(network(), workers, p -> new Adam(p, 1e-3));
            params = sdp.network().params();
            ShardedDataParallel run = sdp;
            EpochStep step = (from, count) -> run.step(train, order, from, count);
            warmUp(step, warmup, n, batch);
            long[] ids = threadIds(tid, sdp.workerThreadIds());
            long[] row0 = new long[workers], shard0 = new long[workers], wait0 = new long[workers];
            for (int t = 0; t < workers; t++) {
                row0[t] = sdp.rowNanos(t);
                shard0[t] = sdp.shardNanos(t);
                wait0[t] = sdp.waitNanos(t);
            }
            epoch = timedEpoch(step, n, batch, order, shuffle, bean, ids, stepNanos);
            for (int t = 0; t < workers; t++) {
                System.out.printf(Locale.ROOT, "rows%d=%.4f%n", t, (sdp.rowNanos(t) - row0[t]) / 1e9);
                System.out.printf(Locale.ROOT, "shard%d=%.4f%n", t, (sdp.shardNanos(t) - shard0[t]) / 1e9);
                System.out.printf(Locale.ROOT, "wait%d=%.4f%n", t, (sdp.waitNanos(t) - wait0[t]) / 1e9);
            }
        } else {
            dp = new SynchronousDataParallel(TrainBench::network, workers, shards, p -> new Adam(p, 1e-3));
            params = dp.master().params();
            SynchronousDataParallel run = dp;
            EpochStep step = (from, count) -> run.step(train, order, from, count);
            warmUp(step, warmup, n, batch);
            long[] ids = threadIds(tid, dp.workerThreadIds());
            long compute0 = dp.computeNanos(), update0 = dp.updateNanos();
            long[] busy = new long[workers];
            for (int t = 0; t < workers; t++) {
                busy[t] = dp.busyNanos(t);
            }
            epoch = timedEpoch(step, n, batch, order, shuffle, bean, ids, stepNanos);
            for (int t = 0; t < workers; t++) {
                System.out.printf(Locale.ROOT, "busy%d=%.4f%n", t, (dp.busyNanos(t) - busy[t]) / 1e9);
            }
            gatherNs = dp.computeNanos() - compute0;   // here: the whole shard phase (see the output's labels)
            adamNs = dp.updateNanos() - update0;       // here: all-reduce + Adam
        }
        if (epoch != null) {
            seconds = epoch.seconds();
            total = epoch.loss();
            steps = epoch.steps();
            alloc = epoch.allocated();
        }
        System.out.printf(Locale.ROOT, "BLAS %s, OPENBLAS_NUM_THREADS=%s, %s, %d steps, %d GEMM calls on the timed thread, mean loss %.4f%n",
                Blas.implementation(), System.getenv("OPENBLAS_NUM_THREADS"), workers == 0 ? "plain path"
                        : sdp != null ? "sharded data parallel: " + workers + " thread(s), Adam "
                        + (sdp.slicedOptimizerStep() ? "split by shard" : "on one thread")
                        : "data parallel: " + workers + " worker thread(s), " + shards + " shards, Adam "
                        + (dp.slicedOptimizerStep() ? "split by parameter range" : "on one thread"),
                steps, Blas.gemmCalls(), total / steps);
        if (dp != null) {
            dp.close();
        }
        if (sdp != null) {
            sdp.close();
        }
        long hash = 1;
        for (Param prm : params) {
            for (int j = 0; j < prm.size(); j++) {
                hash = 31 * hash + Double.doubleToRawLongBits(prm.value().data[j]);
            }
        }
        System.out.printf(Locale.ROOT, "parameter checksum after the epoch: %016x (equal for runs that compute bit for bit the same)%n", hash);
        System.out.printf(Locale.ROOT, "seconds=%.4f%n", seconds);
        System.out.printf(Locale.ROOT, "gemm=%.4f%n", Blas.gemmNanos() / 1e9);
        System.out.printf(Locale.ROOT, "%s=%.4f%n", workers == 0 ? "gather" : "shardPhase", gatherNs / 1e9);
        System.out.printf(Locale.ROOT, "%s=%.4f%n", workers == 0 ? "adam" : "reduceAdam", adamNs / 1e9);
        System.out.printf(Locale.ROOT, "allocPerStep=%.1f%n", (double) alloc / steps);
        long[] sorted = java.util.Arrays.copyOf(stepNanos, steps);
        java.util.Arrays.sort(sorted);
        long slow = 0;
        for (long v : sorted) {
            slow += v > 2 * sorted[steps / 2] ? v - sorted[steps / 2] : 0;
        }
        System.out.printf(Locale.ROOT, "stepMedianMs=%.4f%n", sorted[steps / 2] / 1e6);
        System.out.printf(Locale.ROOT, "stepP99Ms=%.4f%n", sorted[steps * 99 / 100] / 1e6);
        System.out.printf(Locale.ROOT, "slowSteps=%d%n", java.util.Arrays.stream(sorted).filter(v -> v > 2 * sorted[sorted.length / 2]).count());
        System.out.printf(Locale.ROOT, "slowExcess=%.4f%n", slow / 1e9);
        System.out.printf(Locale.ROOT, "peakHeapMB=%.1f%n", peakHeap());
        System.out.printf(Locale.ROOT, "dataMB=%.1f%n", 8.0 * train.x().getNumElements() / (1 << 20));
    }

    /** One training step on the examples order[from … from+count). */
    private interface EpochStep {
        double step(int from, int count);
    }

    /** A timed epoch: its wall time, summed batch losses, steps and the bytes the threads allocated. */
    private record Epoch(double seconds, double loss, int steps, long allocated) {
    }

    /** The caller's thread id followed by the workers'. */
    private static long[] threadIds(long caller, long[] workers) {
        long[] ids = new long[workers.length + 1];
        ids[0] = caller;
        System.arraycopy(workers, 0, ids, 1, workers.length);
        return ids;
    }

    /** Untimed steps through the timed epoch's own step (so the JIT compiles that call), wrapping around the epoch. */
    private static void warmUp(EpochStep step, int steps, int n, int batch) {
        for (int i = 0; i < steps; i++) {
            step.step(i % (n / batch) * batch, batch);
        }
    }

    /**
     * One timed epoch after warm-up: reshuffles {@code order}, takes a step per batch, records each step's time in
     * {@code stepNanos}.
     */
    private static Epoch timedEpoch(EpochStep step, int n, int batch, int[] order, Random shuffle,
                                       com.sun.management.ThreadMXBean bean, long[] ids, long[] stepNanos) {
        long[] before = bean.getThreadAllocatedBytes(ids);
        double total = 0;
        int steps = 0;
        Blas.timeGemm(true);
        long t0 = System.nanoTime();
        Dataset.shuffle(order, shuffle);
        for (int from = 0; from < n; from += batch) {
            long st = System.nanoTime();
            total += step.step(from, Math.min(batch, n - from));
            stepNanos[steps++] = System.nanoTime() - st;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Blas.timeGemm(false);
        long[] after = bean.getThreadAllocatedBytes(ids);
        long alloc = 0;
        for (int i = 0; i < ids.length; i++) {
            alloc += after[i] - before[i];
        }
        return new Epoch(seconds, total, steps, alloc);
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
