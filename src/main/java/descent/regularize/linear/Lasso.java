package descent.regularize.linear;

import descent.linalg.Blas;
import org.ejml.data.DMatrixRMaj;

/**
 * LASSO (Tibshirani 1995; Goodfellow et al. §7.1.2): least squares with an L¹ penalty,
 * <pre>
 *   J̃(w) = ½‖Xw − y‖² + α‖w‖₁,
 * </pre>
 * solved two ways (both standard, beyond the books, which give only the diagonal-Hessian solution, eq. 7.23):
 * <ul>
 *   <li>{@link #coordinateDescent}: cycle through the coordinates; each one is a 1-D problem of the form of eq. 7.22,
 *   solved exactly by the soft threshold with H_jj = ‖X_{:,j}‖²:
 *   <pre>  w_j ← S(X_{:,j}ᵀ(y − Xw + X_{:,j}w_j), α)/‖X_{:,j}‖²,   S(v, t) = sign(v) max(|v| − t, 0)</pre></li>
 *   <li>{@link #ista}: proximal gradient descent (Beck and Teboulle 2009), a gradient step on the squared error
 *   followed by the soft threshold at εα:
 *   <pre>  w ← S(w − εXᵀ(Xw − y), εα),   ε ≤ 1/λ_max(XᵀX)</pre></li>
 * </ul>
 * Both stop when no coordinate moves by more than {@code tol} in a sweep (or step). When XᵀX is diagonal one sweep of
 * coordinate descent gives eq. 7.23 exactly.
 */
public final class Lasso {

    private Lasso() {
    }

    /** The solution w, the number of sweeps (coordinate descent) or steps (ISTA), and whether it met the tolerance. */
    public record Fit(double[] w, int iterations, boolean converged, double objective) {
    }

    /** ½‖Xw − y‖² + α‖w‖₁. */
    public static double objective(DMatrixRMaj x, double[] y, double[] w, double alpha) {
        double[] r = Ridge.residual(x, y, w);
        double l1 = 0;
        for (double v : w) {
            l1 += Math.abs(v);
        }
        return 0.5 * Blas.dot(r.length, r, r) + alpha * l1;
    }

    /** Cyclic coordinate descent from w = 0. */
    public static Fit coordinateDescent(DMatrixRMaj x, double[] y, double alpha, double tol, int maxSweeps) {
        return coordinateDescent(x, y, alpha, new double[x.numCols], tol, maxSweeps);
    }

    /** Cyclic coordinate descent from {@code start} (not modified). */
    public static Fit coordinateDescent(DMatrixRMaj x, double[] y, double alpha, double[] start, double tol,
            int maxSweeps) {
        check(x, y, alpha, start, tol, maxSweeps);
        int m = x.numRows, n = x.numCols;
        double[] w = start.clone();
        double[] r = Ridge.residual(x, y, w);      // Xw − y
        for (int i = 0; i < m; i++) {
            r[i] = -r[i];                           // y − Xw
        }
        double[] z = new double[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                z[j] += x.get(i, j) * x.get(i, j);
            }
        }
        for (int sweep = 1; sweep <= maxSweeps; sweep++) {
            double moved = 0;
            for (int j = 0; j < n; j++) {
                double old = w[j];
                double rho = 0;
                for (int i = 0; i < m; i++) {
                    rho += x.get(i, j) * r[i];
                }
                rho += z[j] * old;
                double next = z[j] == 0 ? 0 : SoftThreshold.apply(rho, alpha) / z[j];
                double d = next - old;
                if (d != 0) {
                    for (int i = 0; i < m; i++) {
                        r[i] -= x.get(i, j) * d;
                    }
                    w[j] = next;
                }
                moved = Math.max(moved, Math.abs(d));
            }
            if (moved <= tol) {
                return new Fit(w, sweep, true, objective(x, y, w, alpha));
            }
        }
        return new Fit(w, maxSweeps, false, objective(x, y, w, alpha));
    }

    /** ISTA from w = 0 with step ε = 1/λ_max(XᵀX). */
    public static Fit ista(DMatrixRMaj x, double[] y, double alpha, double tol, int maxSteps) {
        double s = PseudoInverse.singularValues(x)[0];
        return ista(x, y, alpha, 1 / (s * s), new double[x.numCols], tol, maxSteps);
    }

    /** ISTA from {@code start} (not modified) with step ε. */
    public static Fit ista(DMatrixRMaj x, double[] y, double alpha, double epsilon, double[] start, double tol,
            int maxSteps) {
        check(x, y, alpha, start, tol, maxSteps);
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("the ISTA step size ε must be finite and > 0, got " + epsilon);
        }
        int n = x.numCols;
        double[] w = start.clone();
        DMatrixRMaj g = new DMatrixRMaj(n, 1);
        for (int k = 1; k <= maxSteps; k++) {
            double[] r = Ridge.residual(x, y, w);
            Blas.gemm(true, false, 1.0, x, DMatrixRMaj.wrap(r.length, 1, r), 0.0, g);
            double moved = 0;
            for (int j = 0; j < n; j++) {
                double next = SoftThreshold.apply(w[j] - epsilon * g.data[j], epsilon * alpha);
                moved = Math.max(moved, Math.abs(next - w[j]));
                w[j] = next;
            }
            if (moved <= tol) {
                return new Fit(w, k, true, objective(x, y, w, alpha));
            }
        }
        return new Fit(w, maxSteps, false, objective(x, y, w, alpha));
    }

    private static void check(DMatrixRMaj x, double[] y, double alpha, double[] start, double tol, int max) {
        Ridge.check(x, y, alpha);
        if (start.length != x.numCols) {
            throw new IllegalArgumentException("the start point has " + start.length + " entries but X "
                    + Blas.shape(x) + " has " + x.numCols + " columns");
        }
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("the tolerance must be finite and ≥ 0, got " + tol);
        }
        if (max < 1) {
            throw new IllegalArgumentException("the iteration cap must be ≥ 1, got " + max);
        }
    }
}
