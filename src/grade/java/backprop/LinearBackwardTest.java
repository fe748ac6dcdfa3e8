package backprop;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A linear layer's backward pass on a mini-batch: ∂L/∂W = XᵀG, ∂L/∂b = Σ_rows G, ∂L/∂X = G·Wᵀ. */
@Exercise(id = "01.13", title = "linear layer backward")
class LinearBackwardTest {

    private static final String REREAD = "Aggarwal ch. 3, §3.2.6 (Table 3.1, linear row: g_i = W g_{i+1}; ∂L/∂W is the "
            + "outer product z_{i−1} g_iᵀ) and eq. 3.30 (per-example gradients add over the batch)";

    private static final double[][] X = {{1.0, -2.0, 0.5}, {0.0, 3.0, -1.0}};
    private static final double[][] W = {{0.2, -0.4}, {1.5, 0.3}, {-0.7, 0.9}};
    private static final double[][] G = {{1.0, -1.0}, {0.5, 2.0}};
    private static final String INPUT = "X = [[1,−2,0.5],[0,3,−1]], W = [[0.2,−0.4],[1.5,0.3],[−0.7,0.9]], "
            + "G = [[1,−1],[0.5,2]]";

    // Expected values from PyTorch autograd, src/test/python/backprop_fixtures.py.
    @Test
    @Points(4)
    void weightAndBiasGradients() {
        LinearBackward.Grads g = LinearBackward.backward(X, W, G);
        that(g != null && g.dW() != null && g.db() != null, "gradients", INPUT, "got null", REREAD);
        allClose("∂L/∂W row 0", INPUT, new double[]{1.0, -1.0}, g.dW()[0], 1e-12, REREAD);
        allClose("∂L/∂W row 1", INPUT, new double[]{-0.5, 8.0}, g.dW()[1], 1e-12, REREAD);
        allClose("∂L/∂W row 2", INPUT, new double[]{0.0, -2.5}, g.dW()[2], 1e-12, REREAD);
        allClose("∂L/∂b", INPUT, new double[]{1.5, 1.0}, g.db(), 1e-12, REREAD);
    }

    @Test
    @Points(3)
    void inputGradient() {
        LinearBackward.Grads g = LinearBackward.backward(X, W, G);
        that(g != null && g.dX() != null, "∂L/∂X", INPUT, "got null", REREAD);
        allClose("∂L/∂X row 0", INPUT, new double[]{0.6, 1.2, -1.6}, g.dX()[0], 1e-12, REREAD);
        allClose("∂L/∂X row 1", INPUT, new double[]{-0.7, 1.35, 1.45}, g.dX()[1], 1e-12, REREAD);
    }

    @Test
    @Points(1)
    void aLayerWithOneInput() {
        // X = [[2], [−1]] (two examples, one feature), W = [[0.5, −1, 3]], G = [[1, 0, 2], [−1, 1, 1]]; by hand:
        // ∂L/∂W = XᵀG = [2·1 − (−1), 0 − 1, 4 − 1] = [3, −1, 3], ∂L/∂b = column sums of G = (0, 1, 3),
        // ∂L/∂X = G·Wᵀ = (1·0.5 + 2·3, −0.5 − 1 + 3) = (6.5, 1.5).
        double[][] x = {{2}, {-1}};
        double[][] w = {{0.5, -1, 3}};
        double[][] gOut = {{1, 0, 2}, {-1, 1, 1}};
        String input = "X = [[2], [−1]], W = [[0.5, −1, 3]] (one input, three outputs), G = [[1, 0, 2], [−1, 1, 1]]";
        LinearBackward.Grads g = LinearBackward.backward(x, w, gOut);
        that(g != null && g.dW() != null && g.db() != null && g.dX() != null, "gradients", input, "got null", REREAD);
        allClose("∂L/∂W row 0", input, new double[]{3, -1, 3}, g.dW()[0], 1e-12, REREAD);
        allClose("∂L/∂b", input, new double[]{0, 1, 3}, g.db(), 1e-12, REREAD);
        allClose("∂L/∂X (one column)", input, new double[]{6.5, 1.5}, new double[]{g.dX()[0][0], g.dX()[1][0]}, 1e-12, REREAD);
    }

    @Test
    @Points(3)
    void agreesWithFiniteDifferences() {
        Random rng = new Random(13);
        double[][] x = new double[4][3];
        double[][] w = new double[3][5];
        double[][] gOut = new double[4][5];
        double[] b = new double[5];
        for (double[][] m : new double[][][]{x, w, gOut}) {
            for (double[] row : m) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = rng.nextGaussian();
                }
            }
        }
        LinearBackward.Grads got = LinearBackward.backward(x, w, gOut);
        // L = Σ G ⊙ (XW + b) is linear in W, so central differences are exact up to rounding.
        double[] fdW = new double[15];
        double[] gotW = new double[15];
        for (int r = 0; r < 3; r++) {
            for (int j = 0; j < 5; j++) {
                double keep = w[r][j];
                w[r][j] = keep + 1e-4;
                double plus = probe(x, w, b, gOut);
                w[r][j] = keep - 1e-4;
                double minus = probe(x, w, b, gOut);
                w[r][j] = keep;
                fdW[r * 5 + j] = (plus - minus) / 2e-4;
                gotW[r * 5 + j] = got.dW()[r][j];
            }
        }
        String input = "random 4×3 batch, 3→5 layer (seed 13), against central differences of L = Σ G ⊙ (XW + 1bᵀ)";
        allClose("∂L/∂W (flattened)", input, fdW, gotW, 1e-8, REREAD);
        // L is linear in b and in X as well, so the same check covers the other two gradients.
        double[] fdB = new double[5];
        for (int j = 0; j < 5; j++) {
            double keep = b[j];
            b[j] = keep + 1e-4;
            double plus = probe(x, w, b, gOut);
            b[j] = keep - 1e-4;
            double minus = probe(x, w, b, gOut);
            b[j] = keep;
            fdB[j] = (plus - minus) / 2e-4;
        }
        allClose("∂L/∂b", input, fdB, got.db(), 1e-8, REREAD);
        double[] fdX = new double[12];
        double[] gotX = new double[12];
        for (int i = 0; i < 4; i++) {
            for (int r = 0; r < 3; r++) {
                double keep = x[i][r];
                x[i][r] = keep + 1e-4;
                double plus = probe(x, w, b, gOut);
                x[i][r] = keep - 1e-4;
                double minus = probe(x, w, b, gOut);
                x[i][r] = keep;
                fdX[i * 3 + r] = (plus - minus) / 2e-4;
                gotX[i * 3 + r] = got.dX()[i][r];
            }
        }
        allClose("∂L/∂X (flattened)", input, fdX, gotX, 1e-8, REREAD);
    }

    private static double probe(double[][] x, double[][] w, double[] b, double[][] g) {
        double[][] y = LinearBackward.forward(x, w, b);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y[i].length; j++) {
                s += g[i][j] * y[i][j];
            }
        }
        return s;
    }
}
