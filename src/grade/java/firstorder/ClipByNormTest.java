package firstorder;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;

import descent.grade.Exercise;
import descent.grade.Points;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Exercise(id = "02.7", title = "clip by norm")
class ClipByNormTest {

    private static final String REREAD = "Aggarwal §3.5.5 and Goodfellow et al. §8.2.4 (if ‖g‖ > τ then g ← τ·g/‖g‖; "
            + "otherwise g is unchanged)";

    @Test
    @Points(2)
    void clipsALongGradient() {
        double[] g = {3, 4};
        double norm = ClipByNorm.clip(g, 1);
        close("returned norm", "g = (3, 4), τ = 1", 5, norm, 1e-12, REREAD);
        allClose("clipped g", "g = (3, 4), τ = 1", new double[]{0.6, 0.8}, g, 1e-12, REREAD);
    }

    @Test
    @Points(1)
    void leavesAShortGradientAlone() {
        double[] g = {0.3, -0.4};
        double norm = ClipByNorm.clip(g, 1);
        close("returned norm", "g = (0.3, −0.4), τ = 1", 0.5, norm, 1e-12, REREAD);
        allClose("g", "g = (0.3, −0.4), τ = 1 (already inside)", new double[]{0.3, -0.4}, g, 0, REREAD);
    }

    @Test
    @Points(1)
    void keepsTheDirectionOfRandomGradients() {
        Random rng = new Random(2);
        for (int trial = 0; trial < 20; trial++) {
            double[] g = new double[5];
            for (int i = 0; i < 5; i++) {
                g[i] = 10 * rng.nextGaussian();
            }
            double[] expected = g.clone();
            double n = 0;
            for (double x : g) {
                n += x * x;
            }
            n = Math.sqrt(n);
            for (int i = 0; i < 5; i++) {
                expected[i] = n > 2 ? g[i] * 2 / n : g[i];
            }
            ClipByNorm.clip(g, 2);
            allClose("clipped g", "random g (trial " + trial + "), τ = 2", expected, g, 1e-12, REREAD);
        }
    }
}
