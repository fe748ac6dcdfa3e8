package descent.nn;

/**
 * Φ(a) = 1/(1+e^{−a}); Φ' = h(1−h), read off the output (Table 3.1, §3.2.5). Written so that neither branch
 * overflows: for a &lt; 0 it uses e^{a}/(1+e^{a}).
 */
public final class Sigmoid extends Elementwise {
    /** The logistic function, stable for any finite a. */
    public static double sigmoid(double a) {
        if (a >= 0) {
            return 1.0 / (1.0 + Math.exp(-a));
        }
        double e = Math.exp(a);
        return e / (1.0 + e);
    }

    @Override
    public double value(double a) {
        return sigmoid(a);
    }

    @Override
    public double derivative(double a, double h) {
        return h * (1.0 - h);
    }

    @Override
    public String name() {
        return "Sigmoid";
    }
}
