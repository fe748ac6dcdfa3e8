package descent.secondorder;

import descent.objective.Objective;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.Locale;

/**
 * Newton's method (Aggarwal eq. 3.48): minimize the second-order Taylor model of eq. 3.47 at the current point,
 * p = −H⁻¹∇f, and step there. Four variants, chosen by the factory methods:
 * <ul>
 *   <li>{@link #pure()} — the book's iteration, x ← x − H⁻¹∇f with α = 1, H solved by LU whatever its
 *       signature. On x² − y² it jumps to the saddle in one step; on x³ it halves x each step (§3.5.6.3).
 *       A singular H (x³ at 0) stops with {@link StopReason#SINGULAR_HESSIAN}.</li>
 *   <li>{@link #cholesky()} — solves by Cholesky (EJML) and backtracks (damped Newton). If H is not positive
 *       definite it throws {@link IllegalStateException} with the iteration, x and the smallest eigenvalue:
 *       Cholesky is required here, so there is no silent fallback.</li>
 *   <li>{@link #modified()} — the documented fallback for indefinite H: factor H + τI, raising τ from 0 (or
 *       from −min Hᵢᵢ + β) by doubling until Cholesky succeeds (Nocedal and Wright Alg. 3.3, β = 1e-3), then
 *       backtracks.</li>
 *   <li>{@link #saddleFree()} — replaces H by |H| = V|Λ|Vᵀ from its eigendecomposition (Dauphin et al. 2014, the
 *       saddle-free Newton the book cites as [88]), so negative-curvature directions are descended instead of
 *       climbed; eigenvalues smaller than 1e-8·max|λ| in magnitude are raised to that floor. Backtracks.</li>
 * </ul>
 * H comes from {@link Objective#hessian} when the objective has one, otherwise from d Hessian-vector products
 * (one per column, eq. 3.51 when the objective has no exact product).
 */
public final class Newton extends Minimizer {

    /** Which way the Newton system is solved. */
    public enum Variant { PURE, CHOLESKY, MODIFIED, SADDLE_FREE }

    private final Variant variant;
    private final LineSearch lineSearch = LineSearch.backtracking();

    private Newton(Variant variant) {
        super(1000);
        this.variant = variant;
    }

    public static Newton pure() {
        return new Newton(Variant.PURE);
    }

    public static Newton cholesky() {
        return new Newton(Variant.CHOLESKY);
    }

    public static Newton modified() {
        return new Newton(Variant.MODIFIED);
    }

    public static Newton saddleFree() {
        return new Newton(Variant.SADDLE_FREE);
    }

    public Variant variant() {
        return variant;
    }

    @Override
    protected void iterate(Run run) {
        int d = run.dimension();
        DMatrixRMaj h = new DMatrixRMaj(d, d);
        while (!run.done()) {
            hessian(run.objective(), run.x(), h);
            double[] p;
            switch (variant) {
                case PURE -> {
                    p = solveLu(h, run.g());
                    if (p == null) {
                        run.stop(StopReason.SINGULAR_HESSIAN, "at x = " + Vectors.show(run.x()));
                        return;
                    }
                }
                case CHOLESKY -> {
                    p = solveCholesky(h, run.g());
                    if (p == null) {
                        throw new IllegalStateException(String.format(Locale.ROOT,
                                "Newton (Cholesky): the Hessian at iteration %d, x = %s, is not positive definite "
                                        + "(smallest eigenvalue %.4g); use Newton.modified() or Newton.saddleFree()",
                                run.iterations(), Vectors.show(run.x()), smallestEigenvalue(h)));
                    }
                }
                case MODIFIED -> p = solveModified(h, run.g());
                default -> p = solveAbsolute(h, run.g());
            }
            if (variant == Variant.PURE) {
                double[] xNew = Vectors.step(run.x(), 1, p);
                double[] gNew = new double[d];
                double fNew = run.objective().valueAndGradient(xNew, gNew);
                if (!Double.isFinite(fNew) || !Vectors.allFinite(gNew)) {
                    run.stop(StopReason.LINE_SEARCH_FAILED, "the full Newton step reached f = " + fNew);
                    return;
                }
                run.accept(xNew, fNew, gNew);
                continue;
            }
            LineSearch.Step s = lineSearch.search(run.objective(), run.x(), run.f(), run.g(), p, 1.0);
            if (s.alpha() == 0) {
                run.stop(StopReason.LINE_SEARCH_FAILED, s.message());
                return;
            }
            run.accept(s.x(), s.f(), s.g());
        }
    }

    /**
     * The Newton step −H⁻¹g by Cholesky (eq. 3.48).
     *
     * @throws IllegalArgumentException when H is not symmetric positive definite
     */
    public static double[] step(DMatrixRMaj h, double[] g) {
        double[] p = solveCholesky(h, g);
        if (p == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Newton step: H is not positive definite (smallest eigenvalue %.4g)", smallestEigenvalue(h)));
        }
        return p;
    }

    /** Writes the Hessian at x into h: exact when available, else column by column from Hv products. */
    static void hessian(Objective f, double[] x, DMatrixRMaj h) {
        int d = f.dimension();
        h.reshape(d, d);
        if (f.hasHessian()) {
            f.hessian(x, h);
            return;
        }
        double[] e = new double[d], col = new double[d];
        for (int j = 0; j < d; j++) {
            e[j] = 1;
            f.hessianVector(x, e, col);
            e[j] = 0;
            for (int i = 0; i < d; i++) {
                h.set(i, j, col[i]);
            }
        }
        DMatrixRMaj t = new DMatrixRMaj(d, d);
        CommonOps_DDRM.transpose(h, t);
        CommonOps_DDRM.add(0.5, h, 0.5, t, h);
    }

    /** −H⁻¹g by Cholesky, or null when H is not positive definite. */
    static double[] solveCholesky(DMatrixRMaj h, double[] g) {
        int d = g.length;
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(d);
        if (!chol.setA(h.copy())) {
            return null;
        }
        DMatrixRMaj p = new DMatrixRMaj(d, 1);
        chol.solve(DMatrixRMaj.wrap(d, 1, Vectors.negate(g)), p);
        return Vectors.allFinite(p.data) ? p.data : null;
    }

    private static double[] solveLu(DMatrixRMaj h, double[] g) {
        int d = g.length;
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(d);
        if (!lu.setA(h.copy()) || lu.quality() < 1e-14) {
            return null;
        }
        DMatrixRMaj p = new DMatrixRMaj(d, 1);
        lu.solve(DMatrixRMaj.wrap(d, 1, Vectors.negate(g)), p);
        return Vectors.allFinite(p.data) ? p.data : null;
    }

    /** N&amp;W Alg. 3.3: Cholesky of H + τI with τ doubled until it succeeds. */
    static double[] solveModified(DMatrixRMaj h, double[] g) {
        int d = g.length;
        double beta = 1e-3, minDiag = Double.POSITIVE_INFINITY;
        for (int i = 0; i < d; i++) {
            minDiag = Math.min(minDiag, h.get(i, i));
        }
        double tau = minDiag > 0 ? 0 : -minDiag + beta;
        for (int attempt = 0; attempt < 200; attempt++) {
            DMatrixRMaj shifted = h.copy();
            for (int i = 0; i < d; i++) {
                shifted.add(i, i, tau);
            }
            double[] p = solveCholesky(shifted, g);
            if (p != null) {
                return p;
            }
            tau = Math.max(2 * tau, beta);
        }
        throw new IllegalStateException("modified Newton: no shift τ made H + τI positive definite (H has non-finite entries?)");
    }

    /** −|H|⁻¹g with |H| = V|Λ|Vᵀ. */
    static double[] solveAbsolute(DMatrixRMaj h, double[] g) {
        int d = g.length;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(h.copy())) {
            throw new IllegalStateException("saddle-free Newton: the eigendecomposition of H failed");
        }
        double maxAbs = 0;
        for (int k = 0; k < d; k++) {
            maxAbs = Math.max(maxAbs, Math.abs(eig.getEigenvalue(k).getReal()));
        }
        double floor = Math.max(1e-8 * maxAbs, 1e-12);
        double[] p = new double[d];
        for (int k = 0; k < d; k++) {
            double lambda = Math.max(Math.abs(eig.getEigenvalue(k).getReal()), floor);
            DMatrixRMaj v = eig.getEigenVector(k);
            double coefficient = -Vectors.dot(v.data, g) / lambda;
            Vectors.axpy(coefficient, v.data, p);
        }
        return p;
    }

    static double smallestEigenvalue(DMatrixRMaj h) {
        int d = h.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false, true);
        if (!eig.decompose(h.copy())) {
            return Double.NaN;
        }
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < d; k++) {
            min = Math.min(min, eig.getEigenvalue(k).getReal());
        }
        return min;
    }

    @Override
    public String name() {
        return switch (variant) {
            case PURE -> "Newton";
            case CHOLESKY -> "Newton (Cholesky, backtracking)";
            case MODIFIED -> "modified Newton (H + τI)";
            case SADDLE_FREE -> "saddle-free Newton (|H|)";
        };
    }
}
