package descent.regularize.linear;

import descent.linalg.Blas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Ridge regression (L² on a linear model with squared error) in closed form, with the factor ½ stated explicitly
 * (Goodfellow et al. §7.1.1, eqs. 7.14–7.17; the draft chapter 7, §7.2.1).
 *
 * <p><b>Erratum (both texts):</b> eqs. 7.14–7.15 write the objective as (Xw − y)ᵀ(Xw − y) + ½αwᵀw and eq. 7.17 gives
 * w = (XᵀX + αI)⁻¹Xᵀy. Setting the gradient 2Xᵀ(Xw − y) + αw to zero gives (XᵀX + ½αI)⁻¹Xᵀy instead; the printed
 * 7.17 minimizes ½‖Xw − y‖² + ½α‖w‖² (or ‖Xw − y‖² + α‖w‖²). {@link Convention} names the two readings.
 * <pre>
 *   HALF:          J̃(w) = ½‖Xw − y‖² + (α/2)‖w‖²      w̃ = (XᵀX + αI)⁻¹Xᵀy      (eq. 7.17 as printed; H = XᵀX in eq. 7.10)
 *   AS_PRINTED:    J̃(w) = ‖Xw − y‖² + (α/2)‖w‖²       w̃ = (XᵀX + (α/2)I)⁻¹Xᵀy  (eqs. 7.14–7.15 as printed)
 * </pre>
 * With α &gt; 0 the matrix XᵀX + cαI is positive definite even when XᵀX is singular (Goodfellow et al. §7.3), so the
 * solve always succeeds; with α = 0 X must have full column rank, otherwise use {@link PseudoInverse}.
 */
public final class Ridge {

    private Ridge() {
    }

    /** Which objective the coefficient α belongs to. */
    public enum Convention {
        /** ½‖Xw − y‖² + (α/2)‖w‖², minimized by (XᵀX + αI)⁻¹Xᵀy. */
        HALF(1.0),
        /** ‖Xw − y‖² + (α/2)‖w‖² (eqs. 7.14–7.15 as printed), minimized by (XᵀX + (α/2)I)⁻¹Xᵀy. */
        AS_PRINTED(0.5);

        /** The ridge added to XᵀX is ridgeFactor·α. */
        final double ridgeFactor;

        Convention(double ridgeFactor) {
            this.ridgeFactor = ridgeFactor;
        }
    }

    /** The minimizer of the objective named by {@code convention}. */
    public static double[] solve(DMatrixRMaj x, double[] y, double alpha, Convention convention) {
        check(x, y, alpha);
        int n = x.numCols;
        double ridge = convention.ridgeFactor * alpha;
        if (ridge == 0) {
            int rank = PseudoInverse.rank(x);
            if (rank < n) {
                throw new IllegalArgumentException("XᵀX is singular: X " + Blas.shape(x) + " has rank " + rank + " < "
                        + n + " columns, so least squares has no unique solution; use α > 0 or PseudoInverse");
            }
        }
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        Blas.gemm(true, false, 1.0, x, x, 0.0, a);
        for (int i = 0; i < n; i++) {
            a.add(i, i, ridge);
        }
        DMatrixRMaj b = new DMatrixRMaj(n, 1);
        Blas.gemm(true, false, 1.0, x, DMatrixRMaj.wrap(y.length, 1, y), 0.0, b);
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
        if (!chol.setA(a)) {
            throw new IllegalArgumentException("XᵀX + " + ridge + "·I is not positive definite (X " + Blas.shape(x)
                    + "); use a larger α");
        }
        DMatrixRMaj w = new DMatrixRMaj(n, 1);
        chol.solve(b, w);
        return w.data;
    }

    /** J̃(w) for the convention: ½‖Xw − y‖² + (α/2)‖w‖² or ‖Xw − y‖² + (α/2)‖w‖². */
    public static double objective(DMatrixRMaj x, double[] y, double[] w, double alpha, Convention convention) {
        double[] r = residual(x, y, w);
        double data = Blas.dot(r.length, r, r), ww = Blas.dot(w.length, w, w);
        return (convention == Convention.HALF ? 0.5 : 1.0) * data + 0.5 * alpha * ww;
    }

    /** ∇J̃(w): Xᵀ(Xw − y) + αw, or 2Xᵀ(Xw − y) + αw for {@link Convention#AS_PRINTED}. */
    public static double[] gradient(DMatrixRMaj x, double[] y, double[] w, double alpha, Convention convention) {
        check(x, y, alpha);
        double[] r = residual(x, y, w);
        double c = convention == Convention.HALF ? 1.0 : 2.0;
        DMatrixRMaj g = new DMatrixRMaj(x.numCols, 1);
        Blas.gemm(true, false, c, x, DMatrixRMaj.wrap(r.length, 1, r), 0.0, g);
        for (int i = 0; i < w.length; i++) {
            g.data[i] += alpha * w[i];
        }
        return g.data;
    }

    /** Xw − y. */
    public static double[] residual(DMatrixRMaj x, double[] y, double[] w) {
        if (w.length != x.numCols) {
            throw new IllegalArgumentException("w has " + w.length + " entries but X " + Blas.shape(x) + " has "
                    + x.numCols + " columns");
        }
        DMatrixRMaj r = new DMatrixRMaj(x.numRows, 1);
        Blas.gemm(false, false, 1.0, x, DMatrixRMaj.wrap(w.length, 1, w), 0.0, r);
        for (int i = 0; i < y.length; i++) {
            r.data[i] -= y[i];
        }
        return r.data;
    }

    static void check(DMatrixRMaj x, double[] y, double alpha) {
        if (x.numRows != y.length) {
            throw new IllegalArgumentException("X " + Blas.shape(x) + " has " + x.numRows + " rows but y has "
                    + y.length + " entries");
        }
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("the ridge coefficient α must be finite and ≥ 0, got " + alpha);
        }
        for (int i = 0; i < x.getNumElements(); i++) {
            if (!Double.isFinite(x.data[i])) {
                throw new IllegalArgumentException("X must be finite, but entry (" + i / x.numCols + ", " + i % x.numCols
                        + ") is " + x.data[i]);
            }
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("y must be finite, but entry " + i + " is " + y[i]);
            }
        }
    }
}
