package descent.regularize;

import descent.nn.Param;
import descent.nn.GradientOracle;

import java.util.ArrayList;
import java.util.List;

/**
 * A regularization term αΩ(θ) added to the data loss: J̃(θ) = J(θ) + αΩ(θ) (Goodfellow et al. eq. 7.1). A penalty is
 * bound to its parameters when it is built; {@link #addGradient()} adds ∇_θ αΩ to their gradients and allocates
 * nothing, so it can run on every training step.
 *
 * <p>{@link #addTo(GradientOracle)} turns a data oracle into one for J̃. Every optimizer takes an oracle, so a penalty
 * works with all of them, including those that evaluate the gradient at a shifted point (Nesterov, SAM), and with
 * {@code ParamsObjective} for line searches, CG and L-BFGS; {@code Trainer.penalty(...)} does the same for minibatch
 * training.
 * <pre>{@code
 * Penalty decay = new L2Penalty(net.params(), 1e-3);           // (α/2)‖W‖², biases excluded
 * optimizer.step(decay.addTo(net.oracle(x, y)));              // one step on J + (α/2)‖W‖²
 * }</pre>
 */
public interface Penalty {

    /** αΩ(θ) at the parameters' current values. */
    double value();

    /** Adds ∇_θ αΩ(θ) (a subgradient where Ω has a kink) to each penalized parameter's gradient; returns αΩ(θ). */
    double addGradient();

    /** A short label for tables and legends. */
    String name();

    /**
     * An oracle for J̃ = J + αΩ: evaluates {@code data} (which overwrites the gradients with ∇J) and then adds the
     * penalty's value and gradient.
     */
    default GradientOracle addTo(GradientOracle data) {
        return () -> data.evaluate() + addGradient();
    }

    /**
     * The {@link Param.Role#WEIGHT} tensors of {@code params}, in order: what penalties and constraints act on by
     * default (biases are not penalized, Goodfellow et al. §7.1).
     */
    static List<Param> weights(List<Param> params) {
        List<Param> out = new ArrayList<>();
        for (Param p : params) {
            if (p.role() == Param.Role.WEIGHT && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The sum of several penalties (each keeps its own parameters and coefficients). */
    static Penalty sum(Penalty... penalties) {
        Penalty[] ps = penalties.clone();
        if (ps.length == 0) {
            throw new IllegalArgumentException("Penalty.sum needs at least one penalty");
        }
        return new Penalty() {
            @Override
            public double value() {
                double s = 0;
                for (Penalty p : ps) {
                    s += p.value();
                }
                return s;
            }

            @Override
            public double addGradient() {
                double s = 0;
                for (Penalty p : ps) {
                    s += p.addGradient();
                }
                return s;
            }

            @Override
            public String name() {
                StringBuilder sb = new StringBuilder();
                for (Penalty p : ps) {
                    sb.append(sb.length() == 0 ? "" : " + ").append(p.name());
                }
                return sb.toString();
            }
        };
    }
}
