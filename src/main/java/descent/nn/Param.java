package descent.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * One trainable tensor: its value and the gradient ∂L/∂value of the last backward pass, of the same shape.
 *
 * <p>Layers own their parameters and write into {@link #grad()}; optimizers read the gradient and update
 * {@link #value()} in place, keeping whatever per-tensor state they need keyed by this object. Both
 * matrices are allocated once, so a training step allocates nothing.
 */
public final class Param {

    private final String name;
    private final DMatrixRMaj value;
    private final DMatrixRMaj grad;

    /** Wraps {@code value} (not copied) and allocates a zero gradient of the same shape. */
    public Param(String name, DMatrixRMaj value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a parameter needs a name, got " + (name == null ? "null" : "\"" + name + "\""));
        }
        this.name = name;
        this.value = value;
        this.grad = new DMatrixRMaj(value.numRows, value.numCols);
    }

    /** A 1×n parameter holding a copy of {@code values}; handy for test functions and scalars. */
    public static Param vector(String name, double... values) {
        return new Param(name, new DMatrixRMaj(1, values.length, true, values.clone()));
    }

    public String name() {
        return name;
    }

    public DMatrixRMaj value() {
        return value;
    }

    public DMatrixRMaj grad() {
        return grad;
    }

    /** Number of scalar entries. */
    public int size() {
        return value.getNumElements();
    }

    /** Sets every gradient entry to zero (gradients accumulate, eq. 3.30 and §3.2.9). */
    public void zeroGrad() {
        java.util.Arrays.fill(grad.data, 0, grad.getNumElements(), 0.0);
    }

    @Override
    public String toString() {
        return name + " " + value.numRows + "x" + value.numCols;
    }
}
