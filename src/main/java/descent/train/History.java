package descent.train;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * What a training run recorded: one row per step (epoch, step, minibatch loss, learning rate) and one row per
 * epoch (mean minibatch loss, loss and accuracy on the training set and on the validation set if given, and on
 * the averaged parameters if averaging was on). Both come out as tablesaw tables.
 */
public final class History {

    // per step: primitive arrays grown by doubling, so recording a step allocates nothing most of the time
    private int[] stepEpoch = new int[1024];
    private int[] stepIndex = new int[1024];
    private double[] stepLoss = new double[1024];
    private double[] stepLr = new double[1024];
    private int steps;
    private final List<Integer> epochIds = new ArrayList<>();
    private final List<double[]> epochValues = new ArrayList<>();

    static final String[] EPOCH_COLUMNS = {"meanBatchLoss", "trainLoss", "trainAccuracy", "valLoss", "valAccuracy",
            "avgLoss", "avgAccuracy", "lr"};

    void step(int epoch, int step, double loss, double lr) {
        if (steps == stepLoss.length) {
            int n = 2 * steps;
            stepEpoch = java.util.Arrays.copyOf(stepEpoch, n);
            stepIndex = java.util.Arrays.copyOf(stepIndex, n);
            stepLoss = java.util.Arrays.copyOf(stepLoss, n);
            stepLr = java.util.Arrays.copyOf(stepLr, n);
        }
        stepEpoch[steps] = epoch;
        stepIndex[steps] = step;
        stepLoss[steps] = loss;
        stepLr[steps] = lr;
        steps++;
    }

    /** For checkpoints: every step and epoch row. */
    void write(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(steps);
        for (int i = 0; i < steps; i++) {
            out.writeInt(stepEpoch[i]);
            out.writeInt(stepIndex[i]);
            out.writeDouble(stepLoss[i]);
            out.writeDouble(stepLr[i]);
        }
        out.writeInt(epochIds.size());
        for (int i = 0; i < epochIds.size(); i++) {
            out.writeInt(epochIds.get(i));
            Checkpoint.writeDoubles(out, epochValues.get(i), epochValues.get(i).length);
        }
    }

    /** Replaces this history's rows by those {@link #write} wrote. */
    void read(java.io.DataInputStream in) throws java.io.IOException {
        steps = 0;
        epochIds.clear();
        epochValues.clear();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            step(in.readInt(), in.readInt(), in.readDouble(), in.readDouble());
        }
        int e = in.readInt();
        for (int i = 0; i < e; i++) {
            epochIds.add(in.readInt());
            epochValues.add(Checkpoint.readDoubles(in));
        }
    }

    void epoch(int epoch, double[] values) {
        epochIds.add(epoch);
        epochValues.add(values);
    }

    /** Columns epoch, step, loss (minibatch), lr. */
    public Table steps() {
        int n = steps;
        return Table.create("steps", IntColumn.create("epoch", java.util.Arrays.copyOf(stepEpoch, n)),
                IntColumn.create("step", java.util.Arrays.copyOf(stepIndex, n)),
                DoubleColumn.create("loss", java.util.Arrays.copyOf(stepLoss, n)),
                DoubleColumn.create("lr", java.util.Arrays.copyOf(stepLr, n)));
    }

    /** Columns epoch, meanBatchLoss, trainLoss, trainAccuracy, valLoss, valAccuracy, avgLoss, avgAccuracy, lr (NaN where not measured). */
    public Table epochs() {
        int n = epochIds.size();
        Table t = Table.create("epochs", IntColumn.create("epoch", epochIds.stream().mapToInt(Integer::intValue).toArray()));
        for (int c = 0; c < EPOCH_COLUMNS.length; c++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = epochValues.get(i)[c];
            }
            t.addColumns(DoubleColumn.create(EPOCH_COLUMNS[c], col));
        }
        return t;
    }

    /** The minibatch losses, step by step. */
    public double[] stepLosses() {
        return java.util.Arrays.copyOf(stepLoss, steps);
    }

    /** One epoch-level column by name (see {@link #epochs()}). */
    public double[] epochColumn(String name) {
        for (int c = 0; c < EPOCH_COLUMNS.length; c++) {
            if (EPOCH_COLUMNS[c].equals(name)) {
                int col = c;
                return epochValues.stream().mapToDouble(v -> v[col]).toArray();
            }
        }
        throw new IllegalArgumentException("no epoch column \"" + name + "\"; there are " + String.join(", ", EPOCH_COLUMNS));
    }

    public int stepCount() {
        return steps;
    }

    public int epochCount() {
        return epochIds.size();
    }

    /** The last epoch's value of a column. */
    public double last(String column) {
        double[] c = epochColumn(column);
        if (c.length == 0) {
            throw new IllegalStateException("no epoch recorded yet");
        }
        return c[c.length - 1];
    }
}
