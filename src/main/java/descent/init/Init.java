package descent.init;

import org.ejml.data.DMatrixRMaj;

import java.util.Random;

/**
 * Weight initialisation rules (Aggarwal §3.3.3), each filling a fan-in × fan-out matrix from a seeded source.
 * Biases start at zero (§3.3.3). Same seed, same bits.
 *
 * <ul>
 *   <li>{@link #normal}: N(0, σ²) with a fixed σ such as 10⁻², independent of fan-in.</li>
 *   <li>{@link #fanInNormal}: N(0, 1/r), r the fan-in, so a unit's output variance does not grow with r.</li>
 *   <li>{@link #fanInUniform}: U[−1/√r, 1/√r]; note its variance is 1/(3r), not 1/r.</li>
 *   <li>{@link #xavier}: Xavier/Glorot, N(0, 2/(r_in + r_out)).</li>
 *   <li>{@link #xavierUniform}: U[−√(6/(r_in+r_out)), +√(6/(r_in+r_out))], the same variance.</li>
 *   <li>{@link #he}: He et al. N(0, 2/r_in), for ReLU nets (beyond the chapter, which only cites the paper).</li>
 * </ul>
 */
@FunctionalInterface
public interface Init {

    /** Fills {@code w} (fanIn × fanOut) in row-major order. */
    void fill(DMatrixRMaj w, Random rng);

    static Init normal(double std) {
        requirePositive(std, "std");
        return (w, rng) -> gaussian(w, std, rng);
    }

    static Init uniform(double limit) {
        requirePositive(limit, "limit");
        return (w, rng) -> uniform(w, limit, rng);
    }

    static Init fanInNormal() {
        return (w, rng) -> gaussian(w, Math.sqrt(1.0 / w.numRows), rng);
    }

    static Init fanInUniform() {
        return (w, rng) -> uniform(w, 1.0 / Math.sqrt(w.numRows), rng);
    }

    static Init xavier() {
        return (w, rng) -> gaussian(w, Math.sqrt(2.0 / (w.numRows + w.numCols)), rng);
    }

    static Init xavierUniform() {
        return (w, rng) -> uniform(w, Math.sqrt(6.0 / (w.numRows + w.numCols)), rng);
    }

    static Init he() {
        return (w, rng) -> gaussian(w, Math.sqrt(2.0 / w.numRows), rng);
    }

    static Init constant(double c) {
        return (w, rng) -> java.util.Arrays.fill(w.data, 0, w.getNumElements(), c);
    }

    private static void gaussian(DMatrixRMaj w, double std, Random rng) {
        int n = w.getNumElements();
        for (int k = 0; k < n; k++) {
            w.data[k] = std * rng.nextGaussian();
        }
    }

    private static void uniform(DMatrixRMaj w, double limit, Random rng) {
        int n = w.getNumElements();
        for (int k = 0; k < n; k++) {
            w.data[k] = limit * (2 * rng.nextDouble() - 1);
        }
    }

    private static void requirePositive(double v, String what) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("initialisation " + what + " must be positive and finite, got " + v);
        }
    }
}
