package descent.nn;

/** Φ(a) = clip(a, −1, 1); Φ' = I(−1 &lt; a &lt; 1) (Table 3.1, §3.2.5). */
public final class HardTanh extends Elementwise {
    @Override
    public double value(double a) {
        return a < -1 ? -1.0 : (a > 1 ? 1.0 : a);
    }

    @Override
    public double derivative(double a, double h) {
        return (a > -1 && a < 1) ? 1.0 : 0.0;
    }

    @Override
    public String name() {
        return "HardTanh";
    }
}
