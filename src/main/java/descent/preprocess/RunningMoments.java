package descent.preprocess;

import descent.linalg.Blas;
import org.ejml.data.DMatrixRMaj;

/**
 * Mean and covariance accumulated batch by batch, for the streaming recipe of Aggarwal §3.3.2: estimate the means
 * and C from data that never sits in memory at once, then fit {@link Pca} or {@link Zca} from them. Batches are
 * merged with the pairwise update of Chan, Golub and LeVeque (1979): with δ = μ_b − μ_a,
 * <pre>
 *   n = n_a + n_b,   μ = μ_a + δ·n_b/n,   M = M_a + M_b + δδᵀ·n_a·n_b/n,   C = M/n
 * </pre>
 * where M_b = D_bᵀD_b for the centred batch (BLAS GEMM) and δδᵀ is a rank-one BLAS update. The result equals the
 * covariance of all rows at once up to rounding, without the cancellation of the one-pass Σxxᵀ/n − μμᵀ.
 */
public final class RunningMoments {

    private final int width;
    private long count;
    private final double[] mean;
    private final DMatrixRMaj scatter;

    public RunningMoments(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("RunningMoments needs at least 1 column, got " + width);
        }
        this.width = width;
        this.mean = new double[width];
        this.scatter = new DMatrixRMaj(width, width);
    }

    /** Adds the rows of {@code batch} (n × width). */
    public RunningMoments add(DMatrixRMaj batch) {
        if (batch.numCols != width) {
            throw new IllegalArgumentException(String.format("RunningMoments.add: it holds %d columns, got a %dx%d batch",
                    width, batch.numRows, batch.numCols));
        }
        Checks.requireFinite("RunningMoments.add", batch);
        int nb = batch.numRows;
        if (nb == 0) {
            return this;
        }
        double[] mb = ColumnAffine.columnMeans(batch);
        DMatrixRMaj d = batch.copy();
        for (int k = 0; k < d.getNumElements(); k++) {
            d.data[k] -= mb[k % width];
        }
        long na = count;
        long n = na + nb;
        double[] delta = new double[width];
        for (int j = 0; j < width; j++) {
            delta[j] = mb[j] - mean[j];
        }
        Blas.gemm(true, false, 1.0, d, d, 1.0, scatter);
        Blas.blas().dger(width, width, (double) na * nb / n, delta, 1, delta, 1, scatter.data, width);
        for (int j = 0; j < width; j++) {
            mean[j] += delta[j] * nb / n;
        }
        count = n;
        return this;
    }

    /** Adds one example. */
    public RunningMoments add(double[] row) {
        return add(new DMatrixRMaj(1, row.length, true, row));
    }

    public long count() {
        return count;
    }

    public int width() {
        return width;
    }

    /** The running means (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** C = M/n (population covariance). */
    public DMatrixRMaj covariance() {
        if (count == 0) {
            throw new IllegalStateException("RunningMoments: no rows added yet");
        }
        DMatrixRMaj c = scatter.copy();
        for (int k = 0; k < c.getNumElements(); k++) {
            c.data[k] /= count;
        }
        return c;
    }
}
