package descent.diagnose;

import descent.nn.Cache;
import descent.nn.Layer;
import descent.nn.Sequential;
import org.ejml.data.DMatrixRMaj;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-layer statistics of any {@link Sequential}: the mean and standard deviation of every layer's output (and,
 * with labels, of the gradient ∂L/∂output flowing back into it), optionally with a histogram. This is the
 * instrument of the COMP541 lecture's activation-statistics experiment and of Goodfellow et al.'s manual rule for
 * setting initial scales (§8.4: look at activations, then gradients, on one minibatch).
 *
 * <p>The network's own layers run with private caches, so the network's state and gradients are untouched; with
 * labels the parameters' gradients are accumulated into scratch and zeroed again afterwards.
 */
public final class LayerStats {

    private LayerStats() {
    }

    /** Mean, standard deviation (population), extremes and the fraction of exact zeros of a set of values. */
    public record Moments(double mean, double std, double min, double max, double zeroFraction) {
        public static Moments of(DMatrixRMaj m) {
            int n = m.getNumElements();
            if (n == 0) {
                return new Moments(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            double mean = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            long zeros = 0;
            for (int k = 0; k < n; k++) {
                double v = m.data[k];
                mean += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
                if (v == 0) {
                    zeros++;
                }
            }
            mean /= n;
            double s = 0;
            for (int k = 0; k < n; k++) {
                double d = m.data[k] - mean;
                s += d * d;
            }
            return new Moments(mean, Math.sqrt(s / n), min, max, zeros / (double) n);
        }
    }

    /**
     * One layer: its index in the network, name, output statistics, gradient statistics (null without labels) and
     * the histogram of its outputs (null unless asked for).
     */
    public record Row(int index, String layer, Moments output, Moments gradient, Histogram histogram) {
    }

    /** Forward statistics of every layer's output. */
    public static List<Row> forward(Sequential net, DMatrixRMaj x) {
        return run(net, x, null, 0, 0, 0);
    }

    /** Forward statistics with a histogram of each layer's output ({@code bins} bins on [lo, hi]). */
    public static List<Row> forward(Sequential net, DMatrixRMaj x, double lo, double hi, int bins) {
        return run(net, x, null, lo, hi, bins);
    }

    /** Forward and backward statistics: outputs and the gradient of the network's loss with respect to them. */
    public static List<Row> forwardBackward(Sequential net, DMatrixRMaj x, int[] labels) {
        if (labels == null || labels.length != x.numRows) {
            throw new IllegalArgumentException("LayerStats: " + x.numRows + " examples but "
                    + (labels == null ? "no" : String.valueOf(labels.length)) + " labels");
        }
        return run(net, x, labels, 0, 0, 0);
    }

    private static List<Row> run(Sequential net, DMatrixRMaj x, int[] labels, double lo, double hi, int bins) {
        List<Layer> layers = net.layers();
        int n = layers.size();
        Cache[] caches = new Cache[n];
        Moments[] out = new Moments[n];
        Histogram[] hist = new Histogram[n];
        DMatrixRMaj z = x;
        for (int i = 0; i < n; i++) {
            caches[i] = new Cache();
            z = layers.get(i).forward(z, caches[i]);
            out[i] = Moments.of(z);
            hist[i] = bins > 0 ? Histogram.of(z, lo, hi, bins) : null;
        }
        Moments[] grad = new Moments[n];
        if (labels != null) {
            List<double[]> saved = new ArrayList<>();
            net.params().forEach(p -> saved.add(p.grad().data.clone()));
            DMatrixRMaj g = new DMatrixRMaj(1, 1);
            net.loss().evaluate(z, labels, g);
            for (int i = n - 1; i >= 0; i--) {
                grad[i] = Moments.of(g);
                g = layers.get(i).backward(g, caches[i], i > 0);
            }
            for (int p = 0; p < saved.size(); p++) {
                System.arraycopy(saved.get(p), 0, net.params().get(p).grad().data, 0, saved.get(p).length);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Row(i, layers.get(i).name(), out[i], grad[i], hist[i]));
        }
        return rows;
    }

    /** The rows as a table: layer, output mean/std/zero fraction, and gradient mean/std when present. */
    public static Table table(String title, List<Row> rows) {
        Table t = Table.create(title,
                IntColumn.create("index", rows.stream().mapToInt(Row::index).toArray()),
                StringColumn.create("layer", rows.stream().map(Row::layer).toList()),
                DoubleColumn.create("output mean", rows.stream().mapToDouble(r -> r.output().mean())),
                DoubleColumn.create("output std", rows.stream().mapToDouble(r -> r.output().std())),
                DoubleColumn.create("zero fraction", rows.stream().mapToDouble(r -> r.output().zeroFraction())));
        if (!rows.isEmpty() && rows.get(0).gradient() != null) {
            t.addColumns(DoubleColumn.create("gradient mean", rows.stream().mapToDouble(r -> r.gradient().mean())),
                    DoubleColumn.create("gradient std", rows.stream().mapToDouble(r -> r.gradient().std())));
        }
        return t;
    }
}
