package datanoise;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;

import descent.grade.Exercise;
import descent.grade.GradedAssert;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/**
 * Targets by hand; gradients against NumPy (softmax with the maximum subtracted, minus t); the logit gap against
 * log((1 − ε)(k − 1)/ε) evaluated by NumPy (4.394449154672438 for k = 10, ε = 0.1; 2.197224577336219 for k = 2) and
 * against the zero of the gradient: at z with the gap, softmax(z) − t vanishes.
 */
@Exercise(id = "06.4", title = "label smoothing: targets, gradient, logit gap")
class SmoothedTargetsTest {

    private static final String TARGETS = "notebook 26 and Goodfellow et al. §7.5.1: 1 − ε for the labelled class and "
            + "ε/(k − 1) for each of the k − 1 others (not ε/k: the targets must sum to 1 with 1 − ε on the label)";
    private static final String GRAD = "notebook 26: ∂L/∂z = softmax(z) − t, softmax computed after subtracting the "
            + "largest logit";
    private static final String GAP = "notebook 26: at the minimum softmax(z) = t, so z_y − z_j = log(t_y/t_j) = "
            + "log((1 − ε)(k − 1)/ε)";

    private static double[] flat(double[][] t) {
        if (t == null) {
            return null;
        }
        int n = 0;
        for (double[] r : t) {
            n += r == null ? 0 : r.length;
        }
        double[] out = new double[n];
        int i = 0;
        for (double[] r : t) {
            if (r != null) {
                for (double v : r) {
                    out[i++] = v;
                }
            }
        }
        return out;
    }

    @Test
    @Points(2)
    void targetsByHand() {
        allClose("targets", "labels (2, 0), k = 4, ε = 0.3", new double[]{0.1, 0.1, 0.7, 0.1, 0.7, 0.1, 0.1, 0.1},
                flat(SmoothedTargets.targets(new int[]{2, 0}, 4, 0.3)), 1e-12, TARGETS);
        allClose("targets", "label (1), k = 2, ε = 0.25", new double[]{0.25, 0.75},
                flat(SmoothedTargets.targets(new int[]{1}, 2, 0.25)), 1e-12, TARGETS);
        allClose("targets", "label (3), k = 5, ε = 0 (hard targets)", new double[]{0, 0, 0, 1, 0},
                flat(SmoothedTargets.targets(new int[]{3}, 5, 0)), 0, TARGETS);
    }

    @Test
    @Points(1)
    void epsilonOutsideItsRangeIsRefused() {
        for (double eps : new double[]{1.0, -0.1, Double.NaN}) {
            try {
                SmoothedTargets.targets(new int[]{0}, 3, eps);
                GradedAssert.fail("targets", "ε = " + eps, "an IllegalArgumentException naming " + eps, "no exception",
                        "notebook 26: ε must lie in [0, 1)");
            } catch (IllegalArgumentException e) {
                GradedAssert.that(e.getMessage() != null && e.getMessage().contains(String.valueOf(eps)), "the message",
                        "ε = " + eps, "it should name the value " + eps + ", got: " + e.getMessage(), "notebook 26: ε must lie in [0, 1)");
            }
        }
    }

    @Test
    @Points(3)
    void gradientAgainstNumpy() {
        allClose("softmax(z) − t", "z = (2, −1, 0.5, 0), label 2, ε = 0.2",
                new double[]{0.64343326, -0.03131287, -0.64155529, 0.02943491},
                SmoothedTargets.gradient(new double[]{2, -1, 0.5, 0}, 2, 0.2), 1e-8, GRAD);
    }

    @Test
    @Points(3)
    void gradientWithLargeLogits() {
        allClose("softmax(z) − t", "z = (1000, 0, −1000, 999), label 3, ε = 0.1 (large logits: subtract the maximum)",
                new double[]{0.69772525, -0.03333333, -0.03333333, -0.63105858},
                SmoothedTargets.gradient(new double[]{1000, 0, -1000, 999}, 3, 0.1), 1e-8, GRAD);
        allClose("softmax(z) − t", "z = (−800, −805), label 0, ε = 0 (all logits very negative)",
                new double[]{-0.0066928509, 0.0066928509},
                SmoothedTargets.gradient(new double[]{-800, -805}, 0, 0), 1e-9, GRAD);
    }

    @Test
    @Points(2)
    void logitGap() {
        close("logit gap", "k = 10, ε = 0.1", 4.394449154672438, SmoothedTargets.logitGap(10, 0.1), 1e-12, GAP);
        close("logit gap", "k = 2, ε = 0.1", 2.197224577336219, SmoothedTargets.logitGap(2, 0.1), 1e-12, GAP);
        close("logit gap", "k = 4, ε = 0.2", 2.4849066497880004, SmoothedTargets.logitGap(4, 0.2), 1e-12, GAP);
    }

    @Test
    @Points(1)
    void theGapIsWhereTheGradientVanishes() {
        double gap = SmoothedTargets.logitGap(5, 0.3);
        double[] z = {0, 0, gap, 0, 0};
        allClose("softmax(z) − t at z = (0, 0, gap, 0, 0)", "k = 5, label 2, ε = 0.3, gap = your logitGap(5, 0.3)",
                new double[5], SmoothedTargets.gradient(z, 2, 0.3), 1e-12, GAP);
    }
}
