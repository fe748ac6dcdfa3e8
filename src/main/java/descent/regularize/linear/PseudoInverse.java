package descent.regularize.linear;

import descent.linalg.Blas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The Moore–Penrose pseudo-inverse through EJML's singular value decomposition (Goodfellow et al. §7.3, eq. 7.29;
 * the draft chapter 7, §7.4):
 * <pre>
 *   X = U Σ Vᵀ                   (thin SVD, σ₁ ≥ σ₂ ≥ … ≥ 0)
 *   X⁺ = V Σ⁺ Uᵀ,  Σ⁺ᵢᵢ = 1/σᵢ if σᵢ &gt; tol, else 0
 *   X⁺ = lim_{α↘0} (XᵀX + αI)⁻¹Xᵀ     (eq. 7.29: the ridge solution's limit)
 * </pre>
 * w = X⁺y solves Xw = y when X is square and invertible, minimizes ‖Xw − y‖ when no exact solution exists, and among
 * many exact solutions picks the one of least ‖w‖₂ (the draft chapter's three cases). Singular values at or below the
 * tolerance count as zero; the default tolerance is max(m, n)·σ₁·ε_mach (the convention of numpy's
 * {@code matrix_rank} and MATLAB's {@code pinv}). Without it, a singular value that is zero up to rounding would be
 * inverted into a huge number.
 */
public final class PseudoInverse {

    private PseudoInverse() {
    }

    /** X⁺ with the default tolerance. */
    public static DMatrixRMaj of(DMatrixRMaj x) {
        return of(x, Double.NaN);
    }

    /** X⁺ (n×m for X m×n), treating singular values ≤ {@code tol} as zero; NaN means the default tolerance. */
    public static DMatrixRMaj of(DMatrixRMaj x, double tol) {
        Svd s = svd(x);
        double t = Double.isNaN(tol) ? defaultTolerance(x, s.sigma) : tol;
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("the singular-value tolerance must be finite and ≥ 0, got " + tol);
        }
        int m = x.numRows, n = x.numCols, k = s.sigma.length;
        // V Σ⁺: scale column i of V by 1/σᵢ (or zero it)
        DMatrixRMaj vs = s.v.copy();
        for (int i = 0; i < k; i++) {
            double inv = s.sigma[i] > t ? 1 / s.sigma[i] : 0;
            for (int r = 0; r < n; r++) {
                vs.set(r, i, vs.get(r, i) * inv);
            }
        }
        DMatrixRMaj out = new DMatrixRMaj(n, m);
        Blas.gemm(false, true, 1.0, vs, s.u, 0.0, out);
        return out;
    }

    /** X⁺y, the minimum-norm least-squares solution. */
    public static double[] solve(DMatrixRMaj x, double[] y) {
        if (x.numRows != y.length) {
            throw new IllegalArgumentException("X " + Blas.shape(x) + " has " + x.numRows + " rows but y has "
                    + y.length + " entries");
        }
        DMatrixRMaj w = new DMatrixRMaj(x.numCols, 1);
        Blas.gemm(false, false, 1.0, of(x), DMatrixRMaj.wrap(y.length, 1, y), 0.0, w);
        return w.data;
    }

    /** The number of singular values above the default tolerance. */
    public static int rank(DMatrixRMaj x) {
        Svd s = svd(x);
        double t = defaultTolerance(x, s.sigma);
        int r = 0;
        for (double v : s.sigma) {
            if (v > t) {
                r++;
            }
        }
        return r;
    }

    /** The singular values, largest first. */
    public static double[] singularValues(DMatrixRMaj x) {
        return svd(x).sigma.clone();
    }

    private static double defaultTolerance(DMatrixRMaj x, double[] sigma) {
        double max = sigma.length == 0 ? 0 : sigma[0];
        return Math.max(x.numRows, x.numCols) * max * Math.ulp(1.0);
    }

    /** Thin SVD with the singular values sorted descending (U m×k, V n×k, k = min(m, n)). */
    private record Svd(DMatrixRMaj u, double[] sigma, DMatrixRMaj v) {
    }

    private static Svd svd(DMatrixRMaj x) {
        if (x.numRows == 0 || x.numCols == 0) {
            throw new IllegalArgumentException("the pseudo-inverse needs a non-empty matrix, got " + Blas.shape(x));
        }
        for (int i = 0; i < x.getNumElements(); i++) {
            if (!Double.isFinite(x.data[i])) {
                throw new IllegalArgumentException("X must be finite, but entry (" + i / x.numCols + ", " + i % x.numCols
                        + ") is " + x.data[i]);
            }
        }
        int m = x.numRows, n = x.numCols, k = Math.min(m, n);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, true, true, true);
        if (!svd.decompose(x.copy())) {
            throw new IllegalArgumentException("the SVD of X " + Blas.shape(x) + " did not converge");
        }
        DMatrixRMaj u = svd.getU(null, false), v = svd.getV(null, false);
        double[] w = svd.getSingularValues();
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(w[b], w[a]));
        DMatrixRMaj us = new DMatrixRMaj(m, k), vs = new DMatrixRMaj(n, k);
        double[] sigma = new double[k];
        for (int c = 0; c < k; c++) {
            int o = order[c];
            sigma[c] = w[o];
            for (int r = 0; r < m; r++) {
                us.set(r, c, u.get(r, o));
            }
            for (int r = 0; r < n; r++) {
                vs.set(r, c, v.get(r, o));
            }
        }
        return new Svd(us, sigma, vs);
    }
}
