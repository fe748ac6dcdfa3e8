package descent.regularize;

import descent.nn.Param;

/**
 * Hard parameter sharing as a constraint, w⁽ᴬ⁾ = w⁽ᴮ⁾ (Goodfellow et al. §7.9; the draft chapter 7, §7.8): the
 * Euclidean projection onto that set replaces both tensors by their mean,
 * <pre>
 *   w⁽ᴬ⁾, w⁽ᴮ⁾ ← ½(w⁽ᴬ⁾ + w⁽ᴮ⁾).
 * </pre>
 * Started equal, projected SGD with rate ε then moves the shared value by −(ε/2)(g⁽ᴬ⁾ + g⁽ᴮ⁾): exactly sharing one
 * tensor between the two places (whose gradient is the sum of the two uses, Aggarwal §3.2.9) at half the learning rate.
 * It is the α → ∞ limit of {@link TyingPenalty}. (A layer that holds the same {@code Param} twice shares it by
 * reference; this class is for two tensors that already exist.)
 */
public final class Tie implements Constraint {

    private final Param a;
    private final Param b;

    public Tie(Param a, Param b) {
        if (a == b) {
            throw new IllegalArgumentException("Tie needs two different tensors, got " + a + " twice");
        }
        if (a.value().numRows != b.value().numRows || a.value().numCols != b.value().numCols) {
            throw new IllegalArgumentException("Tie needs tensors of the same shape, got " + a + " and " + b);
        }
        this.a = a;
        this.b = b;
    }

    @Override
    public void project() {
        double[] wa = a.value().data, wb = b.value().data;
        for (int j = 0, n = a.size(); j < n; j++) {
            double m = 0.5 * (wa[j] + wb[j]);
            wa[j] = m;
            wb[j] = m;
        }
    }

    @Override
    public double violation() {
        double[] wa = a.value().data, wb = b.value().data;
        double s = 0;
        for (int j = 0, n = a.size(); j < n; j++) {
            s += (wa[j] - wb[j]) * (wa[j] - wb[j]);
        }
        return Math.sqrt(s);
    }

    @Override
    public String toString() {
        return a.name() + " = " + b.name();
    }
}
