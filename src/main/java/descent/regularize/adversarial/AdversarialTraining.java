package descent.regularize.adversarial;

import descent.nn.GradientOracle;
import descent.nn.Param;
import descent.nn.Sequential;
import descent.train.Trainer;
import org.ejml.data.DMatrixRMaj;

import java.util.List;

/**
 * Adversarial training (Szegedy et al. 2014b and Goodfellow et al. 2014b, in the draft of Goodfellow et al. ch. 7,
 * §7.13): train on a mix of the clean minibatch and its fast-gradient-sign perturbation, recomputed with the current
 * parameters at every step,
 * <pre>
 *   J̃(θ) = α J(θ, x, y) + (1 − α) J(θ, x + ε sign(∇ₓJ(θ, x, y)), y)
 * </pre>
 * with the perturbed input held fixed while differentiating with respect to θ. <b>α = 0.5 is Goodfellow et al.
 * 2014b's choice, not the draft's</b>: here it is a parameter. Plug it into the trainer with
 * {@code trainer.objective(new AdversarialTraining(net, fgsm, 0.5))}. The oracle's buffers are allocated once.
 */
public final class AdversarialTraining implements Trainer.BatchObjective {

    private final Sequential net;
    private final FastGradientSign fgsm;
    private final double alpha;
    private final List<Param> params;
    private final double[][] clean;
    private final DMatrixRMaj adversarial = new DMatrixRMaj(1, 1);

    /**
     * @param net   the network (its parameters receive the mixed gradient)
     * @param fgsm  the attack used to perturb each minibatch
     * @param alpha α ∈ [0, 1], the weight of the clean loss
     */
    public AdversarialTraining(Sequential net, FastGradientSign fgsm, double alpha) {
        if (net == null || fgsm == null) {
            throw new IllegalArgumentException("adversarial training needs a network and an FGSM attack");
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("adversarial training: the clean-loss weight α must lie in [0, 1], got " + alpha);
        }
        this.net = net;
        this.fgsm = fgsm;
        this.alpha = alpha;
        this.params = net.params();
        this.clean = new double[params.size()][];
        for (int i = 0; i < clean.length; i++) {
            clean[i] = new double[params.get(i).size()];
        }
    }

    public double alpha() {
        return alpha;
    }

    @Override
    public GradientOracle oracle(Sequential network, DMatrixRMaj x, int[] labels) {
        if (network != net) {
            throw new IllegalArgumentException("this AdversarialTraining was built for network " + net + ", not " + network);
        }
        return () -> {
            fgsm.perturb(net, x, labels, adversarial);
            double lc = net.lossAndGradient(x, labels);
            for (int i = 0; i < clean.length; i++) {
                System.arraycopy(params.get(i).grad().data, 0, clean[i], 0, clean[i].length);
            }
            double la = net.lossAndGradient(adversarial, labels);
            for (int i = 0; i < clean.length; i++) {
                double[] g = params.get(i).grad().data;
                for (int j = 0; j < g.length; j++) {
                    g[j] = alpha * clean[i][j] + (1 - alpha) * g[j];
                }
            }
            return alpha * lc + (1 - alpha) * la;
        };
    }
}
