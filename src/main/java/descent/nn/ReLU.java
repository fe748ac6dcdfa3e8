package descent.nn;

/**
 * Φ(a) = max(0, a); Φ' = I(a &gt; 0) (Table 3.1). At the kink a = 0 the derivative is taken as 0, the
 * convention PyTorch also uses; gradient checks near a kink need the looser threshold of §3.2.10.
 */
public final class ReLU extends Elementwise {
    @Override
    public double value(double a) {
        return a > 0 ? a : 0.0;
    }

    @Override
    public double derivative(double a, double h) {
        return a > 0 ? 1.0 : 0.0;
    }

    @Override
    public void forwardRange(double[] x, double[] y, int from, int to) {
        for (int k = from; k < to; k++) {
            double v = x[k];
            y[k] = v > 0 ? v : 0.0;
        }
    }

    @Override
    public void backwardRange(double[] x, double[] y, double[] g, double[] gin, int from, int to) {
        for (int k = from; k < to; k++) {
            gin[k] = x[k] > 0 ? g[k] : 0.0;
        }
    }

    @Override
    public String name() {
        return "ReLU";
    }
}
