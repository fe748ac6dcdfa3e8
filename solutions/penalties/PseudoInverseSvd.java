package penalties;

import java.util.Arrays;
import org.ejml.simple.SimpleMatrix;
import org.ejml.simple.SimpleSVD;

/**
 * Exercise 05.8: the Moore–Penrose pseudo-inverse through the singular value decomposition (Goodfellow et al. §7.3,
 * eq. 7.29; the draft chapter 7, §7.4):
 * <pre>
 *   X = U Σ Vᵀ,    X⁺ = V Σ⁺ Uᵀ,    Σ⁺ᵢᵢ = 1/σᵢ if σᵢ &gt; tol·σ_max, else 0
 * </pre>
 * The tolerance is relative to the largest singular value. Without it, a singular value that is zero up to rounding
 * (10⁻¹⁶, say) would be inverted into 10¹⁶. Use EJML's SVD (e.g. {@code new SimpleMatrix(x).svd()},
 * with {@code getU()}, {@code getV()}, {@code getSingularValues()}).
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
        SimpleMatrix xm = new SimpleMatrix(x);
        SimpleSVD<SimpleMatrix> svd = xm.svd(true);
        SimpleMatrix u = svd.getU(), v = svd.getV();
        double[] s = svd.getSingularValues();
        double max = Arrays.stream(s).max().getAsDouble();
        double[][] out = new double[xm.getNumCols()][xm.getNumRows()];
        for (int k = 0; k < s.length; k++) {
            if (s[k] > tol * max) {
                for (int i = 0; i < out.length; i++) {
                    for (int j = 0; j < out[i].length; j++) {
                        out[i][j] += v.get(i, k) * u.get(j, k) / s[k];
                    }
                }
            }
        }
        return out;
        // END SOLUTION
    }
}
