package backprop;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.flat;

import descent.grade.Exercise;
import descent.grade.Points;
import backprop.PrePostBackprop.Phi;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Book exercise 9: the Δ (post-activation) and δ (pre-activation) recursions give the same gradients. */
@Exercise(id = "01.9", title = "pre- and post-activation backpropagation")
class PrePostBackpropTest {

    private static final String POST = "Aggarwal ch. 3, eqs. 3.12–3.13: Δ(h_r) = Σ Φ'(a_h)·w·Δ(h) (Φ' of the LATER node "
            + "inside the sum), ∂L/∂w = Δ(h_r)·h_{r−1}·Φ'(a_{h_r})";
    private static final String PRE = "Aggarwal ch. 3, eqs. 3.18–3.19: δ(h_r) = Φ'(a_{h_r})·Σ w·δ(h) (Φ' of the CURRENT "
            + "node outside the sum), δ(o) = ∂L/∂o·Φ'(a_o), ∂L/∂w = δ(h_r)·h_{r−1}";

    // x = 1 → h = σ(w1·x) → o = w2·h, L = ½o² (t = 0). With w1 = 0, w2 = 2: h = 0.5, o = 1, ∂L/∂o = 1,
    // ∂L/∂w2 = o·h = 0.5 and ∂L/∂w1 = o·w2·σ'(0)·x = 2·0.25 = 0.5 (hand calculation).
    private static final double[][][] CHAIN = {{{0.0}}, {{2.0}}};
    private static final Phi[] CHAIN_PHI = {Phi.SIGMOID, Phi.IDENTITY};

    // The output node nonlinear too: x = 1 → h = tanh(w1·x) → o = σ(w2·h). With w1 = 0, w2 = 2: h = 0, a_o = 0,
    // o = ½, σ'(0) = ¼, tanh'(0) = 1, so ∂L/∂w2 = ∂L/∂o·σ'(0)·h = 0 and ∂L/∂w1 = ∂L/∂o·σ'(0)·w2·tanh'(0)·x = ½
    // (hand calculation). Leaving out Φ' of the output node gives 2 instead of ½.
    private static final Phi[] SQUASHED_PHI = {Phi.TANH, Phi.SIGMOID};

    @Test
    @Points(3)
    void postActivationByHand() {
        allClose("∂L/∂(w1, w2)", "x = 1, w1 = 0 (sigmoid), w2 = 2 (identity), ∂L/∂o = 1", new double[]{0.5, 0.5},
                flat(PrePostBackprop.postActivation(CHAIN, CHAIN_PHI, new double[]{1}, new double[]{1})), 1e-12, POST);
        allClose("∂L/∂(w1, w2)", "x = 1, w1 = 0 (tanh), w2 = 2 (sigmoid output), ∂L/∂o = 1", new double[]{0.5, 0},
                flat(PrePostBackprop.postActivation(CHAIN, SQUASHED_PHI, new double[]{1}, new double[]{1})), 1e-12, POST);
    }

    @Test
    @Points(3)
    void preActivationByHand() {
        allClose("∂L/∂(w1, w2)", "x = 1, w1 = 0 (sigmoid), w2 = 2 (identity), ∂L/∂o = 1", new double[]{0.5, 0.5},
                flat(PrePostBackprop.preActivation(CHAIN, CHAIN_PHI, new double[]{1}, new double[]{1})), 1e-12, PRE);
        allClose("∂L/∂(w1, w2)", "x = 1, w1 = 0 (tanh), w2 = 2 (sigmoid output), ∂L/∂o = 1", new double[]{0.5, 0},
                flat(PrePostBackprop.preActivation(CHAIN, SQUASHED_PHI, new double[]{1}, new double[]{1})), 1e-12, PRE);
    }

    @Test
    @Points(4)
    void bothAgreeWithEachOtherAndWithFiniteDifferences() {
        Random rng = new Random(9);
        int[] sizes = {3, 4, 3, 2};
        double[][][] w = new double[3][][];
        for (int l = 0; l < 3; l++) {
            w[l] = new double[sizes[l]][sizes[l + 1]];
            for (double[] row : w[l]) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = rng.nextGaussian();
                }
            }
        }
        Phi[] phi = {Phi.TANH, Phi.SIGMOID, Phi.TANH};
        double[] x = {0.4, -0.9, 1.3};
        double[] t = {0.2, -0.5};
        // L = ½‖h_L − t‖², so ∂L/∂h_L = h_L − t.
        double[] out = PrePostBackprop.forward(w, phi, x)[1][3];
        double[] dLdOut = {out[0] - t[0], out[1] - t[1]};
        double[] fd = new double[flat(w).length];
        int at = 0;
        for (double[][] layer : w) {
            for (double[] row : layer) {
                for (int j = 0; j < row.length; j++) {
                    double keep = row[j];
                    row[j] = keep + 1e-6;
                    double plus = loss(w, phi, x, t);
                    row[j] = keep - 1e-6;
                    double minus = loss(w, phi, x, t);
                    row[j] = keep;
                    fd[at++] = (plus - minus) / 2e-6;
                }
            }
        }
        String input = "a 3-4-3-2 tanh/sigmoid/tanh network (seed 9), L = ½‖h − t‖², against central differences";
        double[] post = flat(PrePostBackprop.postActivation(w, phi, x, dLdOut));
        double[] pre = flat(PrePostBackprop.preActivation(w, phi, x, dLdOut));
        allClose("∂L/∂w (post-activation)", input, fd, post, 1e-7, POST);
        allClose("∂L/∂w (pre-activation)", input, fd, pre, 1e-7, PRE);
        allClose("pre- minus post-activation gradients", input, post, pre, 1e-12,
                "exercise 9: δ(h) = Φ'(a_h)·Δ(h), so eq. 3.19 equals eq. 3.13");
    }

    private static double loss(double[][][] w, Phi[] phi, double[] x, double[] t) {
        double[] out = PrePostBackprop.forward(w, phi, x)[1][w.length];
        double s = 0;
        for (int k = 0; k < t.length; k++) {
            s += 0.5 * (out[k] - t[k]) * (out[k] - t[k]);
        }
        return s;
    }
}
