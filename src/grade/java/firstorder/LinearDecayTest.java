package firstorder;

import static descent.grade.GradedAssert.close;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "02.8", title = "linear learning-rate decay")
class LinearDecayTest {

    private static final String REREAD = "Goodfellow et al. eq. 8.14 (ε_k = (1 − α)ε₀ + αε_τ with α = k/τ; ε_τ after step τ)";

    @Test
    @Points(2)
    void valuesByHand() {
        String input = "ε₀ = 0.1, ε_τ = 0.001, τ = 100";
        close("ε_0", input, 0.1, LinearDecay.rate(0, 0.1, 0.001, 100), 1e-15, REREAD);
        close("ε_50", input, 0.0505, LinearDecay.rate(50, 0.1, 0.001, 100), 1e-15, REREAD);
        close("ε_75", input, 0.02575, LinearDecay.rate(75, 0.1, 0.001, 100), 1e-15, REREAD);
        close("ε_100", input, 0.001, LinearDecay.rate(100, 0.1, 0.001, 100), 1e-15, REREAD);
    }

    @Test
    @Points(1)
    void constantAfterTau() {
        close("ε_10000", "ε₀ = 0.1, ε_τ = 0.001, τ = 100", 0.001, LinearDecay.rate(10_000, 0.1, 0.001, 100), 1e-15, REREAD);
        close("ε_101", "ε₀ = 1, ε_τ = 0.5, τ = 100", 0.5, LinearDecay.rate(101, 1, 0.5, 100), 1e-15, REREAD);
    }
}
