package descent.regularize;

import descent.nn.Param;
import descent.regularize.linear.SoftThreshold;

import java.util.List;

/**
 * L¹ parameter regularization (Goodfellow et al. §7.1.2; the draft chapter 7, §7.2.2, which calls the coefficient β):
 * <pre>
 *   αΩ(w) = α‖w − w⁽ᵒ⁾‖₁ = α Σᵢ |wᵢ − wᵢ⁽ᵒ⁾|          (eqs. 7.18–7.19; footnote 2 for w⁽ᵒ⁾)
 *   subgradient: α sign(w − w⁽ᵒ⁾)                      (eq. 7.20, with sign(0) = 0)
 * </pre>
 * The subgradient has constant size, so plain (sub)gradient descent makes a weight jump back and forth across zero and
 * almost never lands on it. {@link #proximalStep(double)} instead applies the proximal map of εαΩ after a gradient step
 * on J alone — the soft threshold of eq. 7.23 with H = I/ε:
 * <pre>
 *   wᵢ ← wᵢ⁽ᵒ⁾ + sign(wᵢ − wᵢ⁽ᵒ⁾) max(|wᵢ − wᵢ⁽ᵒ⁾| − εα, 0)
 * </pre>
 * which sets small weights exactly to zero. Gradient step + proximal step is ISTA (proximal gradient descent; Beck and
 * Teboulle 2009, beyond the books); {@link #proximal()} makes it an after-step hook for {@link ProjectedOptimizer}.
 */
public final class L1Penalty extends ParamPenalty<L1Penalty> {

    /** α‖w‖₁ on the weights among {@code params}. */
    public L1Penalty(List<Param> params, double alpha) {
        super(params, alpha);
    }

    @Override
    protected double omega(double[] w, double[] r, int n) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += Math.abs(r == null ? w[j] : w[j] - r[j]);
        }
        return s;
    }

    @Override
    protected void addGradient(double alpha, double[] w, double[] r, double[] g, int n) {
        for (int j = 0; j < n; j++) {
            g[j] += alpha * Math.signum(r == null ? w[j] : w[j] - r[j]);
        }
    }

    /** The proximal map of εαΩ, in place on every penalized tensor (call it after a step on J alone). */
    public void proximalStep(double epsilon) {
        Checks.coefficient("L1Penalty.proximalStep: step size ε", epsilon);
        for (int k = 0; k < terms(); k++) {
            Param p = term(k);
            double t = epsilon * alpha(k);
            double[] w = p.value().data, r = referenceOf(k);
            for (int j = 0, n = p.size(); j < n; j++) {
                double ref = r == null ? 0 : r[j];
                w[j] = ref + SoftThreshold.apply(w[j] - ref, t);
            }
        }
    }

    /** {@link #proximalStep} with the optimizer's current learning rate, as an after-step hook. */
    public AfterStep proximal() {
        return this::proximalStep;
    }

    @Override
    public String name() {
        return "L1";
    }
}
