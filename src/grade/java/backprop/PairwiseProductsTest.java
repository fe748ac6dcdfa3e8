package backprop;

import static descent.grade.GradedAssert.allClose;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/** Book exercise 3: o = Σ_{i<j} x_i x_j, ∂L/∂o = 2, x = (1, 2, 3, 4) gives ∂L/∂x = (18, 16, 14, 12). */
@Exercise(id = "01.3", title = "gradient through a sum of pairwise products")
class PairwiseProductsTest {

    private static final String REREAD = "Aggarwal ch. 3, Lemma 3.2.1 (eq. 3.4): x_k reaches o through every product "
            + "x_k·x_j, each path contributing ∂L/∂o·x_j";

    @Test
    @Points(5)
    void bookExercise() {
        // Hand calculation: ∂o/∂x_k = Σ_{j≠k} x_j = 10 − x_k; times 2.
        allClose("∂L/∂x", "x = (1, 2, 3, 4), ∂L/∂o = 2", new double[]{18, 16, 14, 12},
                PairwiseProducts.gradient(new double[]{1, 2, 3, 4}, 2), 1e-12, REREAD);
    }

    @Test
    @Points(3)
    void fiveInputsWithNegatives() {
        // Σx = 1.5; ∂L/∂x_k = −0.5·(1.5 − x_k).
        double[] x = {2, -1, 0.5, -3, 3};
        allClose("∂L/∂x", "x = (2, −1, 0.5, −3, 3), ∂L/∂o = −0.5", new double[]{0.25, -1.25, -0.5, -2.25, 0.75},
                PairwiseProducts.gradient(x, -0.5), 1e-12, REREAD);
    }

    @Test
    @Points(2)
    void agreesWithFiniteDifferences() {
        double[] x = {0.3, -1.7, 2.2};
        double[] est = new double[3];
        for (int k = 0; k < 3; k++) {
            double[] p = x.clone();
            double[] m = x.clone();
            p[k] += 1e-6;
            m[k] -= 1e-6;
            est[k] = 1.5 * (PairwiseProducts.forward(p) - PairwiseProducts.forward(m)) / 2e-6;
        }
        allClose("∂L/∂x", "x = (0.3, −1.7, 2.2), ∂L/∂o = 1.5, against central differences", est,
                PairwiseProducts.gradient(x, 1.5), 1e-7, REREAD);
    }
}
