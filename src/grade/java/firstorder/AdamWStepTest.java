package firstorder;

import static descent.grade.GradedAssert.allClose;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "02.6", title = "AdamW step")
class AdamWStepTest {

    private static final String REREAD = "Loshchilov and Hutter, Algorithm 2, AdamW line (θ ← θ − η(α m̂/(√v̂ + ε) + λθ)); the "
            + "decay is not added to the gradient and is not divided by √v̂";

    /** torch.optim.AdamW(lr=0.01, weight_decay=0.1), i.e. α = 0.01, λ = lr·0.1 = 0.001, η = 1 (src/test/python/optim_fixtures.py). */
    @Test
    @Points(3)
    void matchesTorchOnRosenbrock() {
        double[][] expected = {{-1.1888000000004637, 1.0089999999988637}, {-1.1776458005670083, 1.0179599848861274},
                {-1.1665641672697558, 1.0268554517746076}, {-1.155584819005738, 1.0356586915670072},
                {-1.144740492174491, 1.0443385597394848}};
        double[] theta = {-1.2, 1};
        double[] m = new double[2];
        double[] v = new double[2];
        for (int k = 0; k < 5; k++) {
            AdamWStep.step(theta, rosenbrockGradient(theta), m, v, k + 1, 0.01, 0.9, 0.999, 1e-8, 0.001, 1.0);
            allClose("θ after step " + (k + 1), "Rosenbrock from (−1.2, 1), α = 0.01, λ = 0.001, η = 1", expected[k], theta, 1e-10, REREAD);
        }
    }

    @Test
    @Points(2)
    void zeroDataGradientShrinksGeometricallyWithTheScheduleMultiplier() {
        // g = 0 keeps m = v = 0, so only the decay acts: θ ← θ(1 − ηλ); with η = 0.5, λ = 0.1 that is ×0.95 per step
        double[] theta = {2, -0.01};
        double[] m = new double[2];
        double[] v = new double[2];
        AdamWStep.step(theta, new double[]{0, 0}, m, v, 1, 0.001, 0.9, 0.999, 1e-8, 0.1, 0.5);
        AdamWStep.step(theta, new double[]{0, 0}, m, v, 2, 0.001, 0.9, 0.999, 1e-8, 0.1, 0.5);
        allClose("θ after two steps", "θ = (2, −0.01), g = 0, λ = 0.1, η = 0.5", new double[]{2 * 0.95 * 0.95, -0.01 * 0.95 * 0.95},
                theta, 1e-12, REREAD);
    }

    @Test
    @Points(1)
    void epsilonMattersWhenTheGradientIsAsSmallAsEpsilon() {
        // Step 1 has m̂ = g and √v̂ = |g|, so the Adam part is α·g/(|g| + ε): for g = ε = 1e-8 that is α/2 (ε added to
        // √v̂, not subtracted and not under the root); for g = −3 it is −α·3/(3 + 1e-8). λ = 0, η = 1.
        double[] theta = {1, 1};
        AdamWStep.step(theta, new double[]{1e-8, -3}, new double[2], new double[2], 1, 0.01, 0.9, 0.999, 1e-8, 0, 1.0);
        allClose("θ after one step", "θ = (1, 1), g = (1e-8, −3), α = 0.01, ε = 1e-8, λ = 0, η = 1",
                new double[]{0.995, 1.0099999999666667}, theta, 1e-12, REREAD);
    }

    @Test
    @Points(1)
    void zeroDecayIsAdam() {
        // with λ = 0 AdamW is Adam (ε = α): torch.optim.Adam(lr=0.01) gives these two steps on Rosenbrock
        double[] theta = {-1.2, 1};
        double[] m = new double[2];
        double[] v = new double[2];
        AdamWStep.step(theta, rosenbrockGradient(theta), m, v, 1, 0.01, 0.9, 0.999, 1e-8, 0, 1.0);
        AdamWStep.step(theta, rosenbrockGradient(theta), m, v, 2, 0.01, 0.9, 0.999, 1e-8, 0, 1.0);
        allClose("θ after two steps", "λ = 0, α = 0.01 on Rosenbrock from (−1.2, 1)",
                new double[]{-1.1800319627914446, 1.0199711121251558}, theta, 1e-10, REREAD);
    }

    /** ∇f for the 2-D Rosenbrock function f = 100(y − x²)² + (1 − x)². */
    private static double[] rosenbrockGradient(double[] p) {
        double t = p[1] - p[0] * p[0];
        return new double[]{-400 * p[0] * t - 2 * (1 - p[0]), 200 * t};
    }
}
