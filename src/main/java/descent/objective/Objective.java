package descent.objective;

import org.ejml.data.DMatrixRMaj;

/**
 * A differentiable function f: ℝᵈ → ℝ over a flat parameter vector: what second-order methods and line
 * searches minimize (Aggarwal §3.5.6), and what a network plus a loss plus data presents itself as.
 *
 * <p>Implementations write into arrays the caller passes in, so a minimizer need allocate nothing of size d per
 * iteration ({@code LBFGS} allocates a few hundred bytes of bookkeeping per iteration at d = 1000, checked by
 * {@code LbfgsAllocationTest}).
 */
public interface Objective {

    /** d, the length of x. */
    int dimension();

    /** f(x). */
    double value(double[] x);

    /** Writes ∇f(x) into {@code gradient} (length d) and returns f(x). */
    double valueAndGradient(double[] x, double[] gradient);

    /** True when {@link #hessian} is exact rather than unsupported. */
    default boolean hasHessian() {
        return false;
    }

    /**
     * Writes the d×d Hessian ∇²f(x) into {@code out}.
     *
     * @throws UnsupportedOperationException when the objective has no analytic Hessian
     */
    default void hessian(double[] x, DMatrixRMaj out) {
        throw new UnsupportedOperationException(name() + " has no analytic Hessian; use hessianVector");
    }

    /**
     * Writes H(x)·v into {@code out}. The default forms it from two gradients, the finite difference of
     * eq. 3.51: H·v ≈ [∇f(x + δv) − ∇f(x)]/δ, with δ = √ε_mach·(1 + ‖x‖)/‖v‖. Objectives with an exact
     * Hessian or an exact Hessian-vector product override it.
     */
    default void hessianVector(double[] x, double[] v, double[] out) {
        Objective.requireLength(this, "the point", x);
        Objective.requireLength(this, "v", v);
        Objective.requireLength(this, "the output", out);
        int d = dimension();
        double vNorm = 0, xNorm = 0;
        for (int i = 0; i < d; i++) {
            vNorm += v[i] * v[i];
            xNorm += x[i] * x[i];
        }
        vNorm = Math.sqrt(vNorm);
        if (vNorm == 0) {
            java.util.Arrays.fill(out, 0, d, 0.0);
            return;
        }
        double delta = Math.sqrt(Math.ulp(1.0)) * (1 + Math.sqrt(xNorm)) / vNorm;
        double[] shifted = new double[d];
        double[] g0 = new double[d];
        for (int i = 0; i < d; i++) {
            shifted[i] = x[i] + delta * v[i];
        }
        valueAndGradient(x, g0);
        valueAndGradient(shifted, out);
        for (int i = 0; i < d; i++) {
            out[i] = (out[i] - g0[i]) / delta;
        }
    }

    /** A short name for tables and plot legends. */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * Throws an {@link IllegalArgumentException} naming the objective, the argument and both lengths unless {@code v}
     * holds exactly {@code f.dimension()} numbers. Every implementation calls it on the arrays it is given.
     */
    static void requireLength(Objective f, String argument, double[] v) {
        if (v == null || v.length != f.dimension()) {
            throw new IllegalArgumentException(f.name() + " has dimension " + f.dimension() + ", but " + argument
                    + (v == null ? " is null" : " has length " + v.length));
        }
    }
}
