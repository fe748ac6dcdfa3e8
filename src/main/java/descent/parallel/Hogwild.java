package descent.parallel;

import descent.data.Dataset;
import descent.nn.Param;
import descent.nn.Sequential;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Asynchronous, lock-free SGD in the style of Hogwild! (Niu et al. 2011; Aggarwal §3.7.2, the asynchronous parameter
 * server of Dean et al. 2012, reference [91]): T threads share one parameter vector. Each thread, independently,
 * <pre>
 *   loop: read θ (no lock: other threads may be writing it)
 *         draw a mini-batch, compute g on it with its own replica
 *         θ_j ← θ_j − ε g_j  for every j  (no lock: concurrent updates may overwrite each other)
 * </pre>
 * Nobody waits for the slowest worker; the price is that a gradient may be computed at a θ that others have changed
 * meanwhile (staleness) and that an update can be lost. On one thread it is plain sequential SGD with the same batches.
 * The parameters are plain {@code double} arrays read and written without synchronization on purpose (on a 64-bit
 * JVM a double is written whole, so entries may be stale but never torn).
 */
public final class Hogwild {

    /** The shared parameters after {@code updates} updates in total, {@code seconds} after the start. */
    public record Snapshot(double seconds, long updates, double[] theta) {
    }

    /** The outcome of a run: snapshots in time order (the first at 0 updates, the last at the end). */
    public record Run(List<Snapshot> snapshots, long updates, double seconds) {
    }

    private final Sequential shared;
    private final Supplier<Sequential> replicas;
    private final int threads;
    private final double learningRate;

    /**
     * @param replicas builds the model; called once for the shared copy and once per thread
     */
    public Hogwild(Supplier<Sequential> replicas, int threads, double learningRate) {
        if (threads < 1) {
            throw new IllegalArgumentException("Hogwild needs at least 1 thread, got " + threads);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("Hogwild: learning rate ε must be positive and finite, got " + learningRate);
        }
        this.replicas = replicas;
        this.shared = replicas.get();
        this.threads = threads;
        this.learningRate = learningRate;
    }

    /** The model whose parameters all threads update. */
    public Sequential shared() {
        return shared;
    }

    /**
     * Runs T threads, each doing {@code updatesPerThread} updates on mini-batches of {@code batchSize} drawn by walking
     * its own seeded permutation of the data (seed + t for thread t). Takes {@code snapshots} evenly spaced copies of θ
     * (by the global update count) for loss-against-time and loss-against-updates curves.
     */
    public Run run(Dataset data, int batchSize, int updatesPerThread, long seed, int snapshots) {
        if (batchSize < 1 || batchSize > data.size()) {
            throw new IllegalArgumentException("Hogwild: batch size must lie in 1 … " + data.size() + ", got " + batchSize);
        }
        if (updatesPerThread < 1 || snapshots < 1) {
            throw new IllegalArgumentException("Hogwild: updates per thread and snapshots must be ≥ 1, got "
                    + updatesPerThread + " and " + snapshots);
        }
        List<Param> target = shared.params();
        long total = (long) updatesPerThread * threads;
        long every = Math.max(1, total / snapshots);
        AtomicLong count = new AtomicLong();
        List<Snapshot> shots = Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        shots.add(new Snapshot(0, 0, flatten(target)));
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            Sequential replica = replicas.get();
            if (replica.parameterCount() != shared.parameterCount()) {
                throw new IllegalArgumentException("replica " + t + " has " + replica.parameterCount()
                        + " parameters but the shared model has " + shared.parameterCount());
            }
            Random rng = new Random(seed + t);
            Runnable body = () -> {
                List<Param> mine = replica.params();
                int n = data.size();
                int[] order = Dataset.permutation(n, rng);
                DMatrixRMaj xb = new DMatrixRMaj(batchSize, data.features());
                int[] yb = new int[batchSize];
                int at = 0;
                for (int u = 0; u < updatesPerThread; u++) {
                    if (at + batchSize > n) {
                        Dataset.shuffle(order, rng);
                        at = 0;
                    }
                    data.gather(order, at, batchSize, xb, yb);
                    at += batchSize;
                    for (int p = 0; p < mine.size(); p++) { // read θ without a lock
                        double[] src = target.get(p).value().data;
                        System.arraycopy(src, 0, mine.get(p).value().data, 0, src.length);
                    }
                    replica.lossAndGradient(xb, yb);
                    for (int p = 0; p < mine.size(); p++) { // write θ without a lock
                        double[] w = target.get(p).value().data, g = mine.get(p).grad().data;
                        for (int j = 0; j < w.length; j++) {
                            w[j] -= learningRate * g[j];
                        }
                    }
                    long c = count.incrementAndGet();
                    if (c % every == 0 && c < total) {
                        shots.add(new Snapshot((System.nanoTime() - t0) / 1e9, c, flatten(target)));
                    }
                }
            };
            Thread th = new Thread(() -> {
                try {
                    body.run();
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "hogwild worker " + t);
            workers.add(th);
        }
        if (threads == 1) {
            workers.get(0).run();
        } else {
            workers.forEach(Thread::start);
            for (Thread th : workers) {
                try {
                    th.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the Hogwild workers", e);
                }
            }
        }
        if (!failures.isEmpty()) {
            Throwable f = failures.get(0);
            throw f instanceof RuntimeException re ? re : new IllegalStateException(f);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<Snapshot> sorted = new ArrayList<>(shots);
        sorted.sort((a, b) -> Long.compare(a.updates(), b.updates()));
        sorted.add(new Snapshot(seconds, count.get(), flatten(target)));
        return new Run(List.copyOf(sorted), count.get(), seconds);
    }

    private static double[] flatten(List<Param> params) {
        int d = params.stream().mapToInt(Param::size).sum();
        double[] out = new double[d];
        int at = 0;
        for (Param p : params) {
            System.arraycopy(p.value().data, 0, out, at, p.size());
            at += p.size();
        }
        return out;
    }
}
