package normalization;

import static descent.grade.GradedAssert.allClose;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

import java.util.List;

/** One synchronous data-parallel step: unequal shards by hand, and equality with the whole batch's gradient. */
@Exercise(id = "08.8", title = "synchronous all-reduce step")
class AllReduceTest {

    static final String REREAD = "Aggarwal §3.7.2 (synchronous data parallelism) and notebook 38: the all-reduced "
            + "gradient is Σ_s (m_s/m) g_s, the gradient of the mean loss over all m rows, and θ ← θ − εg";

    interface Step {
        double[] apply(double[] theta, List<double[]> shardGradients, int[] shardRows, double learningRate);
    }

    static final Step STUDENT = AllReduce::step;

    @Test
    @Points(3)
    void unequalShardsByHand() {
        checkUnequalShardsByHand(STUDENT);
    }

    static void checkUnequalShardsByHand(Step f) {
        double[] theta = {1, -2};
        double[] g = f.apply(theta, List.of(new double[]{3, 0}, new double[]{-1, 4}), new int[]{1, 3}, 0.5);
        String input = "θ = (1, −2), g₁ = (3, 0) over 1 row, g₂ = (−1, 4) over 3 rows, ε = 0.5";
        allClose("g", input, new double[]{0.25 * 3 + 0.75 * -1, 0.75 * 4}, g, 1e-15, REREAD);
        allClose("θ after the step", input, new double[]{1 - 0.5 * 0, -2 - 0.5 * 3}, theta, 1e-15, REREAD);
    }

    @Test
    @Points(2)
    void equalsTheWholeBatchGradient() {
        checkEqualsTheWholeBatchGradient(STUDENT);
    }

    static void checkEqualsTheWholeBatchGradient(Step f) {
        // least squares L = (1/m) Σ_i ½(θ·x_i − y_i)² over 7 rows split 2 + 5; per-row gradients by hand
        double[][] x = Fixtures.x(7, 3, 0.1, 1);
        double[] y = {0.5, -1, 2, 0, 1, -0.5, 0.25}, theta = {0.2, -0.1, 0.4};
        double[] full = new double[3], g1 = new double[3], g2 = new double[3];
        for (int i = 0; i < 7; i++) {
            double res = theta[0] * x[i][0] + theta[1] * x[i][1] + theta[2] * x[i][2] - y[i];
            for (int j = 0; j < 3; j++) {
                full[j] += res * x[i][j] / 7;
                if (i < 2) {
                    g1[j] += res * x[i][j] / 2;
                } else {
                    g2[j] += res * x[i][j] / 5;
                }
            }
        }
        double[] t = theta.clone();
        double[] g = f.apply(t, List.of(g1, g2), new int[]{2, 5}, 0.1);
        String input = "least squares over 7 rows split into shards of 2 and 5 (the whole batch's mean gradient by hand)";
        allClose("g", input, full, g, 1e-13, REREAD);
        allClose("θ after the step", input, new double[]{theta[0] - 0.1 * full[0], theta[1] - 0.1 * full[1],
                theta[2] - 0.1 * full[2]}, t, 1e-13, REREAD);
    }
}
