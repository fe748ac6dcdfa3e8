package descent.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Hyperparameter parallelism (Aggarwal §3.7.2): independent training runs, one per configuration, on a pool of threads.
 * The runs share nothing, so there is no communication at all, and the results are the same as running them one after
 * another (each run must use its own seeded randomness and its own model).
 */
public final class ParallelRuns {

    private ParallelRuns() {
    }

    /** {@code run} applied to every configuration on {@code threads} threads; results in the order of {@code configs}. */
    public static <T, R> List<R> map(List<T> configs, Function<T, R> run, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("hyperparameter parallelism needs at least 1 thread, got " + threads);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "hyperparameter run");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T c : configs) {
                futures.add(pool.submit(() -> run.apply(c)));
            }
            List<R> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("run " + i + " (" + configs.get(i) + ") failed: " + e.getCause(), e.getCause());
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the runs", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
