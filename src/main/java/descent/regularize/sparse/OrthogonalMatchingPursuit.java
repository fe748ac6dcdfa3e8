package descent.regularize.sparse;

import descent.linalg.Blas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Sparsity as a hard constraint on the representation (Goodfellow et al. §7.10, eq. 7.49):
 * <pre>
 *   h* = argmin_{h, ‖h‖₀ &lt; k} ‖x − Wh‖²
 * </pre>
 * with W a d × n dictionary whose columns are the atoms. The exact problem is combinatorial; orthogonal matching pursuit
 * (Pati et al. 1993), "OMP-k", builds the support greedily:
 * <pre>
 *   S ← ∅;  r ← x
 *   repeat k times:
 *       j ← argmax_{j ∉ S} |W_{:,j}ᵀ r|          (the atom most correlated with the residual)
 *       S ← S ∪ {j}
 *       h_S ← argmin ‖x − W_S h_S‖²               (least squares on the chosen atoms; EJML's QR)
 *       r ← x − W_S h_S                          (now orthogonal to every chosen atom)
 * </pre>
 * (The book writes ‖h‖₀ &lt; k; OMP-k, as the name is used, keeps k nonzeros, which is what {@link #encode} returns.)
 * When W has orthonormal columns the least-squares coefficients are just Wᵀx and the problem is solved exactly by
 * keeping the k entries of Wᵀx largest in magnitude ({@link #topK}); OMP then picks the same atoms.
 */
public final class OrthogonalMatchingPursuit {

    private OrthogonalMatchingPursuit() {
    }

    /** OMP-k: a code h with (at most) k nonzeros; atoms whose correlation with the residual is exactly 0 are not added. */
    public static double[] encode(DMatrixRMaj w, double[] x, int k) {
        check(w, x, k);
        int d = w.numRows;
        int n = w.numCols;
        boolean[] chosen = new boolean[n];
        int[] support = new int[k];
        int size = 0;
        double[] r = x.clone();
        double[] h = new double[n];
        DMatrixRMaj coef = null;
        while (size < k) {
            int best = -1;
            double bestCorr = 0;
            for (int j = 0; j < n; j++) {
                if (chosen[j]) {
                    continue;
                }
                double c = 0;
                for (int i = 0; i < d; i++) {
                    c += w.get(i, j) * r[i];
                }
                if (Math.abs(c) > bestCorr) {
                    bestCorr = Math.abs(c);
                    best = j;
                }
            }
            if (best < 0) {
                break;
            }
            chosen[best] = true;
            support[size++] = best;
            DMatrixRMaj ws = new DMatrixRMaj(d, size);
            for (int s = 0; s < size; s++) {
                for (int i = 0; i < d; i++) {
                    ws.set(i, s, w.get(i, support[s]));
                }
            }
            coef = new DMatrixRMaj(size, 1);
            LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(d, size);
            if (!solver.setA(ws)) {
                throw new IllegalArgumentException("OMP: the chosen atoms " + java.util.Arrays.toString(
                        java.util.Arrays.copyOf(support, size)) + " are linearly dependent");
            }
            solver.solve(new DMatrixRMaj(d, 1, true, x), coef);
            DMatrixRMaj fit = new DMatrixRMaj(d, 1);
            CommonOps_DDRM.mult(ws, coef, fit);
            for (int i = 0; i < d; i++) {
                r[i] = x[i] - fit.data[i];
            }
        }
        for (int s = 0; s < size; s++) {
            h[support[s]] = coef.data[s];
        }
        return h;
    }

    /**
     * The exact solution for a dictionary with orthonormal columns: h = Wᵀx with all but the k entries largest in
     * magnitude set to 0 (ties go to the lower index).
     */
    public static double[] topK(DMatrixRMaj w, double[] x, int k) {
        check(w, x, k);
        int n = w.numCols;
        DMatrixRMaj proj = new DMatrixRMaj(1, n);
        Blas.gemm(false, false, 1.0, new DMatrixRMaj(1, x.length, true, x), w, 0.0, proj);
        double[] all = proj.data;
        boolean[] keep = new boolean[n];
        for (int t = 0; t < k; t++) {
            int best = -1;
            for (int j = 0; j < n; j++) {
                if (!keep[j] && (best < 0 || Math.abs(all[j]) > Math.abs(all[best]))) {
                    best = j;
                }
            }
            keep[best] = true;
        }
        double[] h = new double[n];
        for (int j = 0; j < n; j++) {
            h[j] = keep[j] ? all[j] : 0.0;
        }
        return h;
    }

    /** ‖x − Wh‖². */
    public static double residual(DMatrixRMaj w, double[] x, double[] h) {
        DMatrixRMaj fit = new DMatrixRMaj(w.numRows, 1);
        CommonOps_DDRM.mult(w, new DMatrixRMaj(h.length, 1, true, h), fit);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double e = x[i] - fit.data[i];
            s += e * e;
        }
        return s;
    }

    private static void check(DMatrixRMaj w, double[] x, int k) {
        if (w == null || x == null) {
            throw new IllegalArgumentException("OMP needs a dictionary W and an input x, got " + w + " and " + x);
        }
        if (x.length != w.numRows) {
            throw new IllegalArgumentException("OMP: x has " + x.length + " entries but the dictionary W " + Blas.shape(w)
                    + " has atoms of length " + w.numRows);
        }
        if (k < 1 || k > Math.min(w.numRows, w.numCols)) {
            throw new IllegalArgumentException("OMP: k must lie in 1 … min(d, n) = " + Math.min(w.numRows, w.numCols)
                    + " for a dictionary " + Blas.shape(w) + ", got " + k);
        }
    }
}
