package setup;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Exercise(id = "04.4", title = "chain gradient of eq. 3.38")
class ChainGradientTest {

    private static final String REREAD = "Aggarwal §3.4, eq. 3.38 (∂o/∂h_t = σ'(a_{t+1})·w_{t+1}·∂o/∂h_{t+1}, with "
            + "σ'(a) = h(1 − h) taken at the unit's input a, not σ(h)(1 − σ(h))) and notebook 16";

    /** o as a function of h_t, running the rest of the chain (t = 0..m). */
    private static double outputFrom(int t, double ht, double[] w) {
        double h = ht;
        for (int s = t; s < w.length; s++) {
            h = 1 / (1 + Math.exp(-w[s] * h));
        }
        return h;
    }

    @Test
    @Points(3)
    void matchesAutograd() {
        // torch autograd on the same chain (src/test/python/setup_fixtures.py)
        double[] g = ChainGradient.gradients(0.7, new double[]{0.5, -1.2, 2.0, 0.8});
        allClose("∂o/∂h_t for t = 0..4", "x = 0.7, w = (0.5, −1.2, 2, 0.8), sigmoid units",
                new double[]{-0.0027005770222644134, -0.022273039444517254, 0.08382712349821762, 0.18669603635947976, 1.0},
                g, 1e-12, REREAD);
    }

    @Test
    @Points(2)
    void agreesWithCentralDifferences() {
        Random rng = new Random(8);
        for (int trial = 0; trial < 5; trial++) {
            double[] w = new double[6];
            for (int t = 0; t < w.length; t++) {
                w[t] = 2 * rng.nextGaussian();
            }
            double x = rng.nextGaussian();
            double[] g = ChainGradient.gradients(x, w);
            that(g != null && g.length == 7, "the number of gradients", "a chain of 6 weights", "expected 7 (t = 0..6)", REREAD);
            double h = x;
            for (int t = 0; t <= 6; t++) {
                double eps = 1e-5;
                double fd = (outputFrom(t, h + eps, w) - outputFrom(t, h - eps, w)) / (2 * eps);
                close("∂o/∂h_" + t, "random chain " + trial + " (seed 8), x = " + x, fd, g[t], 1e-8, REREAD);
                if (t < 6) {
                    h = 1 / (1 + Math.exp(-w[t] * h));
                }
            }
        }
    }

    @Test
    @Points(1)
    void refusesAnEmptyChain() {
        try {
            ChainGradient.gradients(1, new double[0]);
            that(false, "the result", "no weights", "expected an IllegalArgumentException", REREAD);
        } catch (IllegalArgumentException expected) {
            // the required error
        }
    }
}
