package descent.nn;

/** Φ(a) = a for a &gt; 0, αa otherwise, with 0 &lt; α &lt; 1 (Aggarwal eq. 3.39); Φ' = 1 or α. */
public final class LeakyReLU extends Elementwise {
    private final double alpha;

    public LeakyReLU(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("LeakyReLU slope α must lie in (0, 1) (eq. 3.39), got " + alpha);
        }
        this.alpha = alpha;
    }

    public LeakyReLU() {
        this(0.01);
    }

    public double alpha() {
        return alpha;
    }

    @Override
    public double value(double a) {
        return a > 0 ? a : alpha * a;
    }

    @Override
    public double derivative(double a, double h) {
        return a > 0 ? 1.0 : alpha;
    }

    @Override
    public String name() {
        return "LeakyReLU(" + alpha + ")";
    }
}
