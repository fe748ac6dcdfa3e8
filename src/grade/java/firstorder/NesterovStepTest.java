package firstorder;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

@Exercise(id = "02.2", title = "Nesterov momentum step")
class NesterovStepTest {

    private static final String REREAD = "Goodfellow et al. Algorithm 8.3 (gradient at the interim point θ + αv)";

    @Test
    @Points(3)
    void asksForTheGradientAtTheInterimPoint() {
        // f = x² + 4y² from (1, 1), ε = 0.1, α = 0.5.
        // Step 1 (v = 0): interim (1, 1), g = (2, 8), v = (−0.2, −0.8), θ = (0.8, 0.2).
        // Step 2: interim (0.8 − 0.1, 0.2 − 0.4) = (0.7, −0.2), g = (1.4, −1.6),
        //         v = (−0.1 − 0.14, −0.4 + 0.16) = (−0.24, −0.24), θ = (0.56, −0.04).
        List<double[]> asked = new ArrayList<>();
        Function<double[], double[]> grad = p -> {
            asked.add(p.clone());
            return new double[]{2 * p[0], 8 * p[1]};
        };
        double[] theta = {1, 1}, v = {0, 0};
        String input = "f = x² + 4y² from (1, 1), ε = 0.1, α = 0.5";
        NesterovStep.step(theta, v, grad, 0.1, 0.5);
        NesterovStep.step(theta, v, grad, 0.1, 0.5);
        that(asked.size() == 2, "gradient evaluations", input, "expected one per step (2), got " + asked.size(), REREAD);
        allClose("point the gradient was asked at in step 2", input, new double[]{0.7, -0.2}, asked.get(1), 1e-12, REREAD);
        allClose("θ after step 2", input, new double[]{0.56, -0.04}, theta, 1e-12, REREAD);
        allClose("v after step 2", input, new double[]{-0.24, -0.24}, v, 1e-12, REREAD);
    }

    @Test
    @Points(1)
    void differsFromClassicalMomentum() {
        // same setting, classical momentum would reach (0.54, −0.36) after two steps
        double[] theta = {1, 1}, v = {0, 0};
        for (int k = 0; k < 2; k++) {
            NesterovStep.step(theta, v, p -> new double[]{2 * p[0], 8 * p[1]}, 0.1, 0.5);
        }
        that(Math.abs(theta[1] + 0.36) > 1e-3 && Math.abs(theta[1] + 0.04) < 1e-12, "θ_y after 2 steps",
                "f = x² + 4y² from (1, 1), ε = 0.1, α = 0.5", "expected −0.04 (classical momentum gives −0.36), got "
                        + theta[1], REREAD);
    }
}
