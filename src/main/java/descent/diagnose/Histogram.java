package descent.diagnose;

import org.ejml.data.DMatrixRMaj;

/**
 * Counts of values in equal bins on [lo, hi), the last bin closed at hi; values outside are counted in
 * {@link #below} and {@link #above}, not dropped silently. The lecture's activation histograms use 30 bins on (−1, 1).
 */
public record Histogram(double lo, double hi, long[] counts, long below, long above) {

    public Histogram {
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("a histogram needs finite lo < hi, got [" + lo + ", " + hi + ")");
        }
        if (counts.length < 1) {
            throw new IllegalArgumentException("a histogram needs at least 1 bin, got " + counts.length);
        }
    }

    /** Bins the first {@code n} entries of {@code values}; NaN counts as neither inside nor outside (it throws). */
    public static Histogram of(double[] values, int n, double lo, double hi, int bins) {
        long[] counts = new long[Math.max(bins, 0)];
        Histogram h = new Histogram(lo, hi, counts, 0, 0);
        long below = 0, above = 0;
        double width = (hi - lo) / bins;
        for (int k = 0; k < n; k++) {
            double v = values[k];
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("histogram: entry " + k + " is NaN");
            }
            if (v < lo) {
                below++;
            } else if (v > hi) {
                above++;
            } else {
                counts[Math.min(bins - 1, (int) ((v - lo) / width))]++;
            }
        }
        return new Histogram(lo, hi, h.counts, below, above);
    }

    /** Every entry of a matrix. */
    public static Histogram of(DMatrixRMaj m, double lo, double hi, int bins) {
        return of(m.data, m.getNumElements(), lo, hi, bins);
    }

    public int bins() {
        return counts.length;
    }

    /** Bin centres, for plotting. */
    public double[] centres() {
        double w = (hi - lo) / counts.length;
        double[] c = new double[counts.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = lo + (i + 0.5) * w;
        }
        return c;
    }

    /** Counts as doubles (for plotting). */
    public double[] values() {
        double[] v = new double[counts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = counts[i];
        }
        return v;
    }

    /** All values counted, inside or outside. */
    public long total() {
        long t = below + above;
        for (long c : counts) {
            t += c;
        }
        return t;
    }
}
