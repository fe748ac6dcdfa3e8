package descent.data;

import org.ejml.data.DMatrixRMaj;

import java.util.Random;

/**
 * A labelled classification data set held in memory: an n×d feature matrix (one example per row, row-major) and
 * n integer labels in [0, classes).
 */
public record Dataset(String name, DMatrixRMaj x, int[] labels, int classes) {

    public Dataset {
        if (x == null || labels == null) {
            throw new IllegalArgumentException(name + ": a data set needs features and labels, got "
                    + (x == null ? "no features" : "features") + " and " + (labels == null ? "no labels" : "labels"));
        }
        if (classes < 1) {
            throw new IllegalArgumentException(name + ": the number of classes must be ≥ 1, got " + classes);
        }
        for (int i = 0, n = x.getNumElements(); i < n; i++) {
            if (!Double.isFinite(x.data[i])) {
                throw new IllegalArgumentException(name + ": feature " + i % x.numCols + " of example " + i / x.numCols
                        + " is " + x.data[i] + "; a data set holds finite numbers (check the data and its preprocessing)");
            }
        }
        if (x.numRows != labels.length) {
            throw new IllegalArgumentException(name + ": " + x.numRows + " feature rows but " + labels.length + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of example " + i
                        + " is outside [0, " + classes + ")");
            }
        }
    }

    public int size() {
        return labels.length;
    }

    public int features() {
        return x.numCols;
    }

    /** Copies the rows {@code index[from..from+count)} into {@code xOut} (count×d) and {@code yOut}. */
    public void gather(int[] index, int from, int count, DMatrixRMaj xOut, int[] yOut) {
        int d = x.numCols;
        if (xOut.numRows != count || xOut.numCols != d || yOut.length != count) {
            throw new IllegalArgumentException(name + ": batch buffers are " + xOut.numRows + "x" + xOut.numCols
                    + " and " + yOut.length + " labels, need " + count + "x" + d);
        }
        for (int r = 0; r < count; r++) {
            int i = index[from + r];
            System.arraycopy(x.data, i * d, xOut.data, r * d, d);
            yOut[r] = labels[i];
        }
    }

    /** The examples at {@code index}, as a new data set. */
    public Dataset select(int[] index, String newName) {
        DMatrixRMaj xs = new DMatrixRMaj(index.length, x.numCols);
        int[] ys = new int[index.length];
        gather(index, 0, index.length, xs, ys);
        return new Dataset(newName, xs, ys, classes);
    }

    /** The first {@code n} examples. */
    public Dataset head(int n) {
        if (n < 0) {
            throw new IllegalArgumentException(name + ": head needs n ≥ 0, got " + n);
        }
        int m = Math.min(n, size());
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) {
            idx[i] = i;
        }
        return select(idx, name + "[:" + m + "]");
    }

    /**
     * Square grey images (each row one side × side image, row by row) shrunk by averaging every k×k block of pixels:
     * (side/k)² features, named {@code name + " " + side/k + "×" + side/k}, labels shared. Each block's pixels are
     * summed row by row, then divided by k². The course's notebooks use it to keep training fast: 28×28 → 14×14
     * with k = 2.
     */
    public Dataset averagePooled(int side, int k) {
        if (side < 1 || k < 1 || side % k != 0 || x.numCols != side * side) {
            throw new IllegalArgumentException(String.format("%s: average pooling needs %d×%d images (%d features) "
                    + "and a block size k ≥ 1 that divides the side, got %d features and k = %d",
                    name, side, side, side * side, x.numCols, k));
        }
        int out = side / k;
        int n = size();
        DMatrixRMaj pooled = new DMatrixRMaj(n, out * out);
        for (int e = 0; e < n; e++) {
            for (int r = 0; r < out; r++) {
                for (int c = 0; c < out; c++) {
                    int corner = e * side * side + k * r * side + k * c;
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        for (int q = 0; q < k; q++) {
                            s += x.data[corner + p * side + q];
                        }
                    }
                    pooled.data[(e * out + r) * out + c] = s / (k * k);
                }
            }
        }
        return new Dataset(name + " " + out + "×" + out, pooled, labels, classes);
    }

    /** A seeded random split: the first part gets {@code fraction} of the examples. */
    public Dataset[] split(double fraction, Random rng) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("split fraction must lie in (0, 1), got " + fraction);
        }
        if (rng == null) {
            throw new IllegalArgumentException(name + ": a split needs a seeded Random, got null");
        }
        int[] perm = permutation(size(), rng);
        int cut = (int) Math.round(fraction * size());
        return new Dataset[]{select(java.util.Arrays.copyOfRange(perm, 0, cut), name + " (part 1)"),
                select(java.util.Arrays.copyOfRange(perm, cut, size()), name + " (part 2)")};
    }

    /** A Fisher–Yates permutation of 0 … n − 1 drawn from {@code rng}. */
    public static int[] permutation(int n, Random rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, rng);
        return p;
    }

    /** Shuffles {@code a} in place (Fisher–Yates). */
    public static void shuffle(int[] a, Random rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    @Override
    public String toString() {
        return name + " (" + size() + " × " + features() + ", " + classes + " classes)";
    }
}
