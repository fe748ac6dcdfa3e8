package descent.regularize;

import descent.nn.Param;

import java.util.List;

/**
 * L² parameter regularization, also called weight decay, ridge regression or Tikhonov regularization (Goodfellow et al.
 * §7.1.1; the draft chapter 7, §7.2.1):
 * <pre>
 *   αΩ(w) = (α/2)‖w − w⁽ᵒ⁾‖²₂                     (eq. 7.2, with w⁽ᵒ⁾ = 0 by default; footnote 1 otherwise)
 *   ∇_w αΩ = α(w − w⁽ᵒ⁾)                          (eq. 7.3)
 *   SGD step: w ← w − ε(α w + ∇_w J) = (1 − εα)w − ε∇_w J    (eqs. 7.4–7.5: shrink, then the usual step)
 * </pre>
 * Per-layer coefficients, the reference point w⁽ᵒ⁾ and which tensors are penalized (weights, never biases, by
 * default) are set through {@link ParamPenalty}. Added to the gradient, the decay goes through the optimizer's
 * adaptive scaling; {@link DecoupledWeightDecay} applies it outside the optimizer instead (the two agree for SGD only).
 */
public final class L2Penalty extends ParamPenalty<L2Penalty> {

    /** (α/2)‖w‖² on the weights among {@code params}. */
    public L2Penalty(List<Param> params, double alpha) {
        super(params, alpha);
    }

    @Override
    protected double omega(double[] w, double[] r, int n) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            double d = r == null ? w[j] : w[j] - r[j];
            s += d * d;
        }
        return 0.5 * s;
    }

    @Override
    protected void addGradient(double alpha, double[] w, double[] r, double[] g, int n) {
        for (int j = 0; j < n; j++) {
            g[j] += alpha * (r == null ? w[j] : w[j] - r[j]);
        }
    }

    /**
     * The multiplicative part of eq. 7.5 on its own: w ← w − εα(w − w⁽ᵒ⁾), i.e. w ← (1 − εα)w for w⁽ᵒ⁾ = 0, on every
     * penalized tensor. Followed by a plain step w ← w − ε∇J (with ∇J taken before the shrink) it is one SGD step on
     * J + (α/2)‖w‖².
     */
    public void shrink(double epsilon) {
        Checks.coefficient("L2Penalty.shrink: learning rate ε", epsilon);
        for (int k = 0; k < terms(); k++) {
            Param p = term(k);
            double c = epsilon * alpha(k);
            double[] w = p.value().data, r = referenceOf(k);
            for (int j = 0, n = p.size(); j < n; j++) {
                w[j] -= c * (r == null ? w[j] : w[j] - r[j]);
            }
        }
    }

    @Override
    public String name() {
        return "L2";
    }
}
