package normalization;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;
import static descent.grade.GradedAssert.flat;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/** Layer normalization forward: against PyTorch's LayerNorm, and each row on its own. */
@Exercise(id = "08.4", title = "layer normalization")
class LayerNormForwardTest {

    static final String REREAD = "notebook 36: layer normalization standardizes each example (row) over its own features "
            + "(biased variance, ε inside the square root), then applies γⱼ, βⱼ per feature";

    interface Forward {
        double[][] apply(double[][] x, double[] gamma, double[] beta, double eps);
    }

    static final Forward STUDENT = LayerNormForward::forward;

    @Test
    @Points(3)
    void matchesPyTorchLayerNorm() {
        checkMatchesPyTorchLayerNorm(STUDENT);
    }

    static void checkMatchesPyTorchLayerNorm(Forward f) {
        double[][] y = f.apply(Fixtures.x(3, 20, 0, 1), Fixtures.gamma(20), Fixtures.beta(20), 1e-5);
        allClose("y (row-major)", "x[r][j] = sin(1.3r + 0.7j)·(j + 1) + 0.5j (3 rows, 20 features), γⱼ = 1 + 0.3j, "
                + "βⱼ = 0.2 − 0.1j, ε = 1e-5 (compared with torch.nn.LayerNorm)", Fixtures.LN_Y, flat(y), 1e-10, REREAD);
    }

    @Test
    @Points(1)
    void aLargeMeanDoesNotSpoilTheVariance() {
        checkALargeMeanDoesNotSpoilTheVariance(STUDENT);
    }

    static void checkALargeMeanDoesNotSpoilTheVariance(Forward f) {
        // A row 10⁸ + (1.1, 2.3, 6.2, 3.6): deviations (−2.2, −1, 2.9, 0.3), biased variance 14.34/4 = 3.585, so with
        // γ = 1, β = 0, ε = 0.1 the output is the deviations over √3.685 whatever the shift. Σx²/n − μ² (or multiplying
        // before subtracting μ) loses the 3.585 next to 10¹⁶.
        double s = Math.sqrt(3.685);
        double[][] y = f.apply(new double[][]{{1e8 + 1.1, 1e8 + 2.3, 1e8 + 6.2, 1e8 + 3.6}}, new double[]{1, 1, 1, 1},
                new double[4], 0.1);
        allClose("y", "one row 10⁸ + (1.1, 2.3, 6.2, 3.6), γ = 1, β = 0, ε = 0.1",
                new double[]{-2.2 / s, -1.0 / s, 2.9 / s, 0.3 / s}, y == null || y.length == 0 ? null : y[0], 1e-6,
                REREAD + "; subtract the row's mean before squaring");
    }

    @Test
    @Points(2)
    void eachRowIsStandardizedOnItsOwn() {
        checkEachRowIsStandardizedOnItsOwn(STUDENT);
    }

    static void checkEachRowIsStandardizedOnItsOwn(Forward f) {
        // the second row alone gives the same output as inside the batch; with γ = 1, β = 0 each row has mean 0
        // and variance var/(var + ε); ε = 0.1 is large enough to see
        double[][] x = {{1, 2, 3, 6}, {0.5, -0.5, 0.25, 0.75}, {10, 10, 10, 14}};
        double[] one = {1, 1, 1, 1}, zero = new double[4];
        double[][] all = f.apply(x, one, zero, 0.1);
        double[][] alone = f.apply(new double[][]{x[1].clone()}, one, zero, 0.1);
        allClose("y of row 1 computed alone", "rows (1, 2, 3, 6), (0.5, −0.5, 0.25, 0.75), (10, 10, 10, 14), γ = 1, β = 0, ε = 0.1",
                all[1], alone == null || alone.length == 0 ? null : alone[0], 1e-14, REREAD);
        for (int r = 0; r < 3; r++) {
            double mu = 0, var = 0, ym = 0, yv = 0;
            for (int j = 0; j < 4; j++) {
                mu += x[r][j] / 4;
                ym += all[r][j] / 4;
            }
            for (int j = 0; j < 4; j++) {
                var += (x[r][j] - mu) * (x[r][j] - mu) / 4;
                yv += all[r][j] * all[r][j] / 4;
            }
            String input = "row " + r + " of (1, 2, 3, 6), (0.5, −0.5, 0.25, 0.75), (10, 10, 10, 14), γ = 1, β = 0, ε = 0.1";
            close("mean of y over the row", input, 0, ym, 1e-12, REREAD);
            close("mean of y² over the row (var/(var + ε))", input, var / (var + 0.1), yv, 1e-12, REREAD);
        }
    }
}
