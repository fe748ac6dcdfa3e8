package descent.init;

import org.ejml.data.DMatrixRMaj;

import java.util.Random;

/** A named initialisation rule with the variance it aims for; what the factories of {@link Init} return. */
final class Rule implements Init {

    /** Variance of N(0, 1) conditioned on |z| ≤ 2: 1 − 4φ(2)/(Φ(2) − Φ(−2)). */
    static final double TRUNCATED_VARIANCE = truncatedVariance();

    @FunctionalInterface
    interface Fans {
        double of(int fanIn, int fanOut);
    }

    private final String formula;
    private final Fans variance;
    private final Init filler;

    Rule(String formula, Fans variance, Init filler) {
        this.formula = formula;
        this.variance = variance;
        this.filler = filler;
    }

    @Override
    public void fill(DMatrixRMaj w, Random rng) {
        requireFans(w);
        filler.fill(w, rng);
    }

    @Override
    public double variance(int fanIn, int fanOut) {
        if (fanIn < 1 || fanOut < 1) {
            throw new IllegalArgumentException("initialisation " + formula + ": fan-in and fan-out must be ≥ 1, got "
                    + fanIn + " and " + fanOut);
        }
        return variance.of(fanIn, fanOut);
    }

    @Override
    public String toString() {
        return formula;
    }

    private void requireFans(DMatrixRMaj w) {
        if (w.numRows < 1 || w.numCols < 1) {
            throw new IllegalArgumentException("initialisation " + formula + ": fan-in and fan-out must be ≥ 1, got a "
                    + w.numRows + "x" + w.numCols + " weight matrix (fan-in " + w.numRows + ", fan-out " + w.numCols + ")");
        }
    }

    static void requirePositive(double v, String what) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("initialisation " + what + " must be positive and finite, got " + v);
        }
    }

    static void gaussian(DMatrixRMaj w, double std, Random rng) {
        int n = w.getNumElements();
        for (int k = 0; k < n; k++) {
            w.data[k] = std * rng.nextGaussian();
        }
    }

    static void uniform(DMatrixRMaj w, double limit, Random rng) {
        int n = w.getNumElements();
        for (int k = 0; k < n; k++) {
            w.data[k] = limit * (2 * rng.nextDouble() - 1);
        }
    }

    static void truncated(DMatrixRMaj w, double std, Random rng) {
        int n = w.getNumElements();
        for (int k = 0; k < n; k++) {
            double z;
            do {
                z = rng.nextGaussian();
            } while (Math.abs(z) > 2);
            w.data[k] = std * z;
        }
    }

    /** k distinct rows per column by a partial Fisher–Yates shuffle of the row indices. */
    static void sparse(DMatrixRMaj w, int k, double std, Random rng) {
        java.util.Arrays.fill(w.data, 0, w.getNumElements(), 0.0);
        int r = w.numRows;
        int[] rows = new int[r];
        for (int j = 0; j < w.numCols; j++) {
            for (int i = 0; i < r; i++) {
                rows[i] = i;
            }
            for (int t = 0; t < k; t++) {
                int pick = t + rng.nextInt(r - t);
                int tmp = rows[t];
                rows[t] = rows[pick];
                rows[pick] = tmp;
                w.set(rows[t], j, std * rng.nextGaussian());
            }
        }
    }

    private static double truncatedVariance() {
        double phi2 = Math.exp(-2.0) / Math.sqrt(2 * Math.PI);
        // Φ(2) − Φ(−2) = erf(√2); erf by its series, which converges fast at √2.
        double x = Math.sqrt(2), term = x, sum = x;
        for (int n = 1; n < 60; n++) {
            term *= -x * x / n;
            sum += term / (2 * n + 1);
        }
        double mass = 2 / Math.sqrt(Math.PI) * sum;
        return 1 - 4 * phi2 / mass;
    }
}
