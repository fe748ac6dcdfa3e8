package descent.nn.norm;

import descent.linalg.Blas;
import descent.nn.Layer;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;

/**
 * The per-feature sums over a batch that {@link BatchNorm} and {@link BatchRenorm} share, written once: the batch mean
 * and squared deviations of the forward pass (eqs. 3.58–3.59, two passes) and the two gradient sums of the backward
 * pass. A batch is m rows of n features, row-major; each result is a 2×n array, row 0 then row 1.
 */
final class BatchStatistics {

    private BatchStatistics() {
    }

    /** Throws the layer's message when {@code x} does not have {@code n} features. */
    static void requireFeatures(Layer layer, DMatrixRMaj x, int n) {
        if (x.numCols != n) {
            throw new IllegalArgumentException(String.format("layer %s: input %s has %d features but the layer "
                    + "normalizes %d", layer.name(), Blas.shape(x), x.numCols, n));
        }
    }

    /**
     * st[j] = μⱼ = (1/m) Σᵣ xᵣⱼ and st[n + j] = Σᵣ (xᵣⱼ − μⱼ)². Two passes, so a constant feature gets exactly 0
     * (no NaN, no negative variance).
     */
    static void meanAndSquaredDeviations(double[] xs, int m, int n, double[] st) {
        Arrays.fill(st, 0, 2 * n, 0.0);
        for (int r = 0; r < m; r++) {
            int row = r * n;
            for (int j = 0; j < n; j++) {
                st[j] += xs[row + j];
            }
        }
        for (int j = 0; j < n; j++) {
            st[j] /= m;
        }
        for (int r = 0; r < m; r++) {
            int row = r * n;
            for (int j = 0; j < n; j++) {
                double d = xs[row + j] - st[j];
                st[n + j] += d * d;
            }
        }
    }

    /**
     * x̂ᵣⱼ = (xᵣⱼ − st[j]) / st[n + j] and yᵣⱼ = γⱼ x̂ᵣⱼ + βⱼ (eqs. 3.60–3.61) with the mean in row 0 of {@code st} and
     * σ in row 1: batch normalization's output, and batch renormalization's at inference.
     */
    static void standardize(double[] xs, double[] st, double[] gamma, double[] beta, int m, int n, double[] xh,
                            double[] yd) {
        for (int r = 0; r < m; r++) {
            int row = r * n;
            for (int j = 0; j < n; j++) {
                double h = (xs[row + j] - st[j]) / st[n + j];
                xh[row + j] = h;
                yd[row + j] = gamma[j] * h + beta[j];
            }
        }
    }

    /** s[j] = Σᵣ gᵣⱼ and s[n + j] = Σᵣ gᵣⱼ x̂ᵣⱼ, with g = ∂L/∂y: the sums behind ∂L/∂β, ∂L/∂γ and the compact backward. */
    static void gradientSums(double[] gd, double[] xh, int m, int n, double[] s) {
        Arrays.fill(s, 0, 2 * n, 0.0);
        for (int r = 0; r < m; r++) {
            int row = r * n;
            for (int j = 0; j < n; j++) {
                double g = gd[row + j];
                s[j] += g;
                s[n + j] += g * xh[row + j];
            }
        }
    }
}
