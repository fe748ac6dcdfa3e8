package descent.nn;

/** Φ(a) = tanh a; Φ' = 1 − h² (Table 3.1). */
public final class Tanh extends Elementwise {
    @Override
    public double value(double a) {
        return Math.tanh(a);
    }

    @Override
    public double derivative(double a, double h) {
        return 1.0 - h * h;
    }

    @Override
    public String name() {
        return "Tanh";
    }
}
