package descent.nn;

/**
 * Exponential linear unit (Clevert et al. 2015; COMP541 lecture 4, activation functions): Φ(a) = a for a &gt; 0,
 * α(e^{a} − 1) otherwise; Φ'(a) = 1 or α·e^{a}. Smooth at 0 when α = 1, and its negative saturation at −α keeps mean
 * activations near zero.
 *
 * <p>The derivative for a ≤ 0 equals h + α as well, but computed that way it cancels: for a ≪ 0, h ≈ −α and
 * h + α keeps only the last few bits of h (at a = −30 no correct digit is left). α·e^{a} is accurate everywhere.
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
        return a > 0 ? 1.0 : alpha * Math.exp(a);
    }

    @Override
    public String name() {
        return "ELU(" + alpha + ")";
    }
}
