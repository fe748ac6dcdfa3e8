package descent.data;

import descent.validate.Require;

import org.ejml.data.DMatrixRMaj;

import java.util.Random;

/** Small seeded 2-D data sets for notebooks and tests: same seed, same points. */
public final class Synthetic {

    private Synthetic() {
    }

    /**
     * {@code classes} interleaved spiral arms of {@code perClass} points each (the CS231n toy set): arm c at radius
     * r ∈ [0, 1] has angle 4r + 2πc/classes plus Gaussian noise of standard deviation {@code noise}. Not linearly
     * separable, so a network needs a hidden layer.
     */
    public static Dataset spirals(int perClass, int classes, double noise, Random rng) {
        check(perClass, classes, rng);
        Require.nonNegative("spirals: noise", noise);
        int n = perClass * classes;
        DMatrixRMaj x = new DMatrixRMaj(n, 2);
        int[] y = new int[n];
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < perClass; i++) {
                int row = c * perClass + i;
                double r = perClass == 1 ? 1 : (double) i / (perClass - 1);
                double t = 4 * r + 2 * Math.PI * c / classes + noise * rng.nextGaussian();
                x.set(row, 0, r * Math.sin(t));
                x.set(row, 1, r * Math.cos(t));
                y[row] = c;
            }
        }
        return new Dataset("spirals (" + classes + " arms)", x, y, classes);
    }

    /**
     * Gaussian blobs: {@code perClass} points around each of {@code classes} centres spaced evenly on a circle of
     * radius {@code spread}, with isotropic standard deviation {@code std}.
     */
    public static Dataset blobs(int perClass, int classes, double spread, double std, Random rng) {
        check(perClass, classes, rng);
        Require.nonNegative("blobs: spread", spread);
        Require.nonNegative("blobs: standard deviation", std);
        int n = perClass * classes;
        DMatrixRMaj x = new DMatrixRMaj(n, 2);
        int[] y = new int[n];
        for (int c = 0; c < classes; c++) {
            double cx = spread * Math.cos(2 * Math.PI * c / classes), cy = spread * Math.sin(2 * Math.PI * c / classes);
            for (int i = 0; i < perClass; i++) {
                int row = c * perClass + i;
                x.set(row, 0, cx + std * rng.nextGaussian());
                x.set(row, 1, cy + std * rng.nextGaussian());
                y[row] = c;
            }
        }
        return new Dataset("Gaussian blobs (" + classes + ")", x, y, classes);
    }

    private static void check(int perClass, int classes, Random rng) {
        if (perClass < 1 || classes < 2) {
            throw new IllegalArgumentException("need ≥ 1 point per class and ≥ 2 classes, got " + perClass + " and " + classes);
        }
        if (rng == null) {
            throw new IllegalArgumentException("synthetic data need a seeded Random, got null");
        }
    }
}
