package descent.nn;

/** Φ(a) = a, Φ' = 1: the "linear" activation of §3.2.5 (δ passes through unchanged). */
public final class Identity extends Elementwise {
    @Override
    public double value(double a) {
        return a;
    }

    @Override
    public double derivative(double a, double h) {
        return 1.0;
    }

    @Override
    public void forwardRange(double[] x, double[] y, int from, int to) {
        System.arraycopy(x, from, y, from, to - from);
    }

    @Override
    public String name() {
        return "Identity";
    }
}
