package datanoise;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/**
 * Hand values (tanh(1) written out, numbers from NumPy: tanh(1) = 0.7615941559557649, 3(1 − tanh²1) =
 * 1.2599230248420783), a 3×2 network checked against NumPy (Wᵀ(v ⊙ (1 − h²))) and against central differences of ŷ
 * computed here, and the penalty as a mean of squared norms times the variance.
 */
@Exercise(id = "06.3", title = "the input-gradient penalty of a tanh network")
class InputSensitivityTest {

    private static final String GRAD = "notebook 25, eq. 7.17 and the exercise's javadoc: ∂ŷ/∂xₖ = Σⱼ vⱼ (1 − tanh²(aⱼ)) W[j][k] "
            + "with aⱼ = Σₖ W[j][k] xₖ + bⱼ (tanh' = 1 − tanh², and the bias belongs in aⱼ)";
    private static final String PEN = "notebook 25, eq. 7.17: the penalty is ν · (1/m) Σᵢ ‖∇ₓŷ(xᵢ)‖², a mean over the m "
            + "inputs of squared norms, with ν the variance (not a standard deviation)";

    static final double[][] W = {{0.5, -1.0}, {1.5, 0.2}, {-0.7, 0.9}};
    static final double[] B = {0.1, -0.3, 0.2}, V = {1.0, -2.0, 0.5};

    static double yhat(double[] x) {
        double s = 0;
        for (int j = 0; j < 3; j++) {
            s += V[j] * Math.tanh(W[j][0] * x[0] + W[j][1] * x[1] + B[j]);
        }
        return s;
    }

    @Test
    @Points(2)
    void oneUnitByHand() {
        double[][] w = {{1, 2}};
        allClose("∇ₓŷ", "W = [[1, 2]], b = [0], v = [3], x = (0, 0): tanh(0) = 0", new double[]{3, 6},
                InputSensitivity.inputGradient(w, new double[]{0}, new double[]{3}, new double[]{0, 0}), 1e-12, GRAD);
        allClose("∇ₓŷ", "W = [[1, 2]], b = [0], v = [3], x = (0.5, 0.25): a = 1, 3(1 − tanh²1) = 1.25992",
                new double[]{1.2599230248420783, 2.5198460496841566},
                InputSensitivity.inputGradient(w, new double[]{0}, new double[]{3}, new double[]{0.5, 0.25}), 1e-12, GRAD);
        allClose("∇ₓŷ", "W = [[1, 2]], b = [1], v = [3], x = (0, 0): a = b = 1", new double[]{1.2599230248420783, 2.5198460496841566},
                InputSensitivity.inputGradient(w, new double[]{1}, new double[]{3}, new double[]{0, 0}), 1e-12, GRAD);
    }

    @Test
    @Points(2)
    void threeUnitsTwoInputsAgainstNumpy() {
        allClose("∇ₓŷ", "W = [[0.5, −1], [1.5, 0.2], [−0.7, 0.9]], b = (0.1, −0.3, 0.2), v = (1, −2, 0.5), x = (0.4, −0.6)",
                new double[]{-2.9050932, -0.56091619}, InputSensitivity.inputGradient(W, B, V, new double[]{0.4, -0.6}), 1e-7, GRAD);
    }

    @Test
    @Points(2)
    void agreesWithCentralDifferences() {
        double[][] xs = {{-1.2, 0.3}, {0.7, 1.1}, {2.0, -0.4}};
        for (double[] x : xs) {
            double h = 1e-6;
            double[] fd = new double[2];
            for (int k = 0; k < 2; k++) {
                double[] up = x.clone(), dn = x.clone();
                up[k] += h;
                dn[k] -= h;
                fd[k] = (yhat(up) - yhat(dn)) / (2 * h);
            }
            allClose("∇ₓŷ", "the 3-unit network of threeUnitsTwoInputsAgainstNumpy at x = (" + x[0] + ", " + x[1] + ")",
                    fd, InputSensitivity.inputGradient(W, B, V, x), 1e-7, GRAD);
        }
    }

    @Test
    @Points(3)
    void penaltyIsTheVarianceTimesTheMeanSquaredNorm() {
        double[][] w = {{1, 2}};
        // ‖∇ₓŷ‖² = 9·5 = 45 at (0, 0) and 1.25992²·5 = 7.93703 at (0.5, 0.25): 0.1·(45 + 7.93703)/2
        close("penalty", "W = [[1, 2]], b = [0], v = [3], xs = {(0, 0), (0.5, 0.25)}, ν = 0.1", 2.646851507131803,
                InputSensitivity.penalty(w, new double[]{0}, new double[]{3}, new double[][]{{0, 0}, {0.5, 0.25}}, 0.1), 1e-12, PEN);
        close("penalty", "W = [[1, 2]], b = [0], v = [3], xs = {(0, 0)}, ν = 2", 90,
                InputSensitivity.penalty(w, new double[]{0}, new double[]{3}, new double[][]{{0, 0}}, 2), 1e-12, PEN);
    }
}
