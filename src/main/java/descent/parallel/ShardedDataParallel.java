package descent.parallel;

import descent.data.Dataset;
import descent.linalg.Blas;
import descent.nn.Elementwise;
import descent.nn.Layer;
import descent.nn.Linear;
import descent.nn.Loss;
import descent.nn.NonFiniteInputException;
import descent.nn.NonFiniteLossException;
import descent.nn.Param;
import descent.nn.Reduction;
import descent.nn.Sequential;
import descent.nn.SoftmaxCrossEntropy;
import descent.optim.Optimizer;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Data parallelism on shared memory without replicas or an all-reduce: T threads split the rows of each mini-batch,
 * as in {@link SynchronousDataParallel} (Aggarwal §3.7.2), but no thread forms a gradient of its own. The
 * weight gradient is a sum over the batch, ∂L/∂W_l = A_{l−1}ᵀ·G_l; once every thread has left its rows of the
 * activations A and of the backpropagated G in memory that all threads see, thread t computes rows K_t of ∂W_l over
 * the <em>whole</em> batch and applies the optimizer to those rows: the gradient and the optimizer state are sharded
 * by parameter rows (as ZeRO shards them across machines), and the sum over the batch happens inside one product
 * instead of between threads. For the network Z_l = A_{l−1}·W_l + 1b_lᵀ, A_l = Φ(Z_l), softmax cross-entropy on Z_L:
 * <pre>
 *   thread t, rows R_t of the batch:   fetch X[R_t]
 *       l = 1 … L:      Z_l[R_t] = A_{l−1}[R_t]·W_l + 1b_lᵀ,   A_l[R_t] = Φ(Z_l[R_t])
 *       loss on rows R_t,  G_L[R_t] = ∂L/∂Z_L[R_t]
 *       l = L … 2:      G_{l−1}[R_t] = (G_l[R_t]·W_lᵀ) ⊙ Φ'(Z_{l−1}[R_t])
 *   barrier (every row of every A_l and G_l is in place)
 *   thread t, rows K_t of every W_l and columns C_t of every b_l:
 *       ∂W_l[K_t] = A_{l−1}[:, K_t]ᵀ·G_l,   ∂b_l[C_t] = column sums of G_l[:, C_t],   optimizer step on those entries
 *   barrier (θ is updated)
 * </pre>
 * Against replicas with an all-reduce, nothing is summed across threads, no thread writes or zeroes a full-size
 * gradient, the weight-gradient products keep the whole batch as their inner dimension, and a step has three barrier
 * crossings (start, the one above, end). What crosses between cores is the other threads' rows of X, A and G and the
 * weights the other threads updated: about 1.5 MB per step for the capstone's 784-256-128-10 network against about
 * 4 MB with replicas.
 *
 * <p>Every entry of the gradient is computed by one product in the plain path's order, so the step equals the plain
 * single-thread step ({@code Sequential.lossAndGradient} then the optimizer) up to how BLAS cuts a product into
 * blocks (with OpenBLAS on this machine: bit for bit), and it is bit-for-bit the same from run to run (no sum depends
 * on timing). The batch's loss is summed over the threads' rows in a fixed order. With Adam or AdamW the update is
 * split by the same rows; another optimizer steps once on the calling thread after the gradient is complete.
 *
 * <p>The network must be {@link Linear} layers, each optionally followed by one {@link Elementwise} activation,
 * ending with a {@code Linear}, under {@link SoftmaxCrossEntropy}. Its own parameter and gradient arrays are used in
 * place: when {@code step} returns, {@link Param#grad()} holds the batch's gradient and the values are updated, so the
 * network can be evaluated or checkpointed between steps. The calling thread is worker 0; T − 1 more live as long as
 * this object and meet at a barrier that allocates nothing. One thread at a time calls {@code step}. Close it to stop
 * the threads.
 */
public final class ShardedDataParallel implements AutoCloseable {

    private final Sequential net;
    private final int layers;
    private final Linear[] linear;
    private final Elementwise[] activation;
    private final int[] in;
    private final int[] out;
    // thread t's share of layer l: the entries [biasColumns[l][t], biasColumns[l][t+1]) of b_l and the rows
    // [paramRows[l][t], paramRows[l][t+1]) of W_l
    private final int[][] biasColumns;
    private final int[][] paramRows;
    private final int[] weightOffset;
    private final int[] biasOffset;
    private final Reduction reduction;
    private final Optimizer optimizer;
    private final boolean sliced;
    private final int threads;
    private final WorkerTeam team;
    private final double[] partialLoss;
    // per thread, 128 bytes apart (no false sharing): nanoseconds computing rows, computing the shard
    private static final int ROWS = 0;
    private static final int SHARD = 1;
    private final long[] nanos;
    private final int[] rowStart;
    private final Runnable afterLoss = this::afterLoss;
    // activations, pre-activations and their gradients, row-major m × out_l, grown when a larger batch comes
    private double[][] z;
    private double[][] a;
    private double[][] g;
    private double[] xBuffer = new double[0];
    private int[] yBuffer = new int[0];
    private int capacity;
    // the current step
    private double[] x;
    private int[] y;
    private Dataset data;
    private int[] index;
    private int from;
    private int rows;
    private double scale;
    private double loss;
    private long steps;

    /**
     * @param net       Linear layers with optional elementwise activations between them, ending with a Linear, under
     *                  softmax cross-entropy; its parameters are trained in place
     * @param threads   threads T ≥ 1 (the calling thread is one of them)
     * @param optimizer builds the optimizer over {@code net.params()}
     */
    public ShardedDataParallel(Sequential net, int threads, Function<List<Param>, Optimizer> optimizer) {
        if (net == null) {
            throw new IllegalArgumentException("sharded data parallelism needs a network, got null");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("sharded data parallelism needs at least 1 thread, got " + threads);
        }
        if (!(net.loss() instanceof SoftmaxCrossEntropy sce)) {
            throw new IllegalArgumentException("sharded data parallelism supports softmax cross-entropy, but network " + net
                    + " ends in " + net.loss().name());
        }
        List<Linear> lin = new ArrayList<>();
        List<Elementwise> act = new ArrayList<>();
        List<Layer> ls = net.layers();
        Map<Linear, Boolean> seen = new IdentityHashMap<>();
        for (int i = 0; i < ls.size(); i++) {
            Layer layer = ls.get(i);
            if (layer instanceof Linear l) {
                if (seen.put(l, true) != null) {
                    throw new IllegalArgumentException("sharded data parallelism: layer " + i + " (" + l.name()
                            + ") appears twice in network " + net + "; shared layers are not supported");
                }
                if (!lin.isEmpty() && lin.get(lin.size() - 1).outputSize() != l.inputSize()) {
                    throw new IllegalArgumentException("sharded data parallelism: layer " + i + " (" + l.name()
                            + ") takes " + l.inputSize() + " inputs but the layer before gives " + lin.get(lin.size() - 1).outputSize());
                }
                lin.add(l);
                act.add(null);
            } else if (layer instanceof Elementwise e && !lin.isEmpty() && act.get(act.size() - 1) == null
                    && i < ls.size() - 1) {
                act.set(act.size() - 1, e);
            } else {
                throw new IllegalArgumentException("sharded data parallelism supports Linear layers, each followed by at most one "
                        + "elementwise activation, ending with a Linear; layer " + i + " of network " + net + " is "
                        + layer.name());
            }
        }
        this.net = net;
        this.layers = lin.size();
        this.linear = lin.toArray(new Linear[0]);
        this.activation = act.toArray(new Elementwise[0]);
        this.in = new int[layers];
        this.out = new int[layers];
        this.biasColumns = new int[layers][threads + 1];
        this.paramRows = new int[layers][threads + 1];
        for (int l = 0; l < layers; l++) {
            in[l] = linear[l].inputSize();
            out[l] = linear[l].outputSize();
            split(out[l], biasColumns[l]);
            split(in[l], paramRows[l]);
        }
        this.reduction = sce.reduction();
        this.optimizer = optimizer.apply(net.params());
        if (this.optimizer == null || this.optimizer.needs() == Optimizer.Needs.ORACLE
                || this.optimizer.dimension() != net.parameterCount()) {
            throw new IllegalArgumentException("sharded data parallelism needs an optimizer over the network's "
                    + net.parameterCount() + " parameters that steps from stored gradients; got " + (this.optimizer == null
                    ? "null" : this.optimizer.name() + (this.optimizer.needs() == Optimizer.Needs.ORACLE
                    ? ", which needs the gradient at other points (a GradientOracle)"
                    : " over " + this.optimizer.dimension() + " parameters")));
        }
        this.sliced = this.optimizer.supportsSlicedSteps();
        List<Param> ps = net.params();
        int[] offsets = new int[ps.size() + 1];
        for (int i = 0; i < ps.size(); i++) {
            offsets[i + 1] = offsets[i] + ps.get(i).size();
        }
        this.weightOffset = new int[layers];
        this.biasOffset = new int[layers];
        for (int l = 0; l < layers; l++) {
            weightOffset[l] = offsets[indexOf(ps, linear[l].weight())];
            biasOffset[l] = offsets[indexOf(ps, linear[l].bias())];
        }
        this.threads = threads;
        this.partialLoss = new double[threads * 16];   // 128 bytes apart: no false sharing
        this.nanos = new long[threads * 16];
        this.rowStart = new int[threads + 1];
        this.z = new double[layers][0];
        this.a = new double[layers][];
        this.g = new double[layers][0];
        this.team = new WorkerTeam("sharded data-parallel worker", threads, this::body);
        team.start();
    }

    /** Cuts n into T = c.length − 1 blocks as equal as possible: block t is [c[t], c[t+1]). */
    static void split(int n, int[] c) {
        int threads = c.length - 1;
        for (int t = 0; t <= threads; t++) {
            c[t] = (int) ((long) t * n / threads);
        }
    }

    private static int indexOf(List<Param> ps, Param p) {
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i) == p) {
                return i;
            }
        }
        throw new IllegalStateException("parameter " + p + " is not in the network's list");
    }

    public Sequential network() {
        return net;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public int threads() {
        return threads;
    }

    /** True when the optimizer step is split across the threads by shard (Adam, AdamW). */
    public boolean slicedOptimizerStep() {
        return sliced;
    }

    /** The rows [from, to) of layer l's weight matrix (l counts the Linear layers from 0) whose gradient and update thread t computes. */
    public int[] weightRows(int layer, int t) {
        return new int[]{paramRows[layer][t], paramRows[layer][t + 1]};
    }

    /** Nanoseconds thread t spent so far on its rows of the batch: fetching them, forward, loss and backward. */
    public long rowNanos(int t) {
        return nanos[16 * t + ROWS];
    }

    /** Nanoseconds thread t spent so far on its shard: its rows of the weight gradients and their optimizer step. */
    public long shardNanos(int t) {
        return nanos[16 * t + SHARD];
    }

    /**
     * Nanoseconds thread t spent so far waiting at barriers: for the slower threads, and (workers t ≥ 1) for the
     * caller between steps.
     */
    public long waitNanos(int t) {
        return team.waitNanos(t);
    }

    /** The ids of the T − 1 threads this object started (the caller is worker 0), e.g. to measure their allocation. */
    public long[] workerThreadIds() {
        return team.workerThreadIds();
    }

    /** One step on the batch (x, y); returns the batch's loss before the step (the mean, or the sum under SUM). */
    public double step(DMatrixRMaj x, int[] y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("sharded data-parallel step: the batch or its labels is null");
        }
        if (x.numCols != in[0]) {
            throw new IllegalArgumentException("sharded data-parallel step: batch " + Blas.shape(x) + " does not fit network "
                    + net + " (it takes " + in[0] + " inputs)");
        }
        if (y.length != x.numRows) {
            throw new IllegalArgumentException("sharded data-parallel step: batch " + Blas.shape(x) + " but " + y.length + " labels");
        }
        this.x = x.data;
        this.y = y;
        this.data = null;
        return run(x.numRows);
    }

    /**
     * One step on the examples {@code index[from … from+count)} of {@code data}; each thread fetches its rows itself.
     * The same as gathering them into a batch and calling {@link #step(DMatrixRMaj, int[])}, bit for bit.
     */
    public double step(Dataset data, int[] index, int from, int count) {
        if (data == null || index == null) {
            throw new IllegalArgumentException("sharded data-parallel step: the data set or the index is null");
        }
        if (from < 0 || count < 0 || from + count > index.length) {
            throw new IllegalArgumentException("sharded data-parallel step: rows " + from + " … " + (from + count)
                    + " of an index of " + index.length);
        }
        if (data.features() != in[0]) {
            throw new IllegalArgumentException("sharded data-parallel step: data set " + data.name() + " has " + data.features()
                    + " features but network " + net + " takes " + in[0]);
        }
        this.data = data;
        this.index = index;
        this.from = from;
        return run(count);
    }

    private double run(int m) {
        if (team.isClosed()) {
            throw new IllegalStateException("this ShardedDataParallel is closed");
        }
        if (m < 1) {
            throw new IllegalArgumentException("sharded data-parallel step: the batch is empty");
        }
        ensureCapacity(m);
        if (data != null) {
            x = xBuffer;
            y = yBuffer;
        }
        rows = m;
        scale = reduction.scale(m);
        split(m, rowStart);
        team.begin("ShardedDataParallel");     // start: the workers pick up this step
        body(0);
        team.rethrow("sharded data-parallel");
        if (!sliced) {
            optimizer.step();
        }
        return loss;
    }

    private void ensureCapacity(int m) {
        if (m <= capacity) {
            return;
        }
        capacity = m;
        for (int l = 0; l < layers; l++) {
            z[l] = new double[m * out[l]];
            g[l] = new double[m * out[l]];
            a[l] = activation[l] == null ? z[l] : new double[m * out[l]];
        }
        xBuffer = new double[m * in[0]];
        yBuffer = new int[m];
    }

    /** A step on thread t, between the start barrier and the end barrier (inclusive of the latter). */
    private void body(int t) {
        long q = System.nanoTime();
        int r0 = rowStart[t], r1 = rowStart[t + 1], last = layers - 1;
        if (!team.failed()) {
            try {
                fetch(r0, r1);
                for (int l = 0; l < layers; l++) {
                    forwardRows(l, r0, r1);
                }
                partialLoss[16 * t] = SoftmaxCrossEntropy.sumRows(z[last], y, out[last], r0, r1, scale, g[last]);
                for (int l = last; l > 0; l--) {
                    inputGradient(l, r0, r1);
                }
            } catch (Throwable e) {
                team.fail(t, e);
            }
        }
        nanos[16 * t + ROWS] += System.nanoTime() - q;
        team.await(t, afterLoss);             // every row's activations and G are in place
        q = System.nanoTime();
        if (!team.failed()) {
            try {
                for (int l = 0; l < layers; l++) {
                    int k0 = paramRows[l][t], k1 = paramRows[l][t + 1], c0 = biasColumns[l][t], c1 = biasColumns[l][t + 1];
                    weightGradient(l, k0, k1, c0, c1, rows);
                    if (sliced) {
                        int w = weightOffset[l], n = out[l];
                        optimizer.stepSlice(w + k0 * n, w + k1 * n);
                        optimizer.stepSlice(biasOffset[l] + c0, biasOffset[l] + c1);
                    }
                }
            } catch (Throwable e) {
                team.fail(t, e);
            }
        }
        nanos[16 * t + SHARD] += System.nanoTime() - q;
        team.await(t, team.failureCheck());   // end: θ is updated everywhere
    }

    /** Rows [r0, r1) of the batch: copied from the data set (or read in place), checked finite, labels checked. */
    private void fetch(int r0, int r1) {
        int d = in[0], k = out[layers - 1];
        if (data != null) {
            double[] src = data.x().data;
            int[] labels = data.labels();
            for (int i = r0; i < r1; i++) {
                int e = index[from + i];
                System.arraycopy(src, e * d, x, i * d, d);
                y[i] = labels[e];
            }
        }
        for (int i = r0; i < r1; i++) {
            for (int j = i * d, end = j + d; j < end; j++) {
                if (!Double.isFinite(x[j])) {
                    throw new NonFiniteInputException("input", i, j - i * d, x[j], "batch " + rows + "x" + d + ", network " + net);
                }
            }
            Loss.requireLabel(net.loss().name(), y[i], i, k);
        }
    }

    private double[] input(int l) {
        return l == 0 ? x : a[l - 1];
    }

    /** Z_l[r0..r1) = A_{l−1}[r0..r1)·W_l + b_l, then the activation on those rows. */
    private void forwardRows(int l, int r0, int r1) {
        int n = out[l];
        double[] zl = z[l], b = linear[l].bias().value().data;
        for (int i = r0; i < r1; i++) {
            System.arraycopy(b, 0, zl, i * n, n);
        }
        Blas.gemm(false, false, r1 - r0, n, in[l], 1.0, input(l), r0 * in[l], in[l], linear[l].weight().value().data, 0, n,
                1.0, zl, r0 * n, n);
        if (activation[l] != null) {
            activation[l].forwardRange(zl, a[l], r0 * n, r1 * n);
        }
    }

    /**
     * Rows [k0, k1) of ∂W_l = A_{l−1}ᵀ·G_l over the whole batch, and ∂b_l[c0..c1) = column sums of G_l[:, c0..c1),
     * written (not accumulated).
     */
    private void weightGradient(int l, int k0, int k1, int c0, int c1, int m) {
        int n = out[l];
        double[] gl = g[l];
        Blas.gemm(true, false, k1 - k0, n, m, 1.0, input(l), k0, in[l], gl, 0, n, 0.0,
                linear[l].weight().grad().data, k0 * n, n);
        double[] gb = linear[l].bias().grad().data;
        for (int j = c0; j < c1; j++) {
            gb[j] = 0;
        }
        for (int i = 0; i < m; i++) {
            int row = i * n;
            for (int j = c0; j < c1; j++) {
                gb[j] += gl[row + j];
            }
        }
    }

    /** G_{l−1}[r0..r1) = (G_l[r0..r1)·W_lᵀ) ⊙ Φ'(Z_{l−1}[r0..r1)). */
    private void inputGradient(int l, int r0, int r1) {
        int n = out[l], k = in[l];
        double[] gin = g[l - 1];
        Blas.gemm(false, true, r1 - r0, k, n, 1.0, g[l], r0 * n, n, linear[l].weight().value().data, 0, n,
                0.0, gin, r0 * k, k);
        if (activation[l - 1] != null) {
            activation[l - 1].backwardRange(z[l - 1], a[l - 1], gin, gin, r0 * k, r1 * k);
        }
    }

    /** Barrier action after the loss: the batch's loss in a fixed order, its check, and the start of a sliced step. */
    private void afterLoss() {
        team.checkFailures();
        if (team.failed()) {
            return;
        }
        steps++;
        double total = 0;
        for (int t = 0; t < threads; t++) {
            total += partialLoss[16 * t];
        }
        loss = scale * total;
        try {
            if (!Double.isFinite(loss)) {
                throw new NonFiniteLossException(net.loss().name(), steps, loss, "batch " + rows + "x" + in[0]
                        + ", network " + net + " (sharded data parallel, " + threads + " threads)");
            }
            if (sliced) {
                optimizer.beginSlicedStep();
            }
        } catch (Throwable e) {
            team.failAction(e);
        }
    }

    /** Stops the worker threads (they finish at once: they are waiting for the next step). */
    @Override
    public void close() {
        team.close();
    }
}
