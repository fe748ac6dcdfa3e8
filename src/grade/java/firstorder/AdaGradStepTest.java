package firstorder;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Exercise(id = "02.3", title = "AdaGrad step")
class AdaGradStepTest {

    private static final String REREAD = "Goodfellow et al. Algorithm 8.4 (r ← r + g⊙g; Δθ = −ε/(δ + √r)⊙g — note the minus "
            + "sign the printed box lost)";

    @Test
    @Points(2)
    void oneStepByHand() {
        // θ = (1, 2), g = (3, 4): r = (9, 16), θ = (1 − 0.1·3/(3 + 1e-7), 2 − 0.1·4/(4 + 1e-7))
        double[] theta = {1, 2}, r = {0, 0};
        AdaGradStep.step(theta, r, new double[]{3, 4}, 0.1, 1e-7);
        String input = "θ = (1, 2), g = (3, 4), ε = 0.1, δ = 1e-7";
        allClose("r", input, new double[]{9, 16}, r, 1e-12, REREAD);
        allClose("θ", input, new double[]{0.9000000033333332, 1.9000000025}, theta, 1e-12, REREAD);
    }

    @Test
    @Points(1)
    void aZeroGradientEntryLeavesItsParameterAlone() {
        // g₁ = 0 at the first step: r₁ stays 0 and the rate ε/(δ + √0) = ε/δ multiplies 0, so θ₁ does not move; without
        // δ the rate is ε/0 and the step 0·∞ is NaN. θ₂ = 2 − 0.1·4/(4 + 1e-7).
        double[] theta = {1, 2}, r = {0, 0};
        AdaGradStep.step(theta, r, new double[]{0, 4}, 0.1, 1e-7);
        String input = "θ = (1, 2), g = (0, 4), ε = 0.1, δ = 1e-7 (first step, r = 0)";
        allClose("r", input, new double[]{0, 16}, r, 0, REREAD);
        allClose("θ", input, new double[]{1, 2 - 0.1 * 4 / (4 + 1e-7)}, theta, 1e-15, REREAD);
    }

    /** torch.optim.Adagrad(lr=0.1, eps=1e-7), five steps on Rosenbrock from (−1.2, 1) (src/test/python/optim_fixtures.py). */
    @Test
    @Points(2)
    void matchesTorchOnRosenbrock() {
        double[][] expected = {{-1.100000000046382, 1.0999999998863637}, {-1.0762981580745976, 1.1242535624080157},
                {-1.0678298518619835, 1.1317650330274625}, {-1.0643458624240716, 1.1336325752517071},
                {-1.0626464211780065, 1.1334566137664788}};
        double[] theta = {-1.2, 1}, r = {0, 0};
        for (int k = 0; k < 5; k++) {
            AdaGradStep.step(theta, r, rosenbrockGradient(theta), 0.1, 1e-7);
            allClose("θ after step " + (k + 1), "Rosenbrock from (−1.2, 1), ε = 0.1, δ = 1e-7", expected[k], theta, 1e-10, REREAD);
        }
    }

    @Test
    @Points(1)
    void effectiveRateNeverIncreases() {
        Random rng = new Random(5);
        double[] theta = {0}, r = {0};
        double previous = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 50; k++) {
            double g = rng.nextGaussian();
            double before = theta[0];
            AdaGradStep.step(theta, r, new double[]{g}, 0.1, 1e-7);
            double rate = (before - theta[0]) / g;
            that(rate > 0 && rate <= previous + 1e-15, "effective rate ε/(δ + √r)", "random gradients, step " + (k + 1),
                    "it must be positive and never grow, went from " + previous + " to " + rate, REREAD);
            previous = rate;
        }
    }

    /** ∇f for the 2-D Rosenbrock function f = 100(y − x²)² + (1 − x)². */
    private static double[] rosenbrockGradient(double[] p) {
        double t = p[1] - p[0] * p[0];
        return new double[]{-400 * p[0] * t - 2 * (1 - p[0]), 200 * t};
    }
}
