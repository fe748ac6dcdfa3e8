package descent.objective;

import org.ejml.data.DMatrixRMaj;

/**
 * Wraps any {@link Objective} and counts how often it is asked for what: values alone, values with gradients,
 * Hessians and Hessian-vector products. Minimizers report these counts in their result record; "f+g
 * evaluations" ({@link #functionEvaluations()}) counts every call that computed f, the figure scipy calls
 * {@code nfev}.
 *
 * <p>A Hessian-vector product is counted once, as one product, whether the wrapped objective computes it
 * exactly or by the two-gradient finite difference of eq. 3.51 (those inner gradients are not counted again).
 */
public final class CountingObjective implements Objective {

    private final Objective inner;
    private int values;
    private int gradients;
    private int hessians;
    private int hessianVectors;

    public CountingObjective(Objective inner) {
        if (inner == null) {
            throw new IllegalArgumentException("CountingObjective needs an objective, got null");
        }
        this.inner = inner;
    }

    /** Wraps {@code f} unless it is already a counting wrapper, in which case it is returned as is. */
    public static CountingObjective of(Objective f) {
        return f instanceof CountingObjective c ? c : new CountingObjective(f);
    }

    public Objective inner() {
        return inner;
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public double value(double[] x) {
        values++;
        return inner.value(x);
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        gradients++;
        return inner.valueAndGradient(x, gradient);
    }

    @Override
    public boolean hasHessian() {
        return inner.hasHessian();
    }

    @Override
    public void hessian(double[] x, DMatrixRMaj out) {
        hessians++;
        inner.hessian(x, out);
    }

    @Override
    public void hessianVector(double[] x, double[] v, double[] out) {
        hessianVectors++;
        inner.hessianVector(x, v, out);
    }

    @Override
    public String name() {
        return inner.name();
    }

    /** Calls of {@link #value} only. */
    public int valueEvaluations() {
        return values;
    }

    /** Calls of {@link #valueAndGradient}. */
    public int gradientEvaluations() {
        return gradients;
    }

    /** Every call that computed f: values alone plus values with gradients (scipy's {@code nfev}). */
    public int functionEvaluations() {
        return values + gradients;
    }

    public int hessianEvaluations() {
        return hessians;
    }

    public int hessianVectorProducts() {
        return hessianVectors;
    }

    /** Sets every counter back to zero. */
    public void reset() {
        values = gradients = hessians = hessianVectors = 0;
    }

    @Override
    public String toString() {
        return inner.name() + ": " + values + " f, " + gradients + " f+g, " + hessians + " H, " + hessianVectors + " Hv";
    }
}
