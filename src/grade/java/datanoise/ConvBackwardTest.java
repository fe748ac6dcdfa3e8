package datanoise;

import static descent.grade.GradedAssert.allClose;

import descent.grade.Exercise;
import descent.grade.GradedAssert;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/** The backward pass of a 1-D convolution with stride and padding. */
@Exercise(id = "06.5", title = "convolution backward")
class ConvBackwardTest {

    private static final String REREAD = "notebook 28, section 2, and the exercise's javadoc: y[t] = Σ_k w[k]·x[t·s − p + k] "
            + "(no kernel flip); ∂L/∂w[k] sums g[t]·x[t·s − p + k] over every position t, ∂L/∂x[i] sums g[t]·w[k] over "
            + "every window covering i, and padded positions contribute nothing";

    private static double[][] run(double[] x, double[] w, double[] g, int s, int p) {
        double[][] r = ConvBackward.backward(x, w, g, s, p);
        GradedAssert.that(r != null && r.length == 2 && r[0] != null && r[1] != null && r[0].length == x.length
                        && r[1].length == w.length, "the returned arrays", "x of length " + x.length + ", w of length " + w.length,
                "{∂L/∂x of length " + x.length + ", ∂L/∂w of length " + w.length + "}", REREAD);
        return r;
    }

    /** The definition, for finite differences: L = Σ_t g[t]·y[t]. */
    private static double probe(double[] x, double[] w, double[] g, int s, int p) {
        int lo = (x.length + 2 * p - w.length) / s + 1;
        double sum = 0;
        for (int t = 0; t < lo; t++) {
            for (int k = 0; k < w.length; k++) {
                int i = t * s - p + k;
                if (i >= 0 && i < x.length) {
                    sum += g[t] * w[k] * x[i];
                }
            }
        }
        return sum;
    }

    /**
     * By hand: x = (1, 2, 3, 4), w = (1, −1), s = 2, p = 1. The windows cover (pad, x0), (x1, x2), (x3, pad), so with
     * g = (1, 2, 3): ∂L/∂w = (g1·x1 + g2·x3, g0·x0 + g1·x2) = (16, 7) and ∂L/∂x = (g0·w1, g1·w0, g1·w1, g2·w0) = (−1, 2, −2, 3).
     */
    @Test
    @Points(3)
    void strideTwoPaddingOneByHand() {
        double[][] r = run(new double[]{1, 2, 3, 4}, new double[]{1, -1}, new double[]{1, 2, 3}, 2, 1);
        String in = "x = (1, 2, 3, 4), w = (1, −1), g = (1, 2, 3), stride 2, padding 1";
        allClose("∂L/∂w", in, new double[]{16, 7}, r[1], 1e-12, REREAD);
        allClose("∂L/∂x", in, new double[]{-1, 2, -2, 3}, r[0], 1e-12, REREAD);
    }

    /** Central differences of L = Σ g·y on a case where every input is covered by up to three windows. */
    @Test
    @Points(3)
    void agreesWithFiniteDifferences() {
        double[] x = {0.5, -1.2, 2.0, 0.3, -0.7, 1.1, -2.2};
        double[] w = {0.4, -0.9, 1.3};
        int s = 1, p = 2;
        double[] g = new double[(x.length + 2 * p - w.length) / s + 1];
        for (int t = 0; t < g.length; t++) {
            g[t] = Math.cos(0.8 * t) + 0.1 * t;
        }
        double[][] r = run(x, w, g, s, p);
        double h = 1e-6;
        double[] ex = new double[x.length], ew = new double[w.length];
        for (int i = 0; i < x.length; i++) {
            double keep = x[i];
            x[i] = keep + h;
            double plus = probe(x, w, g, s, p);
            x[i] = keep - h;
            double minus = probe(x, w, g, s, p);
            x[i] = keep;
            ex[i] = (plus - minus) / (2 * h);
        }
        for (int k = 0; k < w.length; k++) {
            double keep = w[k];
            w[k] = keep + h;
            double plus = probe(x, w, g, s, p);
            w[k] = keep - h;
            double minus = probe(x, w, g, s, p);
            w[k] = keep;
            ew[k] = (plus - minus) / (2 * h);
        }
        String in = "x = " + GradedAssert.list(x) + ", w = " + GradedAssert.list(w) + ", stride 1, padding 2";
        allClose("∂L/∂w against central differences", in, ew, r[1], 1e-6, REREAD);
        allClose("∂L/∂x against central differences", in, ex, r[0], 1e-6, REREAD);
    }

    /** L = 8, K = 3, s = 3, p = 0: L_o = ⌊5/3⌋ + 1 = 2 windows, (x0..x2) and (x3..x5); x6 and x7 are never read. */
    @Test
    @Points(1)
    void inputsNoWindowCoversGetZero() {
        double[][] r = run(new double[]{1, 2, 3, 4, 5, 6, 7, 8}, new double[]{1, 2, 3}, new double[]{1, -1}, 3, 0);
        String in = "x = (1, …, 8), w = (1, 2, 3), g = (1, −1), stride 3, padding 0";
        allClose("∂L/∂x", in, new double[]{1, 2, 3, -1, -2, -3, 0, 0}, r[0], 1e-12, REREAD);
        allClose("∂L/∂w", in, new double[]{1 - 4, 2 - 5, 3 - 6}, r[1], 1e-12, REREAD);
    }

    /** gradOut must have L_o entries; the error names both lengths. */
    @Test
    @Points(1)
    void aGradientOfTheWrongLengthIsRejected() {
        try {
            ConvBackward.backward(new double[]{1, 2, 3, 4}, new double[]{1, 1}, new double[]{1, 2}, 1, 0);
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            GradedAssert.that(m.contains("2") && m.contains("3"), "the error message",
                    "x of length 4, w of length 2, stride 1, padding 0, gradOut of length 2",
                    "a message naming both lengths (2 given, 3 expected), got \"" + m + "\"", REREAD);
            return;
        }
        GradedAssert.fail("the result", "x of length 4, w of length 2, stride 1, padding 0, gradOut of length 2",
                "an IllegalArgumentException (the output has 3 entries)", "no exception", REREAD);
    }
}
