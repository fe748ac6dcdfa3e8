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

    private final List<int[]> stepIds = new ArrayList<>();
    private final List<double[]> stepValues = new ArrayList<>();
    private final List<Integer> epochIds = new ArrayList<>();
    private final List<double[]> epochValues = new ArrayList<>();

    static final String[] EPOCH_COLUMNS = {"meanBatchLoss", "trainLoss", "trainAccuracy", "valLoss", "valAccuracy",
            "avgLoss", "avgAccuracy", "lr"};

    void step(int epoch, int step, double loss, double lr) {
        stepIds.add(new int[]{epoch, step});
        stepValues.add(new double[]{loss, lr});
    }

    void epoch(int epoch, double[] values) {
        epochIds.add(epoch);
        epochValues.add(values);
    }

    /** Columns epoch, step, loss (minibatch), lr. */
    public Table steps() {
        int n = stepIds.size();
        int[] e = new int[n], s = new int[n];
        double[] loss = new double[n], lr = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = stepIds.get(i)[0];
            s[i] = stepIds.get(i)[1];
            loss[i] = stepValues.get(i)[0];
            lr[i] = stepValues.get(i)[1];
        }
        return Table.create("steps", IntColumn.create("epoch", e), IntColumn.create("step", s),
                DoubleColumn.create("loss", loss), DoubleColumn.create("lr", lr));
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
        return stepValues.stream().mapToDouble(v -> v[0]).toArray();
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
        return stepIds.size();
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
