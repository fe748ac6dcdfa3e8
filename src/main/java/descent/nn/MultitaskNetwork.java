package descent.nn;

import descent.linalg.Blas;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Multitask learning (Goodfellow et al. §7.7, Fig. 7.2): a shared trunk h⁽ˢʰᵃʳᵉᵈ⁾ = f(x; θ_s) feeds several task
 * heads, head t computing ŷ⁽ᵗ⁾ = g_t(h⁽ˢʰᵃʳᵉᵈ⁾; θ_t) with its own loss, and the objective is the weighted sum
 * <pre>
 *   J(θ_s, θ_1, …, θ_T) = Σ_t λ_t · L_t(g_t(f(x⁽ᵗ⁾; θ_s); θ_t), y⁽ᵗ⁾).
 * </pre>
 * A head's parameters θ_t see only its own task's examples; the trunk's θ_s sees all of them, so its gradient is the
 * sum of the tasks' gradients (the shared-weight rule, Aggarwal §3.2.9): the statistical strength the book credits to
 * pooling examples across tasks.
 *
 * <p>Each task gets its own {@link Batch}. Tasks whose batches hold the <em>same</em> input matrix (the same object)
 * share one trunk forward pass, and the gradients of their heads are added at the trunk's output before one trunk
 * backward pass. Tasks with different inputs (for instance a supervised head on a few labelled examples and a
 * reconstruction head on many unlabelled ones, see {@link SemiSupervisedNetwork}) each run the trunk on their own input
 * with their own caches; the trunk's gradients add up. A {@code null} batch leaves its task out of that step. Buffers
 * are reused, so once the batch shapes are fixed a step allocates nothing but its small bookkeeping.
 */
public final class MultitaskNetwork {

    /** One task: its head (possibly no layers), its loss and its weight λ_t ≥ 0 in the summed objective. */
    public record Task(String name, List<Layer> head, Loss loss, double weight) {
        public Task {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a task needs a name, got " + (name == null ? "null" : "\"" + name + "\""));
            }
            if (head == null || hasNull(head)) {
                throw new IllegalArgumentException("task " + name + ": the head is null or holds a null layer: " + head);
            }
            if (loss == null) {
                throw new IllegalArgumentException("task " + name + " needs a loss, got null");
            }
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("task " + name + ": the weight λ must be finite and ≥ 0, got " + weight);
            }
            head = List.copyOf(head);
        }

        /** A task with weight 1. */
        public Task(String name, Loss loss, Layer... head) {
            this(name, List.of(head), loss, 1.0);
        }
    }

    /** The data of one task for one step: inputs with hard labels or with soft/real-valued targets. */
    public record Batch(DMatrixRMaj x, int[] labels, DMatrixRMaj targets) {
        public Batch {
            if (x == null || (labels == null) == (targets == null)) {
                throw new IllegalArgumentException("a batch needs inputs and exactly one of labels or targets");
            }
        }

        public static Batch of(DMatrixRMaj x, int[] labels) {
            return new Batch(x, labels, null);
        }

        public static Batch of(DMatrixRMaj x, DMatrixRMaj targets) {
            return new Batch(x, null, targets);
        }
    }

    private final List<Layer> trunk;
    private final List<Task> tasks;
    private final Cache[][] trunkCaches;
    private final Cache[][] headCaches;
    private final DMatrixRMaj[] headGrads;
    private final DMatrixRMaj[] trunkGrads;
    private final int[] group;
    private final double[] taskLosses;
    private final List<Param> params;
    private long step;

    public MultitaskNetwork(List<Layer> trunk, List<Task> tasks) {
        if (trunk == null || trunk.isEmpty() || hasNull(trunk)) {
            throw new IllegalArgumentException("MultitaskNetwork needs a shared trunk of at least one non-null layer, got " + trunk);
        }
        if (tasks == null || tasks.isEmpty() || hasNull(tasks)) {
            throw new IllegalArgumentException("MultitaskNetwork needs at least one non-null task, got " + tasks);
        }
        this.trunk = List.copyOf(trunk);
        this.tasks = List.copyOf(tasks);
        int t = tasks.size();
        this.trunkCaches = new Cache[t][];
        this.headCaches = new Cache[t][];
        this.headGrads = new DMatrixRMaj[t];
        this.trunkGrads = new DMatrixRMaj[t];
        this.group = new int[t];
        this.taskLosses = new double[t];
        List<Param> ps = new ArrayList<>();
        for (int g = 0; g < t; g++) {
            trunkCaches[g] = Layers.caches(trunk.size());
            headCaches[g] = Layers.caches(tasks.get(g).head().size());
            headGrads[g] = new DMatrixRMaj(1, 1);
            trunkGrads[g] = new DMatrixRMaj(1, 1);
        }
        Layers.addParams(ps, trunk);
        for (Task task : tasks) {
            Layers.addParams(ps, task.head());
        }
        this.params = Collections.unmodifiableList(ps);
    }

    private static boolean hasNull(List<?> list) {
        for (Object o : list) {
            if (o == null) {
                return true;
            }
        }
        return false;
    }

    public List<Layer> trunk() {
        return trunk;
    }

    public List<Task> tasks() {
        return tasks;
    }

    /** Every distinct tensor: the trunk's, then each head's. */
    public List<Param> params() {
        return params;
    }

    /** The trunk's tensors θ_s, shared by every task. */
    public List<Param> sharedParams() {
        List<Param> ps = new ArrayList<>();
        Layers.addParams(ps, trunk);
        return ps;
    }

    public int parameterCount() {
        return Layers.size(params);
    }

    /** Training or inference mode for every layer (see {@link Layer#setTraining}). */
    public MultitaskNetwork setTraining(boolean on) {
        Layers.setTraining(trunk, on);
        for (Task task : tasks) {
            Layers.setTraining(task.head(), on);
        }
        return this;
    }

    public void zeroGrad() {
        for (Param p : params) {
            p.zeroGrad();
        }
    }

    /** The unweighted loss L_t of each task in the last {@link #lossAndGradient} call (NaN for a task left out). */
    public double[] lastTaskLosses() {
        return taskLosses.clone();
    }

    /** Head {@code task}'s output for inputs x (the returned buffer is valid until the next call). */
    public DMatrixRMaj forward(int task, DMatrixRMaj x) {
        requireTask(task);
        DMatrixRMaj z = runTrunk(task, x);
        return runHead(task, z);
    }

    /** Row-wise argmax of head {@code task}'s output. */
    public int[] predict(int task, DMatrixRMaj x) {
        return Layers.argmax(forward(task, x));
    }

    /** Σ_t λ_t L_t without gradients. */
    public double loss(Batch... batches) {
        return run(false, batches);
    }

    /** Zeroes the gradients, runs every task forward and backward; returns Σ_t λ_t L_t and leaves ∂J/∂θ in the params. */
    public double lossAndGradient(Batch... batches) {
        return run(true, batches);
    }

    /** A gradient oracle over fixed batches, for the optimizers and {@code ParamsObjective}. */
    public GradientOracle oracle(Batch... batches) {
        Batch[] copy = batches.clone();
        return () -> lossAndGradient(copy);
    }

    private double run(boolean gradient, Batch[] batches) {
        if (batches == null || batches.length != tasks.size()) {
            throw new IllegalArgumentException("MultitaskNetwork: " + (batches == null ? "no" : String.valueOf(batches.length))
                    + " batches for " + tasks.size() + " tasks (pass null for a task without data in this step)");
        }
        if (gradient) {
            zeroGrad();
        }
        int groups = 0;
        boolean any = false;
        for (int t = 0; t < batches.length; t++) {
            taskLosses[t] = Double.NaN;
            group[t] = -1;
            if (batches[t] == null) {
                continue;
            }
            any = true;
            for (int s = 0; s < t; s++) {
                if (batches[s] != null && batches[s].x() == batches[t].x()) {
                    group[t] = group[s];
                    break;
                }
            }
            if (group[t] < 0) {
                group[t] = groups++;
            }
        }
        if (!any) {
            throw new IllegalArgumentException("MultitaskNetwork: every batch is null, nothing to train on");
        }
        step++;
        double total = 0;
        for (int g = 0; g < groups; g++) {
            int first = firstOf(g);
            DMatrixRMaj x = batches[first].x();
            DMatrixRMaj z = runTrunk(g, x);
            DMatrixRMaj acc = trunkGrads[g];
            if (gradient) {
                acc.reshape(z.numRows, z.numCols, false);
                java.util.Arrays.fill(acc.data, 0, acc.getNumElements(), 0.0);
            }
            for (int t = first; t < tasks.size(); t++) {
                if (group[t] != g) {
                    continue;
                }
                Task task = tasks.get(t);
                Batch b = batches[t];
                if (b.x().numRows != (b.labels() != null ? b.labels().length : b.targets().numRows)) {
                    throw new IllegalArgumentException(String.format("task %s: inputs %s but %d targets",
                            task.name(), Blas.shape(b.x()), b.labels() != null ? b.labels().length : b.targets().numRows));
                }
                DMatrixRMaj out = runHead(t, z);
                DMatrixRMaj gOut = gradient ? headGrads[t] : null;
                double l = b.labels() != null ? task.loss().evaluate(out, b.labels(), gOut)
                        : task.loss().evaluate(out, b.targets(), gOut);
                if (!Double.isFinite(l)) {
                    throw new NonFiniteLossException(task.loss().name() + " of task " + task.name(), step, l,
                            "batch " + Blas.shape(b.x()));
                }
                taskLosses[t] = l;
                total += task.weight() * l;
                if (!gradient) {
                    continue;
                }
                double w = task.weight();
                for (int k = 0, n = gOut.getNumElements(); k < n; k++) {
                    gOut.data[k] *= w;
                }
                DMatrixRMaj gz = Layers.backward(task.head(), headCaches[t], gOut, true);
                for (int k = 0, n = acc.getNumElements(); k < n; k++) {
                    acc.data[k] += gz.data[k];
                }
            }
            if (gradient) {
                Layers.backward(trunk, trunkCaches[g], acc, false);
            }
        }
        return total;
    }

    private int firstOf(int g) {
        for (int t = 0; t < group.length; t++) {
            if (group[t] == g) {
                return t;
            }
        }
        throw new IllegalStateException("no task in group " + g);
    }

    private DMatrixRMaj runTrunk(int g, DMatrixRMaj x) {
        return Layers.forward(trunk, trunkCaches[g], x);
    }

    private DMatrixRMaj runHead(int t, DMatrixRMaj z) {
        return Layers.forward(tasks.get(t).head(), headCaches[t], z);
    }

    private void requireTask(int task) {
        if (task < 0 || task >= tasks.size()) {
            throw new IllegalArgumentException("MultitaskNetwork: task " + task + " does not exist (tasks 0.." + (tasks.size() - 1) + ")");
        }
    }
}
