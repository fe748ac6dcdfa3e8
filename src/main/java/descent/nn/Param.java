package descent.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * One trainable tensor: its value and the gradient ∂L/∂value of the last backward pass, of the same shape.
 *
 * <p>Layers own their parameters and write into {@link #grad()}; optimizers read the gradient and update
 * {@link #value()} in place, keeping whatever per-tensor state they need keyed by this object. Both
 * matrices are allocated once, so a training step allocates nothing.
 *
 * <p>Every parameter has a {@link Role}. Norm penalties and constraints ({@code descent.regularize}) act on
 * {@link Role#WEIGHT} tensors and leave {@link Role#BIAS} and {@link Role#OTHER} alone unless asked: a bias
 * controls a single variable, needs little data to fit, and penalizing it can cause underfitting (Goodfellow et al.
 * §7.1).
 */
public final class Param {

    /** What a parameter is for; decides whether norm penalties and constraints touch it by default. */
    public enum Role {
        /** Interaction weights (a linear map's matrix): penalized and constrained by default. */
        WEIGHT,
        /** Offsets: never penalized unless a penalty includes them explicitly. */
        BIAS,
        /** Anything else (a learned precision, a scale): left alone by default, like a bias. */
        OTHER
    }

    private final String name;
    private final DMatrixRMaj value;
    private final DMatrixRMaj grad;
    private final Role role;

    /** A {@link Role#WEIGHT}: wraps {@code value} (not copied) and allocates a zero gradient of the same shape. */
    public Param(String name, DMatrixRMaj value) {
        this(name, value, Role.WEIGHT);
    }

    /** Wraps {@code value} (not copied) and allocates a zero gradient of the same shape. */
    public Param(String name, DMatrixRMaj value, Role role) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a parameter needs a name, got " + (name == null ? "null" : "\"" + name + "\""));
        }
        if (value == null || role == null) {
            throw new IllegalArgumentException("parameter " + name + " needs a value and a role, got value " + value
                    + " and role " + role);
        }
        this.name = name;
        this.value = value;
        this.grad = new DMatrixRMaj(value.numRows, value.numCols);
        this.role = role;
    }

    /** A 1×n parameter holding a copy of {@code values}; handy for test functions and scalars. */
    public static Param vector(String name, double... values) {
        return new Param(name, new DMatrixRMaj(1, values.length, true, values.clone()));
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
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
        return name + " " + value.numRows + "x" + value.numCols + (role == Role.WEIGHT ? "" : " (" + role.name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
}
