package firstorder;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.that;

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
        AdamStep adam = new AdamStep(3, 0.001, 0.9, 0.999, 1e-8);
        double[] theta = {0, 0, 0};
        adam.step(theta, new double[]{1e-3, -5, 0.2});
        String input = "θ = 0, g = (1e-3, −5, 0.2), defaults ε = 0.001, ρ₁ = 0.9, ρ₂ = 0.999, δ = 1e-8";
        that(adam.t() == 1, "t after the first step", input, "expected 1, got " + adam.t(), REREAD);
        allClose("θ after one step", input, new double[]{-0.001, 0.001, -0.001}, theta, 1e-8, REREAD);
    }

    /** torch.optim.Adam(lr=0.01), five steps on Rosenbrock from (−1.2, 1) (src/test/python/optim_fixtures.py). */
    @Test
    @Points(3)
    void matchesTorchOnRosenbrock() {
        double[][] expected = {{-1.1900000000004638, 1.0099999999988636}, {-1.1800319627914446, 1.0199711121251558},
                {-1.1701205476626875, 1.029890618969127}, {-1.1602930783503274, 1.0397329294796929},
                {-1.1505796078433999, 1.0494693827229704}};
        AdamStep adam = new AdamStep(2, 0.01, 0.9, 0.999, 1e-8);
        double[] theta = {-1.2, 1};
        for (int k = 0; k < 5; k++) {
            adam.step(theta, rosenbrockGradient(theta));
            allClose("θ after step " + (k + 1), "Rosenbrock from (−1.2, 1), ε = 0.01", expected[k], theta, 1e-10, REREAD);
        }
    }

    /** ∇f for the 2-D Rosenbrock function f = 100(y − x²)² + (1 − x)². */
    private static double[] rosenbrockGradient(double[] p) {
        double t = p[1] - p[0] * p[0];
        return new double[]{-400 * p[0] * t - 2 * (1 - p[0]), 200 * t};
    }
}
