package descent.nn.norm;

import descent.nn.Cache;
import descent.nn.Layer;
import descent.nn.Param;
import org.ejml.data.DMatrixRMaj;


/**
 * The computation shared by layer, group and instance normalization: each row of the input is cut into contiguous
 * groups of M entries; each group is standardized by its own mean and variance (ε inside the square root, as in
 * batch normalization, Aggarwal eq. 3.59), then entry k gets the affine map γ_{c(k)} x̂_k + β_{c(k)} with
 * c(k) = k / {@code entriesPerAffine}. Backward, per group, with h_k = γ_{c(k)} ∂L/∂y_k:
 * <pre>
 *   ∂L/∂x_k = (1/(Mσ)) [M h_k − Σ_q h_q − x̂_k Σ_q h_q x̂_q]
 * </pre>
 * the compact batch-normalization backward with the batch replaced by the group. Nothing here depends on other
 * rows, so training and inference compute the same thing.
 */
final class GroupStandardizer {

    private final int width;
    private final int groupSize;
    private final int entriesPerAffine;
    private final double eps;

    GroupStandardizer(int width, int groupSize, int entriesPerAffine, double eps) {
        this.width = width;
        this.groupSize = groupSize;
        this.entriesPerAffine = entriesPerAffine;
        this.eps = eps;
    }

    // cache buffers: 0 = x̂ (m×width); 1 = σ per (row, group) (m×groups)

    DMatrixRMaj forward(Layer layer, DMatrixRMaj x, Cache cache, Param gamma, Param beta) {
        Layer.requireShape(layer, "input", x, -1, width);
        int m = x.numRows, groups = width / groupSize;
        cache.setInput(x);
        DMatrixRMaj y = cache.output(m, width);
        double[] xs = x.data, xh = cache.buffer(0, m, width).data, sg = cache.buffer(1, m, groups).data, yd = y.data;
        double[] g = gamma.value().data, b = beta.value().data;
        for (int r = 0; r < m; r++) {
            for (int q = 0; q < groups; q++) {
                int from = r * width + q * groupSize, to = from + groupSize;
                double mu = 0;
                for (int k = from; k < to; k++) {
                    mu += xs[k];
                }
                mu /= groupSize;
                double var = 0;
                for (int k = from; k < to; k++) {
                    double d = xs[k] - mu;
                    var += d * d;
                }
                var /= groupSize;
                double sigma = Math.sqrt(var + eps);
                if (!Double.isFinite(sigma)) {
                    throw new IllegalArgumentException("layer " + layer.name() + ": group " + q + " of row " + r
                            + " has mean " + mu + " and variance " + var + "; the input holds NaN or ∞");
                }
                sg[r * groups + q] = sigma;
                for (int k = from; k < to; k++) {
                    double h = (xs[k] - mu) / sigma;
                    xh[k] = h;
                    int c = (k - r * width) / entriesPerAffine;
                    yd[k] = g[c] * h + b[c];
                }
            }
        }
        return y;
    }

    DMatrixRMaj backward(Layer layer, DMatrixRMaj gradOut, Cache cache, boolean needInputGradient, Param gamma,
                         Param beta) {
        DMatrixRMaj x = cache.input();
        int m = x.numRows, groups = width / groupSize;
        Layer.requireShape(layer, "upstream gradient", gradOut, m, width);
        double[] gd = gradOut.data, xh = cache.buffer(0, m, width).data, sg = cache.buffer(1, m, groups).data;
        double[] gm = gamma.value().data, dgm = gamma.grad().data, dbt = beta.grad().data;
        for (int r = 0; r < m; r++) {
            int row = r * width;
            for (int k = 0; k < width; k++) {
                int c = k / entriesPerAffine;
                dgm[c] += gd[row + k] * xh[row + k];
                dbt[c] += gd[row + k];
            }
        }
        if (!needInputGradient) {
            return null;
        }
        DMatrixRMaj gin = cache.gradInput(m, width);
        double[] gi = gin.data;
        for (int r = 0; r < m; r++) {
            for (int q = 0; q < groups; q++) {
                int from = r * width + q * groupSize, to = from + groupSize;
                double sumH = 0, sumHX = 0;
                for (int k = from; k < to; k++) {
                    double h = gm[(k - r * width) / entriesPerAffine] * gd[k];
                    sumH += h;
                    sumHX += h * xh[k];
                }
                double c = 1.0 / (groupSize * sg[r * groups + q]);
                for (int k = from; k < to; k++) {
                    double h = gm[(k - r * width) / entriesPerAffine] * gd[k];
                    gi[k] = c * (groupSize * h - sumH - xh[k] * sumHX);
                }
            }
        }
        return gin;
    }
}
