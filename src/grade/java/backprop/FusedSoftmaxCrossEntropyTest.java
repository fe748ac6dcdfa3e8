package backprop;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/** Softmax cross-entropy fused with log-sum-exp, mean over the batch. */
@Exercise(id = "01.14", title = "fused softmax cross-entropy")
class FusedSoftmaxCrossEntropyTest {

    private static final String REREAD = "Aggarwal ch. 3, eqs. 3.20–3.22 (∂L/∂v = o − y, here divided by the batch "
            + "size n) and notebook 03 (log Σ exp v = m + log Σ exp(v − m) with m = max v)";

    private static final double[][] V = {{1.0, 2.0, 3.0}, {0.5, -0.5, 0.0}, {2.0, 2.0, -1.0}};
    private static final int[] Y = {1, 0, 2};
    private static final String INPUT = "v = [[1,2,3],[0.5,−0.5,0],[2,2,−1]], labels (1, 0, 2)";

    // Expected values from PyTorch (torch.nn.functional.cross_entropy), src/test/python/backprop_fixtures.py.
    @Test
    @Points(4)
    void lossAndGradientMatchPyTorch() {
        double[][] g = new double[3][3];
        double loss = FusedSoftmaxCrossEntropy.lossAndGradient(V, Y, g);
        close("mean loss", INPUT, 1.9352038512509393, loss, 1e-12, REREAD);
        allClose("∂L/∂v row 0", INPUT, new double[]{0.030010191056793478, -0.25175717631506744, 0.2217469852582739},
                g[0], 1e-12, REREAD);
        allClose("∂L/∂v row 1", INPUT, new double[]{-0.164506536314782, 0.062107907741949187, 0.10239862857283279},
                g[1], 1e-12, REREAD);
        allClose("∂L/∂v row 2", INPUT, new double[]{0.16261851705345612, 0.16261851705345612, -0.32523703410691224},
                g[2], 1e-12, REREAD);
    }

    @Test
    @Points(3)
    void finiteAtScoresOfPlusMinus1000() {
        // Row 0 (label 0): L = log(1 + e^−1000 + e^−2000) = 0; row 1 (label 0): L = 2000 + log 2. Mean 1000 + ½ log 2.
        double[][] v = {{1000, -1000, 0}, {-1000, 1000, 1000}};
        double[][] g = new double[2][3];
        double loss = FusedSoftmaxCrossEntropy.lossAndGradient(v, new int[]{0, 0}, g);
        String input = "v = [[1000, −1000, 0], [−1000, 1000, 1000]], labels (0, 0)";
        close("mean loss", input, 1000.34657359028, loss, 1e-12, REREAD);
        allClose("∂L/∂v row 0", input, new double[]{0, 0, 0}, g[0], 1e-12, REREAD);
        allClose("∂L/∂v row 1", input, new double[]{-0.5, 0.25, 0.25}, g[1], 1e-12, REREAD);
        // All scores very negative (every exp(v) underflows to 0): m = max v = −1000 keeps log Σ exp finite.
        // L = log(e⁰ + e⁻² + e⁻¹) − (−1001 + 1000) = 1 + log(1 + e⁻¹ + e⁻²); ∂L/∂v = (1, e⁻², e⁻¹)/S − (0, 0, 1).
        double[][] low = {{-1000, -1002, -1001}};
        double[][] gl = new double[1][3];
        double s = 1 + Math.exp(-1) + Math.exp(-2);
        String lowInput = "v = [[−1000, −1002, −1001]], label 2 (every exp(v) underflows to 0)";
        close("mean loss", lowInput, 1 + Math.log(s), FusedSoftmaxCrossEntropy.lossAndGradient(low, new int[]{2}, gl),
                1e-12, REREAD);
        allClose("∂L/∂v row 0", lowInput, new double[]{1 / s, Math.exp(-2) / s, Math.exp(-1) / s - 1}, gl[0], 1e-12, REREAD);
    }

    @Test
    @Points(3)
    void agreesWithFiniteDifferences() {
        double[][] v = {{0.3, -1.1, 2.4, 0.0}, {-0.7, 0.2, 0.9, -2.0}};
        int[] y = {3, 1};
        double[][] g = new double[2][4];
        FusedSoftmaxCrossEntropy.lossAndGradient(v, y, g);
        double[] fd = new double[8];
        double[] got = new double[8];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 4; j++) {
                double keep = v[i][j];
                v[i][j] = keep + 1e-6;
                double plus = FusedSoftmaxCrossEntropy.lossAndGradient(v, y, new double[2][4]);
                v[i][j] = keep - 1e-6;
                double minus = FusedSoftmaxCrossEntropy.lossAndGradient(v, y, new double[2][4]);
                v[i][j] = keep;
                fd[i * 4 + j] = (plus - minus) / 2e-6;
                got[i * 4 + j] = g[i][j];
            }
        }
        allClose("∂L/∂v (flattened)", "v = [[0.3,−1.1,2.4,0],[−0.7,0.2,0.9,−2]], labels (3, 1), against central "
                + "differences of your own loss", fd, got, 1e-8, REREAD);
    }
}
