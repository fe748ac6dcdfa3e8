package descent.regularize;

import descent.nn.Param;

/**
 * Parameter tying by a penalty (Goodfellow et al. §7.9; the draft chapter 7, §7.8): two models (or layers) that should
 * solve similar tasks are pulled towards each other instead of towards zero,
 * <pre>
 *   αΩ(w⁽ᴬ⁾, w⁽ᴮ⁾) = α‖w⁽ᴬ⁾ − w⁽ᴮ⁾‖²₂       (no ½, as printed)
 *   ∇_{w⁽ᴬ⁾} = 2α(w⁽ᴬ⁾ − w⁽ᴮ⁾),   ∇_{w⁽ᴮ⁾} = −2α(w⁽ᴬ⁾ − w⁽ᴮ⁾)
 * </pre>
 * α = 0 leaves two independent models; as α → ∞ they become one shared set of weights, which {@link Tie} enforces
 * exactly as a constraint.
 */
public final class TyingPenalty implements Penalty {

    private final Param a;
    private final Param b;
    private final double alpha;

    public TyingPenalty(Param a, Param b, double alpha) {
        if (a == b) {
            throw new IllegalArgumentException("TyingPenalty ties two different tensors, got " + a + " twice");
        }
        if (a.value().numRows != b.value().numRows || a.value().numCols != b.value().numCols) {
            throw new IllegalArgumentException("TyingPenalty needs tensors of the same shape, got " + a + " and " + b);
        }
        this.a = a;
        this.b = b;
        this.alpha = Checks.coefficient("TyingPenalty: coefficient α", alpha);
    }

    @Override
    public double value() {
        double[] wa = a.value().data, wb = b.value().data;
        double s = 0;
        for (int j = 0, n = a.size(); j < n; j++) {
            double d = wa[j] - wb[j];
            s += d * d;
        }
        return alpha * s;
    }

    @Override
    public double addGradient() {
        double[] wa = a.value().data, wb = b.value().data, ga = a.grad().data, gb = b.grad().data;
        double s = 0;
        for (int j = 0, n = a.size(); j < n; j++) {
            double d = wa[j] - wb[j];
            s += d * d;
            ga[j] += 2 * alpha * d;
            gb[j] -= 2 * alpha * d;
        }
        return alpha * s;
    }

    @Override
    public String name() {
        return "tie(" + a.name() + ", " + b.name() + ")";
    }
}
