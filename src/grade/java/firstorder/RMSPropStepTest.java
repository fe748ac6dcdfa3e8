package firstorder;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "02.4", title = "RMSProp step")
class RMSPropStepTest {

    private static final String REREAD = "Goodfellow et al. Algorithm 8.5 (r ← ρr + (1 − ρ)g⊙g; Δθ = −ε/√(δ + r)⊙g, δ inside "
            + "the root)";

    @Test
    @Points(3)
    void twoStepsByHand() {
        // f = x² from x = 1, ε = 0.01, ρ = 0.9, δ = 1e-6:
        // step 1: g = 2, r = 0.4, x = 1 − 0.01·2/√(0.400001) = 0.9683772629267129
        // step 2: g = 1.93675…, r = 0.9·0.4 + 0.1·g², x = 0.9457880791718353 (Python float arithmetic)
        double[] theta = {1}, r = {0};
        String input = "f = x² from 1, ε = 0.01, ρ = 0.9, δ = 1e-6";
        RMSPropStep.step(theta, r, new double[]{2 * theta[0]}, 0.01, 0.9, 1e-6);
        close("x after step 1", input, 0.9683772629267129, theta[0], 1e-13, REREAD);
        close("r after step 1", input, 0.4, r[0], 1e-13, REREAD);
        RMSPropStep.step(theta, r, new double[]{2 * theta[0]}, 0.01, 0.9, 1e-6);
        close("x after step 2", input, 0.9457880791718353, theta[0], 1e-13, REREAD);
    }

    @Test
    @Points(1)
    void aZeroGradientEntryLeavesItsParameterAlone() {
        // g₁ = 0 at the first step: r₁ stays 0 and the step is ε/√(δ + 0)·0 = 0; without δ it is 0/0 = NaN.
        // θ₂ = 2 − 0.01·4/√(1e-6 + 0.1·16).
        double[] theta = {1, 2}, r = {0, 0};
        RMSPropStep.step(theta, r, new double[]{0, 4}, 0.01, 0.9, 1e-6);
        String input = "θ = (1, 2), g = (0, 4), ε = 0.01, ρ = 0.9, δ = 1e-6 (first step, r = 0)";
        allClose("r", input, new double[]{0, 0.1 * 16}, r, 1e-15, REREAD);
        allClose("θ", input, new double[]{1, 2 - 0.01 * 4 / Math.sqrt(1e-6 + 0.1 * 16)}, theta, 1e-15, REREAD);
    }

    @Test
    @Points(1)
    void firstStepIgnoresTheGradientScale() {
        // r starts at 0, so step 1 is ε·g/√((1 − ρ)g²) = ε/√(1 − ρ)·sign(g) ≈ 3.16ε for ρ = 0.9 (δ = 0)
        double[] theta = {0, 0, 0}, r = {0, 0, 0};
        RMSPropStep.step(theta, r, new double[]{1e-3, -50, 2}, 0.01, 0.9, 0);
        double k = 0.01 / Math.sqrt(0.1);
        allClose("θ after one step", "g = (1e-3, −50, 2), ε = 0.01, ρ = 0.9, δ = 0", new double[]{-k, k, -k}, theta, 1e-12, REREAD);
    }
}
