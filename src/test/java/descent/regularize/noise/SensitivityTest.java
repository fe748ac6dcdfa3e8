package descent.regularize.noise;

import descent.nn.Linear;
import descent.nn.Param;
import descent.nn.Sequential;
import descent.nn.SquaredError;
import descent.nn.Tanh;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The penalties against closed forms (linear model: ν‖w‖² and η‖x‖²; a tanh network: ∇_Wŷ written out by hand),
 * finite differences of the network's output, and the second-order claim of eqs. 7.17/7.22 against expectations over
 * the noise computed by quadrature (trapezoid rule on the Gaussian density, exponentially accurate for smooth
 * integrands): the rest after the ν term shrinks four-fold when ν halves.
 */
class SensitivityTest {

    static final double[] W1 = {0.9, -1.4, 0.5}, B1 = {0.1, 0.3, -0.2}, V = {1.2, 0.7, -0.8};
    static final double C = 0.05;

    /** ŷ(x) = Σⱼ vⱼ tanh(wⱼx + bⱼ) + c, one input, three hidden units. */
    static Sequential tanhNet() {
        Linear l1 = new Linear("l1", 1, 3), l2 = new Linear("l2", 3, 1);
        System.arraycopy(W1, 0, l1.weight().value().data, 0, 3);
        System.arraycopy(B1, 0, l1.bias().value().data, 0, 3);
        System.arraycopy(V, 0, l2.weight().value().data, 0, 3);
        l2.bias().value().data[0] = C;
        return new Sequential(new SquaredError(), l1, new Tanh(), l2);
    }

    static double yhat(double x, double noise) {
        double s = C;
        for (int j = 0; j < 3; j++) {
            s += V[j] * Math.tanh(W1[j] * (x + noise) + B1[j]);
        }
        return s;
    }

    /** E[f(σz)], z ~ N(0, 1), by the trapezoid rule on [−12, 12]. */
    static double gaussianMean(java.util.function.DoubleUnaryOperator f, double sigma) {
        double h = 0.02, s = 0;
        for (double z = -12; z <= 12 + 1e-9; z += h) {
            s += h * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * f.applyAsDouble(sigma * z);
        }
        return s;
    }

    static final DMatrixRMaj XS = new DMatrixRMaj(new double[][]{{-1.1}, {0.2}, {0.8}, {1.7}});
    static final double[] YS = {-0.6, 0.4, 0.1, 0.9};

    @Test
    void linearModelGivesRidgeAndAConstant() {
        Sequential net = new Sequential(new SquaredError(), NoiseTest.linear());
        double[] w = {0.8, -1.3, 0.6};
        assertEquals(0.3 * NoiseTest.sumSquares(w), Sensitivity.inputPenalty(net, NoiseTest.X, 0.3), 1e-12);
        double meanNormX = 0;
        for (int i = 0; i < 4; i++) {
            meanNormX += (NoiseTest.X.get(i, 0) * NoiseTest.X.get(i, 0) + NoiseTest.X.get(i, 1) * NoiseTest.X.get(i, 1)
                    + NoiseTest.X.get(i, 2) * NoiseTest.X.get(i, 2)) / 4;
        }
        // the bias is not a WEIGHT: η‖x‖², not η(‖x‖² + 1)
        assertEquals(0.2 * meanNormX, Sensitivity.weightPenalty(net, NoiseTest.X, 0.2), 1e-12);
    }

    @Test
    void inputGradientsAgreeWithFiniteDifferences() {
        Sequential net = tanhNet();
        DMatrixRMaj g = Sensitivity.inputGradients(net, XS);
        double h = 1e-5, pen = 0;
        for (int i = 0; i < XS.numRows; i++) {
            double x = XS.get(i, 0), fd = (yhat(x, h) - yhat(x, -h)) / (2 * h);
            assertEquals(fd, g.get(i, 0), 1e-8, "row " + i);
            pen += fd * fd / XS.numRows;
        }
        assertEquals(0.1 * pen, Sensitivity.inputPenalty(net, XS, 0.1), 1e-8);
    }

    @Test
    void weightPenaltyIsTheHandWrittenGradientNorm() {
        // ∂ŷ/∂vⱼ = hⱼ, ∂ŷ/∂wⱼ = vⱼ(1 − hⱼ²)x: ‖∇_Wŷ‖² = Σⱼ hⱼ² + x² Σⱼ vⱼ²(1 − hⱼ²)²
        double expected = 0;
        for (int i = 0; i < XS.numRows; i++) {
            double x = XS.get(i, 0);
            for (int j = 0; j < 3; j++) {
                double hj = Math.tanh(W1[j] * x + B1[j]);
                expected += (hj * hj + x * x * V[j] * V[j] * (1 - hj * hj) * (1 - hj * hj)) / XS.numRows;
            }
        }
        assertEquals(0.05 * expected, Sensitivity.weightPenalty(tanhNet(), XS, 0.05), 1e-12);
    }

    @Test
    void inputNoiseLossAgreesToSecondOrder() {
        // rest(ν) = J̃ₓ(ν) − J − ν(E‖∇ₓŷ‖² + E[(ŷ − y) ŷ'']) is O(ν²): halving ν divides it by 4
        Sequential net = tanhNet();
        double[] rest = new double[3];
        double[] nus = {0.02, 0.01, 0.005};
        for (int k = 0; k < 3; k++) {
            double nu = nus[k], noisy = 0, clean = 0, trace = 0;
            for (int i = 0; i < XS.numRows; i++) {
                double x = XS.get(i, 0), y = YS[i];
                noisy += gaussianMean(e -> Math.pow(yhat(x, e) - y, 2), Math.sqrt(nu)) / XS.numRows;
                clean += Math.pow(yhat(x, 0) - y, 2) / XS.numRows;
                double h = 1e-4, second = (yhat(x, h) - 2 * yhat(x, 0) + yhat(x, -h)) / (h * h);
                trace += (yhat(x, 0) - y) * second / XS.numRows;
            }
            rest[k] = noisy - clean - Sensitivity.inputPenalty(net, XS, nu) - nu * trace;
        }
        assertEquals(4, rest[0] / rest[1], 0.1);
        assertEquals(4, rest[1] / rest[2], 0.1);
    }

    @Test
    void gradientsAreLeftAsTheyWereAndBadInputIsRefused() {
        Sequential net = tanhNet();
        net.lossAndGradient(XS, new DMatrixRMaj(new double[][]{{-0.6}, {0.4}, {0.1}, {0.9}}));
        double[][] before = net.params().stream().map(p -> p.grad().data.clone()).toArray(double[][]::new);
        Sensitivity.inputPenalty(net, XS, 0.1);
        Sensitivity.weightPenalty(net, XS, 0.1);
        for (int t = 0; t < before.length; t++) {
            Param p = net.params().get(t);
            assertArrayEquals(before[t], p.grad().data, 0, p.name());
        }
        Sequential two = new Sequential(new SquaredError(), new Linear("l", 1, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sensitivity.inputPenalty(two, XS, 0.1));
        assertTrue(e.getMessage().contains("2 outputs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Sensitivity.weightPenalty(net, XS, -1));
        assertTrue(e.getMessage().contains("η") && e.getMessage().contains("-1"), e.getMessage());
    }
}
