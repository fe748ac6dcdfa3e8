package descent.functions;

import descent.objective.Objective;

/**
 * An objective used to demonstrate and test optimizers: analytic gradient and Hessian, a customary
 * starting point, and where known the minimizer and minimum value.
 */
public interface TestFunction extends Objective {

    /** The customary starting point (a fresh copy). */
    double[] start();

    /** A global minimizer (a fresh copy), or {@code null} when f is unbounded below or has none. */
    double[] minimizer();

    /** f at {@link #minimizer()}, or {@code Double.NEGATIVE_INFINITY} when f is unbounded below. */
    double minimum();

    @Override
    default boolean hasHessian() {
        return true;
    }

    @Override
    default void hessianVector(double[] x, double[] v, double[] out) {
        Objective.requireLength(this, "the point", x);
        Objective.requireLength(this, "v", v);
        Objective.requireLength(this, "the output", out);
        int d = dimension();
        org.ejml.data.DMatrixRMaj h = new org.ejml.data.DMatrixRMaj(d, d);
        hessian(x, h);
        org.ejml.dense.row.CommonOps_DDRM.mult(h, org.ejml.data.DMatrixRMaj.wrap(d, 1, v),
                org.ejml.data.DMatrixRMaj.wrap(d, 1, out));
    }

    /** Checks that x has this function's dimension; every implementation calls it first. */
    static void requireDimension(TestFunction f, double[] x) {
        Objective.requireLength(f, "the point", x);
    }
}
