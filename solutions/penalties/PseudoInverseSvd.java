package penalties;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Exercise 05.8: the Moore–Penrose pseudo-inverse through the singular value decomposition (Goodfellow et al. §7.3,
 * eq. 7.29; the draft chapter 7, §7.4):
 * <pre>
 *   X = U Σ Vᵀ,    X⁺ = V Σ⁺ Uᵀ,    Σ⁺ᵢᵢ = 1/σᵢ if σᵢ &gt; tol·σ_max, else 0
 * </pre>
 * The tolerance is relative to the largest singular value. Without it, a singular value that is zero up to rounding
 * (10⁻¹⁶, say) would be inverted into 10¹⁶. Use EJML's SVD ({@code DecompositionFactory_DDRM.svd}).
 */
public final class PseudoInverseSvd {

    private PseudoInverseSvd() {
    }

    /**
     * @param x the matrix X, m × n (m ≥ 1, n ≥ 1)
     * @param tol the relative tolerance, ≥ 0
     * @return X⁺, n × m
     */
    public static double[][] pinv(double[][] x, double tol) {
        // BEGIN SOLUTION 05.8 pseudo-inverse via SVD
        DMatrixRMaj xm = new DMatrixRMaj(x);
        int m = xm.numRows, n = xm.numCols;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, true, true, true);
        svd.decompose(xm.copy());
        DMatrixRMaj u = svd.getU(null, false), v = svd.getV(null, false);
        double[] s = svd.getSingularValues();
        double max = 0;
        for (double sv : s) {
            max = Math.max(max, sv);
        }
        double[][] out = new double[n][m];
        for (int k = 0; k < s.length; k++) {
            if (s[k] > tol * max) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        out[i][j] += v.get(i, k) * u.get(j, k) / s[k];
                    }
                }
            }
        }
        return out;
        // END SOLUTION
    }
}
