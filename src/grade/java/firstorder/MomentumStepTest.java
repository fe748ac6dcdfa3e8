package firstorder;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "02.1", title = "momentum step")
class MomentumStepTest {

    private static final String REREAD = "Goodfellow et al. Algorithm 8.2 (v ← αv − εg, then θ ← θ + v)";

    @Test
    @Points(3)
    void twoStepsOnABowlByHand() {
        // f = x² + 4y², g = (2x, 8y), from (1, 1) with ε = 0.1, α = 0.5:
        // step 1: g = (2, 8), v = (−0.2, −0.8), θ = (0.8, 0.2)
        // step 2: g = (1.6, 1.6), v = 0.5·(−0.2, −0.8) − 0.1·(1.6, 1.6) = (−0.26, −0.56), θ = (0.54, −0.36)
        double[] theta = {1, 1}, v = {0, 0};
        String input = "f = x² + 4y² from (1, 1), ε = 0.1, α = 0.5";
        MomentumStep.step(theta, v, new double[]{2 * theta[0], 8 * theta[1]}, 0.1, 0.5);
        allClose("θ after step 1", input, new double[]{0.8, 0.2}, theta, 1e-12, REREAD);
        MomentumStep.step(theta, v, new double[]{2 * theta[0], 8 * theta[1]}, 0.1, 0.5);
        allClose("v after step 2", input, new double[]{-0.26, -0.56}, v, 1e-12, REREAD);
        allClose("θ after step 2", input, new double[]{0.54, -0.36}, theta, 1e-12, REREAD);
    }

    @Test
    @Points(1)
    void zeroMomentumIsPlainSgd() {
        double[] theta = {-1.2, 1}, v = {0, 0}, sgd = {-1.2, 1};
        for (int k = 0; k < 20; k++) {
            MomentumStep.step(theta, v, new double[]{2 * theta[0], 8 * theta[1]}, 0.05, 0.0);
            sgd[0] -= 0.05 * 2 * sgd[0];
            sgd[1] -= 0.05 * 8 * sgd[1];
        }
        allClose("θ after 20 steps", "α = 0, ε = 0.05 on x² + 4y² (must equal θ ← θ − εg)", sgd, theta, 1e-12, REREAD);
    }

    @Test
    @Points(1)
    void terminalVelocity() {
        // eq. 8.17: under a constant gradient g the velocity approaches −εg/(1 − α)
        double[] theta = {0}, v = {0};
        for (int k = 0; k < 400; k++) {
            MomentumStep.step(theta, v, new double[]{2}, 0.1, 0.9);
        }
        close("v after 400 steps", "constant g = 2, ε = 0.1, α = 0.9", -0.1 * 2 / (1 - 0.9), v[0], 1e-9,
                "Goodfellow et al. eq. 8.17 (terminal velocity ε‖g‖/(1 − α))");
    }
}
