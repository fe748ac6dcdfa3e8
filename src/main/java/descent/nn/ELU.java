package descent.nn;

/**
 * Exponential linear unit (COMP541 lecture 4, activation functions): Φ(a) = a for a &gt; 0, α(e^{a} − 1) otherwise; Φ' = 1 or
 * h + α. Smooth at 0 when α = 1, and its negative saturation at −α keeps mean activations near zero.
 */
public final class ELU extends Elementwise {
    private final double alpha;

    public ELU(double alpha) {
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("ELU α must be positive and finite, got " + alpha);
        }
        this.alpha = alpha;
    }

    public ELU() {
        this(1.0);
    }

    @Override
    public double value(double a) {
        return a > 0 ? a : alpha * Math.expm1(a);
    }

    @Override
    public double derivative(double a, double h) {
        return a > 0 ? 1.0 : h + alpha;
    }

    @Override
    public String name() {
        return "ELU(" + alpha + ")";
    }
}
