package descent.parallel;

import descent.data.Dataset;
import descent.nn.Param;
import descent.nn.Sequential;
import descent.optim.Optimizer;
import org.ejml.data.DMatrixRMaj;

import java.util.List;
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
 * plain single-thread training on the global batch, bit for bit; with S &gt; 1 it differs from it only by the order
 * of floating-point additions (relative 10⁻¹⁵).
 *
 * <p><b>How a step runs.</b> The calling thread is worker 0; T − 1 more threads live as long as this object and
 * wait at a barrier between steps (no task objects, futures or thread hand-offs per step). Each shard has its own
 * replica, so a shard's gradient stays in its replica's {@link Param#grad()} arrays (shard 0's are the master's own).
 * The replicas' parameter values are the master's arrays, shared: the broadcast of θ costs nothing, and nobody writes
 * θ while the replicas read it. A step has two phases separated by the barrier: (1) each thread fetches its shards'
 * rows and runs forward and backward on their replicas; (2) each thread takes a contiguous range of the flat parameter
 * vector, sums the shard gradients there in the fixed order into the master's gradient, and, when the optimizer
 * supports it
 * ({@link Optimizer#supportsSlicedSteps()}: Adam, AdamW), applies the optimizer step to that same range. Other
 * optimizers step once on the calling thread after the reduction. Splitting the reduction and the update by range
 * changes no arithmetic, so the thread count still leaves every bit alone. After warm-up a step allocates nothing.
 *
 * <p>Each replica's batch normalization sees only its shard's statistics (as in multi-GPU training without
 * synchronized BN). Optionally each shard's gradient goes through an 8-bit {@link GradientQuantizer} before the
 * reduction, and {@link #bytesSent()} counts the traffic. One thread at a time calls {@code step} (any thread; not
 * two at once). Close it to stop the threads.
 */
public final class SynchronousDataParallel implements AutoCloseable {

    // entries of the flat vector reduced and updated together in phase 2 (the optimizer then reads the reduced
    // gradient, 128 KB, from the cache)
    private static final int CHUNK = 16384;
    private final Sequential master;
    private final List<Param> masterParams;
    private final Optimizer optimizer;
    private final boolean sliced;
    private final int threads;
    private final int shards;
    private final int dimension;
    private final int[] offsets;
    private final int[] range;
    private final Replica[] replicas;
    private final WorkerTeam team;
    private final double[] shardLoss;
    private final int[] shardRows;
    private final Runnable afterShards = this::afterShards;
    private GradientQuantizer[] quantizers;
    private double[][] quantized;
    private long bytesSent;
    private double loss;
    private long computeNanos;
    private long updateNanos;
    private final long[] busyNanos;
    // the current step's batch: either x, y or rows index[from …] of data
    private DMatrixRMaj x;
    private int[] y;
    private Dataset data;
    private int[] index;
    private int from;
    private int rows;

    /**
     * @param replicas  builds one replica of the model (same architecture every call; values are overwritten by the
     *                  broadcast). Called shards + 1 times: the first is the master holding the parameters, then one
     *                  replica per shard.
     * @param threads   worker threads T ≥ 1 (the calling thread is one of them)
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
        this.masterParams = master.params();
        this.optimizer = optimizer.apply(masterParams);
        this.sliced = this.optimizer.supportsSlicedSteps();
        this.threads = threads;
        this.shards = shards;
        this.dimension = master.parameterCount();
        this.offsets = new int[masterParams.size() + 1];
        for (int i = 0; i < masterParams.size(); i++) {
            offsets[i + 1] = offsets[i] + masterParams.get(i).size();
        }
        this.range = new int[threads + 1];
        for (int t = 0; t <= threads; t++) {
            range[t] = (int) ((long) t * dimension / threads);
        }
        this.shardLoss = new double[shards];
        this.shardRows = new int[shards + 1];
        this.replicas = new Replica[shards];
        for (int s = 0; s < shards; s++) {
            Sequential replica = replicas.get();
            if (replica.parameterCount() != dimension || replica.params().size() != masterParams.size()) {
                throw new IllegalArgumentException("replica " + s + " has " + replica.parameterCount()
                        + " parameters in " + replica.params().size() + " tensors but the master has " + dimension
                        + " in " + masterParams.size() + ": the supplier must build the same model");
            }
            this.replicas[s] = new Replica(replica, s == 0);
        }
        this.busyNanos = new long[threads * 16];   // one counter per 128 bytes: no false sharing between threads
        this.team = new WorkerTeam("data-parallel worker", threads, t -> phases(t, 0));
        team.start();
    }

    /** Quantize every shard's gradient to 8 bits (blocks of {@code blockSize}, error feedback per shard) before the reduction. */
    public SynchronousDataParallel quantizeGradients(int blockSize, boolean errorFeedback) {
        quantizers = new GradientQuantizer[shards];
        quantized = new double[shards][dimension];
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

    /** True when the optimizer step is split across the threads by parameter range (Adam, AdamW). */
    public boolean slicedOptimizerStep() {
        return sliced;
    }

    /** Gradient bytes sent by the shards so far: 8 per entry for doubles, or the quantizer's count. */
    public long bytesSent() {
        return bytesSent;
    }

    /** A copy of the last all-reduced gradient g. */
    public double[] lastGradient() {
        double[] g = new double[dimension];
        for (int i = 0; i < masterParams.size(); i++) {
            System.arraycopy(masterParams.get(i).grad().data, 0, g, offsets[i], masterParams.get(i).size());
        }
        return g;
    }

    /**
     * Wall time the calling thread spent so far in phase 1 of the steps (broadcast, fetching rows, forward and
     * backward on every shard, until the slowest thread is done), in nanoseconds.
     */
    public long computeNanos() {
        return computeNanos;
    }

    /** Nanoseconds thread t spent so far computing its shards in phase 1 (not waiting for the others). */
    public long busyNanos(int t) {
        return busyNanos[16 * t];
    }

    /** Wall time spent so far in phase 2 (all-reduce and optimizer step), in nanoseconds. */
    public long updateNanos() {
        return updateNanos;
    }

    /** The ids of the T − 1 threads this object started (the caller is worker 0), e.g. to measure their allocation. */
    public long[] workerThreadIds() {
        return team.workerThreadIds();
    }

    /** One synchronous step on the global batch (x, y); returns the mean loss over the batch before the step. */
    public double step(DMatrixRMaj x, int[] y) {
        int m = x.numRows;
        if (y.length != m) {
            throw new IllegalArgumentException("global batch: " + m + " rows but " + y.length + " labels");
        }
        this.x = x;
        this.y = y;
        this.data = null;
        return run(m);
    }

    /**
     * One synchronous step on the global batch made of the examples {@code index[from … from+count)} of
     * {@code data}: each thread fetches its shards' rows itself (in parallel, without first copying the global batch).
     * The same as {@code data.gather(index, from, count, x, y)} followed by {@link #step(DMatrixRMaj, int[])}, bit for
     * bit. Returns the mean loss over the batch before the step.
     */
    public double step(Dataset data, int[] index, int from, int count) {
        if (from < 0 || count < 0 || from + count > index.length) {
            throw new IllegalArgumentException("global batch: rows " + from + " … " + (from + count) + " of an index of "
                    + index.length);
        }
        this.data = data;
        this.index = index;
        this.from = from;
        this.x = null;
        this.y = null;
        return run(count);
    }

    private double run(int m) {
        if (team.isClosed()) {
            throw new IllegalStateException("this SynchronousDataParallel is closed");
        }
        if (m < shards) {
            throw new IllegalArgumentException("the global batch has " + m + " rows but is cut into " + shards
                    + " shards: every shard needs at least one row");
        }
        rows = m;
        for (int s = 0; s <= shards; s++) {
            shardRows[s] = (int) ((long) s * m / shards);
        }
        long t0 = System.nanoTime();
        team.begin("SynchronousDataParallel");    // start: the workers pick up this step
        long t1 = phases(0, t0);
        team.rethrow("data-parallel");
        if (!sliced) {
            optimizer.step();
        }
        updateNanos += System.nanoTime() - t1;
        return loss;
    }

    /** The two phases of a step on thread t; returns the time the first ended (measured on the caller). */
    private long phases(int t, long t0) {
        long b0 = System.nanoTime();
        try {
            for (int s = t; s < shards; s += threads) {
                replicas[s].compute(s);
            }
        } catch (Throwable e) {
            team.fail(t, e);
        }
        busyNanos[16 * t] += System.nanoTime() - b0;
        team.await(t, afterShards);
        long t1 = System.nanoTime();
        if (t == 0) {
            computeNanos += t1 - t0;
        }
        if (!team.failed()) {
            try {
                // chunk by chunk, so that the optimizer reads the reduced gradient while it is still in the cache
                for (int lo = range[t]; lo < range[t + 1]; lo += CHUNK) {
                    int hi = Math.min(lo + CHUNK, range[t + 1]);
                    reduce(lo, hi);
                    if (sliced) {
                        optimizer.stepSlice(lo, hi);
                    }
                }
            } catch (Throwable e) {
                team.fail(t, e);
            }
        }
        team.await(t, team.failureCheck()); // done: θ is updated everywhere
        return t1;
    }

    /** Run by the last thread to finish its shards: the loss, the traffic, and the start of a sliced step. */
    private void afterShards() {
        team.checkFailures();
        if (team.failed()) {
            return;
        }
        double total = 0;
        for (int s = 0; s < shards; s++) {
            total += weight(s) * shardLoss[s];
            bytesSent += quantizers == null ? 8L * dimension : quantizers[s].bytes(dimension);
        }
        loss = total;
        if (sliced) {
            try {
                optimizer.beginSlicedStep();
            } catch (Throwable e) {
                team.failAction(e);
            }
        }
    }

    private double weight(int s) {
        return (double) (shardRows[s + 1] - shardRows[s]) / rows;
    }

    /** g ← Σ_s (m_s/m) g_s on the flat entries [lo, hi), shards summed in the order 0, 1, …, S−1, over g_0 in place. */
    private void reduce(int lo, int hi) {
        for (int i = 0; i < masterParams.size(); i++) {
            int a = Math.max(lo, offsets[i]) - offsets[i], b = Math.min(hi, offsets[i + 1]) - offsets[i];
            if (a >= b) {
                continue;
            }
            double[] g = masterParams.get(i).grad().data;    // = shard 0's gradient, g_0
            double w0 = weight(0);
            if (w0 != 1) {
                for (int j = a; j < b; j++) {
                    g[j] *= w0;
                }
            }
            for (int s = 1; s < shards; s++) {
                double ws = weight(s);
                double[] gs = replicas[s].grads[i];
                for (int j = a; j < b; j++) {
                    g[j] += ws * gs[j];
                }
            }
        }
    }

    /** Stops the worker threads (they finish at once: they are waiting for the next step). */
    @Override
    public void close() {
        team.close();
    }


    /** The replica of one shard, with its own batch buffers. */
    private final class Replica {
        private final Sequential net;
        private final double[][] grads;
        private final DMatrixRMaj xs = new DMatrixRMaj(1, 1);
        private int[] ys = new int[0];
        private int[] spare = new int[0];

        Replica(Sequential net, boolean first) {
            this.net = net;
            List<Param> ps = net.params();
            this.grads = new double[ps.size()][];
            for (int i = 0; i < ps.size(); i++) {
                Param mine = ps.get(i), theirs = masterParams.get(i);
                if (mine.value().numRows != theirs.value().numRows || mine.value().numCols != theirs.value().numCols) {
                    throw new IllegalArgumentException("replica parameter " + mine + " does not match the master's "
                            + theirs + ": the supplier must build the same model");
                }
                // the broadcast by shared memory: the replica reads the master's θ, which nobody writes in phase 1
                mine.value().data = theirs.value().data;
                if (first) {
                    // shard 0's gradient lands in the master's gradient; the all-reduce then adds the others in place
                    mine.grad().data = theirs.grad().data;
                }
                grads[i] = mine.grad().data;
            }
        }

        /** Fetch shard s's rows, forward and backward at the master's θ; quantize the gradient when asked. */
        void compute(int s) {
            int lo = shardRows[s], m = shardRows[s + 1] - lo;
            labels(m);
            if (data != null) {
                xs.reshape(m, data.features(), false);
                data.gather(index, from + lo, m, xs, ys);
            } else {
                int d = x.numCols;
                xs.reshape(m, d, false);
                System.arraycopy(x.data, lo * d, xs.data, 0, m * d);
                System.arraycopy(y, lo, ys, 0, m);
            }
            shardLoss[s] = net.lossAndGradient(xs, ys);
            if (quantizers != null) {
                double[] q = quantized[s];
                for (int i = 0; i < grads.length; i++) {
                    System.arraycopy(grads[i], 0, q, offsets[i], grads[i].length);
                }
                quantizers[s].roundTrip(q, dimension);
                for (int i = 0; i < grads.length; i++) {
                    System.arraycopy(q, offsets[i], grads[i], 0, grads[i].length);
                }
            }
        }

        /** A label buffer of length m; keeps the previous one, so an epoch's short last batch allocates only once. */
        private void labels(int m) {
            if (ys.length != m) {
                int[] t = spare.length == m ? spare : new int[m];
                spare = ys;
                ys = t;
            }
        }
    }
}
