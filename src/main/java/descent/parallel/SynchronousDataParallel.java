package descent.parallel;

import descent.nn.Param;
import descent.nn.Sequential;
import descent.nn.ParamsObjective;
import descent.optim.Optimizer;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Synchronous data parallelism (Aggarwal §3.7.2): every worker holds a replica of the model, computes the gradient on
 * its part of the global mini-batch, and the gradients are combined (all-reduce) before one update of the shared
 * parameters; every worker waits for the slowest.
 * <pre>
 *   broadcast θ to every replica
 *   shard s = 0 … S−1 (rows [s·m/S, (s+1)·m/S) of the batch, m_s rows):  g_s = ∇θ (1/m_s) Σ_{i∈s} L_i   (in parallel)
 *   all-reduce: g = Σ_s (m_s/m) g_s, summed in the order s = 0, 1, …, S−1
 *   θ ← optimizer step with g          (g is ∇θ (1/m) Σ_i L_i, the gradient of the whole batch)
 * </pre>
 * The batch is cut into S shards that do not depend on the number of threads T (thread t computes shards t, t+T, …),
 * and the reduction order is fixed, so the run is bit-for-bit the same on 1 thread and on many. With S = 1 it is
 * plain single-thread SGD on the global batch, bit for bit; with S &gt; 1 it differs from it only by the order of
 * floating-point additions (relative 10⁻¹⁵).
 *
 * <p>Each replica's batch normalization sees only its shard's statistics (as in multi-GPU training without
 * synchronized BN). Optionally each shard's gradient goes through an 8-bit {@link GradientQuantizer} before the
 * reduction, and {@link #bytesSent()} counts the traffic. Close it to stop the threads.
 */
public final class SynchronousDataParallel implements AutoCloseable {

    private final Sequential master;
    private final ParamsObjective masterView;
    private final Optimizer optimizer;
    private final int threads;
    private final int shards;
    private final int dimension;
    private final Worker[] workers;
    private final List<Callable<Void>> tasks = new ArrayList<>();
    private final ExecutorService pool;
    private final double[] theta;
    private final double[] reduced;
    private final double[][] shardGrad;
    private final double[] shardLoss;
    private final int[] shardRows;
    private GradientQuantizer[] quantizers;
    private long bytesSent;
    private DMatrixRMaj x;
    private int[] y;

    /**
     * @param replicas  builds one replica of the model (same architecture every call; values are overwritten by the
     *                  broadcast). Called threads + 1 times: the first is the master holding the parameters.
     * @param threads   worker threads T ≥ 1
     * @param shards    shards S ≥ 1 the global batch is cut into (S ≥ T keeps every thread busy)
     * @param optimizer builds the optimizer over the master's parameters
     */
    public SynchronousDataParallel(Supplier<Sequential> replicas, int threads, int shards,
                                   Function<List<Param>, Optimizer> optimizer) {
        if (threads < 1) {
            throw new IllegalArgumentException("synchronous data parallelism needs at least 1 thread, got " + threads);
        }
        if (shards < 1) {
            throw new IllegalArgumentException("synchronous data parallelism needs at least 1 shard, got " + shards);
        }
        this.master = replicas.get();
        this.masterView = new ParamsObjective(master.params(), () -> {
            throw new IllegalStateException("the master is not evaluated");
        });
        this.optimizer = optimizer.apply(master.params());
        this.threads = threads;
        this.shards = shards;
        this.dimension = masterView.dimension();
        this.theta = new double[dimension];
        this.reduced = new double[dimension];
        this.shardGrad = new double[shards][dimension];
        this.shardLoss = new double[shards];
        this.shardRows = new int[shards + 1];
        this.workers = new Worker[threads];
        for (int t = 0; t < threads; t++) {
            Sequential replica = replicas.get();
            if (replica.parameterCount() != dimension) {
                throw new IllegalArgumentException("replica " + t + " has " + replica.parameterCount()
                        + " parameters but the master has " + dimension + ": the supplier must build the same model");
            }
            workers[t] = new Worker(t, replica);
            tasks.add(workers[t]);
        }
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "data-parallel worker");
            th.setDaemon(true);
            return th;
        });
    }

    /** Quantize every shard's gradient to 8 bits (blocks of {@code blockSize}, error feedback per shard) before the reduction. */
    public SynchronousDataParallel quantizeGradients(int blockSize, boolean errorFeedback) {
        quantizers = new GradientQuantizer[shards];
        for (int s = 0; s < shards; s++) {
            quantizers[s] = new GradientQuantizer(blockSize, errorFeedback);
        }
        return this;
    }

    /** The model whose parameters are trained (evaluate it, or copy its values). */
    public Sequential master() {
        return master;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public int threads() {
        return threads;
    }

    public int shards() {
        return shards;
    }

    /** Gradient bytes sent by the shards so far: 8 per entry for doubles, or the quantizer's count. */
    public long bytesSent() {
        return bytesSent;
    }

    /** A copy of the last all-reduced gradient g. */
    public double[] lastGradient() {
        return reduced.clone();
    }

    /** One synchronous step on the global batch (x, y); returns the mean loss over the batch before the step. */
    public double step(DMatrixRMaj x, int[] y) {
        int m = x.numRows;
        if (m < shards) {
            throw new IllegalArgumentException("the global batch has " + m + " rows but is cut into " + shards
                    + " shards: every shard needs at least one row");
        }
        if (y.length != m) {
            throw new IllegalArgumentException("global batch: " + m + " rows but " + y.length + " labels");
        }
        this.x = x;
        this.y = y;
        for (int s = 0; s <= shards; s++) {
            shardRows[s] = (int) ((long) s * m / shards);
        }
        masterView.read(theta);
        if (pool == null) {
            workers[0].call();
        } else {
            try {
                for (Future<Void> f : pool.invokeAll(tasks)) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the workers computed their gradients", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            }
        }
        java.util.Arrays.fill(reduced, 0);
        double loss = 0;
        for (int s = 0; s < shards; s++) {
            double w = (double) (shardRows[s + 1] - shardRows[s]) / m;
            double[] gs = shardGrad[s];
            for (int j = 0; j < dimension; j++) {
                reduced[j] += w * gs[j];
            }
            loss += w * shardLoss[s];
            bytesSent += quantizers == null ? 8L * dimension : quantizers[s].bytes(dimension);
        }
        int at = 0;
        for (Param p : master.params()) {
            System.arraycopy(reduced, at, p.grad().data, 0, p.size());
            at += p.size();
        }
        optimizer.step();
        return loss;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** One thread's replica; computes the shards t, t + T, … of the current batch. */
    private final class Worker implements Callable<Void> {
        private final int index;
        private final Sequential replica;
        private final ParamsObjective view;
        private final DMatrixRMaj xs = new DMatrixRMaj(1, 1);
        private int[] ys = new int[0];

        Worker(int index, Sequential replica) {
            this.index = index;
            this.replica = replica;
            this.view = new ParamsObjective(replica.params(), () -> replica.lossAndGradient(xs, ys));
        }

        @Override
        public Void call() {
            int d = x.numCols;
            for (int s = index; s < shards; s += threads) {
                int from = shardRows[s], rows = shardRows[s + 1] - from;
                xs.reshape(rows, d, false);
                System.arraycopy(x.data, from * d, xs.data, 0, rows * d);
                if (ys.length != rows) {
                    ys = new int[rows];
                }
                System.arraycopy(y, from, ys, 0, rows);
                shardLoss[s] = view.valueAndGradient(theta, shardGrad[s]);
                if (quantizers != null) {
                    quantizers[s].roundTrip(shardGrad[s], dimension);
                }
            }
            return null;
        }
    }
}
