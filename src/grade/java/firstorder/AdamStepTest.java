package firstorder;

import static descent.grade.GradedAssert.allClose;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "02.5", title = "Adam step with bias correction")
class AdamStepTest {

    private static final String REREAD = "Goodfellow et al. Algorithm 8.7 (t starts at 1; ŝ = s/(1 − ρ₁ᵗ), r̂ = r/(1 − ρ₂ᵗ); "
            + "Δθ = −εŝ/(√r̂ + δ))";

    @Test
    @Points(2)
    void firstStepIsMinusEpsilonSignG() {
        // at t = 1, ŝ = g and r̂ = g², so every coordinate moves by ε against its gradient's sign
        double[] theta = {0, 0, 0};
        double[] s = new double[3];
        double[] r = new double[3];
        double[] g = {1e-3, -5, 0.2};
        AdamStep.step(theta, g, s, r, 1, 0.001, 0.9, 0.999, 1e-8);
        String input = "θ = s = r = 0, g = (1e-3, −5, 0.2), t = 1, defaults ε = 0.001, ρ₁ = 0.9, ρ₂ = 0.999, δ = 1e-8";
        allClose("s after the first step (= (1 − ρ₁) g)", input, new double[]{1e-4, -0.5, 0.02}, s, 1e-12, REREAD);
        allClose("r after the first step (= (1 − ρ₂) g²)", input, new double[]{1e-9, 0.025, 4e-5}, r, 1e-12, REREAD);
        allClose("θ after one step", input, new double[]{-0.001, 0.001, -0.001}, theta, 1e-8, REREAD);
    }

    /** torch.optim.Adam(lr=0.01), five steps on Rosenbrock from (−1.2, 1) (src/test/python/optim_fixtures.py). */
    @Test
    @Points(3)
    void matchesTorchOnRosenbrock() {
        double[][] expected = {{-1.1900000000004638, 1.0099999999988636}, {-1.1800319627914446, 1.0199711121251558},
                {-1.1701205476626875, 1.029890618969127}, {-1.1602930783503274, 1.0397329294796929},
                {-1.1505796078433999, 1.0494693827229704}};
        double[] theta = {-1.2, 1};
        double[] s = new double[2];
        double[] r = new double[2];
        for (int k = 0; k < 5; k++) {
            AdamStep.step(theta, rosenbrockGradient(theta), s, r, k + 1, 0.01, 0.9, 0.999, 1e-8);
            allClose("θ after step " + (k + 1), "Rosenbrock from (−1.2, 1), ε = 0.01", expected[k], theta, 1e-10, REREAD);
        }
    }

    /** ∇f for the 2-D Rosenbrock function f = 100(y − x²)² + (1 − x)². */
    private static double[] rosenbrockGradient(double[] p) {
        double t = p[1] - p[0] * p[0];
        return new double[]{-400 * p[0] * t - 2 * (1 - p[0]), 200 * t};
    }
}
