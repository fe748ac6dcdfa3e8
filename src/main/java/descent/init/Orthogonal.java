package descent.init;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

import java.util.Random;

/**
 * Random orthogonal weights (Saxe et al. 2013; Goodfellow et al. §8.4). For a fan-in × fan-out matrix with
 * fan-in ≥ fan-out:
 * <pre>
 *   A ~ N(0, 1)^{r×s};  A = QR (thin QR, EJML);  Q ← Q·diag(sign(R_jj));  W = g·Q
 * </pre>
 * so WᵀW = g²I. For fan-in &lt; fan-out the same is done for Wᵀ, so WWᵀ = g²I. The sign fix makes Q uniformly
 * (Haar) distributed instead of biased by the QR convention (Mezzadri 2007).
 */
final class Orthogonal {

    private Orthogonal() {
    }

    static void fill(DMatrixRMaj w, double gain, Random rng) {
        boolean tall = w.numRows >= w.numCols;
        int rows = tall ? w.numRows : w.numCols;
        int cols = tall ? w.numCols : w.numRows;
        DMatrixRMaj a = new DMatrixRMaj(rows, cols);
        Rule.gaussian(a, 1.0, rng);
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(rows, cols);
        if (!qr.decompose(a)) {
            throw new IllegalStateException("orthogonal initialisation: the QR decomposition of a random "
                    + rows + "x" + cols + " matrix failed");
        }
        DMatrixRMaj q = qr.getQ(null, true);
        DMatrixRMaj r = qr.getR(null, true);
        for (int j = 0; j < cols; j++) {
            double sign = r.get(j, j) < 0 ? -gain : gain;
            for (int i = 0; i < rows; i++) {
                q.set(i, j, q.get(i, j) * sign);
            }
        }
        if (tall) {
            w.setTo(q);
        } else {
            CommonOps_DDRM.transpose(q, w);
        }
    }
}
