package penalties;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

import java.util.Random;

/** One SGD step with L² weight decay on the weights and none on the biases. */
@Exercise(id = "05.1", title = "L2 weight-decay step")
class WeightDecayStepTest {

    private static final String REREAD = "Goodfellow et al. §7.1 (biases are not penalized) and eqs. 7.4–7.5 "
            + "(w ← (1 − εα)w − ε∇_w J); notebook 20";
    private static final String INPUT = "w = (0.5, −1.25, 2), b = (0.75, −0.3), ∇_w J = (0.1, 0.4, −0.2), "
            + "∇_b J = (1, −0.5), ε = 0.1, α = 0.5";

    /** src/test/python/penalties_fixtures.py: (1 − εα)w − ε∇_w J. */
    @Test
    @Points(3)
    void weightsShrinkThenStep() {
        double[] w = {0.5, -1.25, 2}, b = {0.75, -0.3};
        WeightDecayStep.step(w, b, new double[]{0.1, 0.4, -0.2}, new double[]{1, -0.5}, 0.1, 0.5);
        allClose("w after the step", INPUT, new double[]{0.465, -1.2275, 1.92}, w, 1e-14, REREAD);
    }

    @Test
    @Points(3)
    void biasesTakeAPlainStep() {
        double[] w = {0.5, -1.25, 2}, b = {0.75, -0.3};
        WeightDecayStep.step(w, b, new double[]{0.1, 0.4, -0.2}, new double[]{1, -0.5}, 0.1, 0.5);
        allClose("b after the step (no decay on biases)", INPUT, new double[]{0.65, -0.25}, b, 1e-14, REREAD);
    }

    @Test
    @Points(2)
    void equalsGradientDescentOnThePenalizedLoss() {
        Random rng = new Random(51);
        double[] w = new double[6], b = new double[2], gw = new double[6], gb = new double[2];
        for (int i = 0; i < 6; i++) {
            w[i] = rng.nextGaussian();
            gw[i] = rng.nextGaussian();
        }
        for (int i = 0; i < 2; i++) {
            b[i] = rng.nextGaussian();
            gb[i] = rng.nextGaussian();
        }
        double eps = 0.3, alpha = 1.7;
        double[] expected = new double[6];
        for (int i = 0; i < 6; i++) {
            expected[i] = w[i] - eps * (gw[i] + alpha * w[i]);       // eq. 7.4: a step along ∇J + αw
        }
        double[] expectedB = {b[0] - eps * gb[0], b[1] - eps * gb[1]};  // the penalty has no bias term
        WeightDecayStep.step(w, b, gw, gb, eps, alpha);
        allClose("w", "random w and ∇J, ε = 0.3, α = 1.7 (compared with w − ε(∇J + αw), eq. 7.4)", expected, w, 1e-13,
                REREAD);
        allClose("b (no decay on biases)", "random b and ∇J, ε = 0.3, α = 1.7 (compared with b − ε∇_b J)", expectedB, b, 1e-13,
                REREAD);
    }

    @Test
    @Points(1)
    void zeroDecayIsAPlainStep() {
        double[] w = {1, -2}, b = {0.5};
        WeightDecayStep.step(w, b, new double[]{0.5, 0.5}, new double[]{1}, 0.2, 0);
        allClose("w", "w = (1, −2), ∇_w J = (0.5, 0.5), ε = 0.2, α = 0 (no decay: a plain step)", new double[]{0.9, -2.1}, w, 1e-15, REREAD);
    }

    @Test
    @Points(1)
    void refusesANegativeCoefficient() {
        try {
            WeightDecayStep.step(new double[]{1}, new double[]{1}, new double[]{0}, new double[]{0}, 0.1, -0.5);
            that(false, "α = −0.5", "w = (1), b = (1)", "expected IllegalArgumentException, got no exception", REREAD);
        } catch (IllegalArgumentException expected) {
            // refused
        }
    }
}
