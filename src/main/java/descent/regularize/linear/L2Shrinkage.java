package descent.regularize.linear;

import descent.linalg.Blas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * What L² regularization does to the minimizer of a quadratic (Goodfellow et al. §7.1.1, eqs. 7.6–7.13; the draft
 * chapter 7, eqs. 7.6–7.8). Near the unregularized minimizer w* the loss is Ĵ(w) = J(w*) + ½(w − w*)ᵀH(w − w*) with H
 * positive semi-definite, and adding (α/2)‖w‖² moves the minimizer to
 * <pre>
 *   w̃ = (H + αI)⁻¹Hw*                          (eq. 7.10)
 *     = Q(Λ + αI)⁻¹ΛQᵀw*,   H = QΛQᵀ            (eq. 7.13)
 * </pre>
 * so the component of w* along eigenvector i is scaled by λᵢ/(λᵢ + α): kept where the curvature is large, removed
 * where it is small. Summed, the factors are the effective number of parameters (the draft chapter 7, eq. 7.8)
 * <pre>
 *   γ(α) = Σᵢ λᵢ/(λᵢ + α) = tr(H(H + αI)⁻¹),
 * </pre>
 * which falls from rank(H) at α = 0 towards 0; for linear regression with H = XᵀX it is the trace of the ridge hat
 * matrix, tr(X(XᵀX + αI)⁻¹Xᵀ).
 */
public final class L2Shrinkage {

    private final DMatrixRMaj h;
    private final Spd.Eigen eigen;

    /** Decomposes the Hessian H (symmetric positive semi-definite, checked) once. */
    public L2Shrinkage(DMatrixRMaj hessian) {
        this.h = hessian.copy();
        this.eigen = Spd.requirePositiveSemidefinite("the Hessian H", h);
    }

    /** For linear regression, ½‖Xw − y‖²: H = XᵀX. */
    public static L2Shrinkage ofDesign(DMatrixRMaj x) {
        DMatrixRMaj h = new DMatrixRMaj(x.numCols, x.numCols);
        Blas.gemm(true, false, 1.0, x, x, 0.0, h);
        return new L2Shrinkage(h);
    }

    /** The eigenvalues λᵢ of H, ascending. */
    public double[] eigenvalues() {
        return eigen.lambda().clone();
    }

    /** Q, the eigenvectors of H as columns (in the order of {@link #eigenvalues()}). */
    public DMatrixRMaj eigenvectors() {
        return eigen.q().copy();
    }

    /** λᵢ/(λᵢ + α) for every eigenvalue. */
    public double[] factors(double alpha) {
        checkAlpha(alpha);
        double[] l = eigen.lambda(), f = new double[l.length];
        for (int i = 0; i < l.length; i++) {
            f[i] = l[i] + alpha == 0 ? 0 : l[i] / (l[i] + alpha);
        }
        return f;
    }

    /** w̃ by eq. 7.13: Q(Λ + αI)⁻¹ΛQᵀw*. */
    public double[] shrink(double[] wStar, double alpha) {
        int n = checkW(wStar);
        double[] f = factors(alpha);
        DMatrixRMaj c = new DMatrixRMaj(n, 1);
        Blas.gemm(true, false, 1.0, eigen.q(), DMatrixRMaj.wrap(n, 1, wStar.clone()), 0.0, c);
        for (int i = 0; i < n; i++) {
            c.data[i] *= f[i];
        }
        DMatrixRMaj w = new DMatrixRMaj(n, 1);
        Blas.gemm(false, false, 1.0, eigen.q(), c, 0.0, w);
        return w.data;
    }

    /** w̃ by eq. 7.10, a linear solve without the eigen-decomposition: (H + αI)w̃ = Hw*. Needs H + αI invertible. */
    public double[] solve(double[] wStar, double alpha) {
        int n = checkW(wStar);
        checkAlpha(alpha);
        DMatrixRMaj a = h.copy();
        for (int i = 0; i < n; i++) {
            a.add(i, i, alpha);
        }
        DMatrixRMaj b = new DMatrixRMaj(n, 1);
        Blas.gemm(false, false, 1.0, h, DMatrixRMaj.wrap(n, 1, wStar.clone()), 0.0, b);
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(n);
        if (!lu.setA(a) || eigen.lambda()[0] + alpha <= 0) {
            throw new IllegalArgumentException("H + αI is singular (smallest eigenvalue of H " + eigen.lambda()[0]
                    + ", α = " + alpha + "); use α > 0");
        }
        DMatrixRMaj w = new DMatrixRMaj(n, 1);
        lu.solve(b, w);
        return w.data;
    }

    /** γ(α) = Σᵢ λᵢ/(λᵢ + α) (the draft chapter 7, eq. 7.8). */
    public double effectiveParameters(double alpha) {
        double s = 0;
        for (double f : factors(alpha)) {
            s += f;
        }
        return s;
    }

    /** γ(α) from a list of eigenvalues (λᵢ ≥ 0, α ≥ 0). */
    public static double effectiveParameters(double[] lambda, double alpha) {
        checkAlpha(alpha);
        double s = 0;
        for (int i = 0; i < lambda.length; i++) {
            if (!(lambda[i] >= 0) || Double.isInfinite(lambda[i])) {
                throw new IllegalArgumentException("eigenvalue λ_" + i + " of a PSD Hessian must be finite and ≥ 0, got "
                        + lambda[i]);
            }
            s += lambda[i] + alpha == 0 ? 0 : lambda[i] / (lambda[i] + alpha);
        }
        return s;
    }

    /** tr(X(XᵀX + αI)⁻¹Xᵀ), the trace of the ridge hat matrix, computed by a solve (no eigenvalues); α &gt; 0. */
    public static double hatTrace(DMatrixRMaj x, double alpha) {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("hatTrace needs α > 0 (finite), got " + alpha);
        }
        int n = x.numCols, m = x.numRows;
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        Blas.gemm(true, false, 1.0, x, x, 0.0, a);
        for (int i = 0; i < n; i++) {
            a.add(i, i, alpha);
        }
        DMatrixRMaj xt = new DMatrixRMaj(n, m);
        org.ejml.dense.row.CommonOps_DDRM.transpose(x, xt);
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
        chol.setA(a);
        DMatrixRMaj z = new DMatrixRMaj(n, m);
        chol.solve(xt, z);                          // z = (XᵀX + αI)⁻¹Xᵀ
        double tr = 0;
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < n; k++) {
                tr += x.get(i, k) * z.get(k, i);    // (X z)_ii
            }
        }
        return tr;
    }

    private int checkW(double[] wStar) {
        if (wStar.length != h.numRows) {
            throw new IllegalArgumentException("w* has " + wStar.length + " entries but H is " + Blas.shape(h));
        }
        return wStar.length;
    }

    private static void checkAlpha(double alpha) {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("the L2 coefficient α must be finite and ≥ 0, got " + alpha);
        }
    }
}
