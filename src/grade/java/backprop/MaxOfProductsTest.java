package backprop;

import static descent.grade.GradedAssert.allClose;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/** Book exercise 4: o = max_{i<j} x_i x_j, x = (1, 2, 3, 4), ∂L/∂o = 2 gives ∂L/∂x = (0, 0, 8, 6). */
@Exercise(id = "01.4", title = "gradient through a max of pairwise products")
class MaxOfProductsTest {

    private static final String REREAD = "Aggarwal ch. 3, Table 3.1 (Max row): the gradient goes only to the "
            + "maximal input, here the product x_i·x_j that wins, and from it to x_i and x_j";

    @Test
    @Points(5)
    void bookExercise() {
        // Products 2, 3, 4, 6, 8, 12: x3·x4 = 12 wins; x3 gets 2·4 = 8, x4 gets 2·3 = 6.
        allClose("∂L/∂x", "x = (1, 2, 3, 4), ∂L/∂o = 2", new double[]{0, 0, 8, 6},
                MaxOfProducts.gradient(new double[]{1, 2, 3, 4}, 2), 1e-12, REREAD);
    }

    @Test
    @Points(3)
    void negativeInputsCanWin() {
        // Products: x1x2 = −3, x1x3 = −6, x1x4 = 12, x2x3 = 2, x2x4 = −4, x3x4 = −8 → x1·x4 wins.
        allClose("∂L/∂x", "x = (−3, 1, 2, −4), ∂L/∂o = 1", new double[]{-4, 0, 0, -3},
                MaxOfProducts.gradient(new double[]{-3, 1, 2, -4}, 1), 1e-12, REREAD);
    }

    @Test
    @Points(2)
    void tiesGoToTheFirstPair() {
        // All six products equal 1; by the documented convention the first pair (x1, x2) wins.
        allClose("∂L/∂x", "x = (1, 1, 1, 1), ∂L/∂o = 2 (tie: first pair in the order (1,2), (1,3), …)",
                new double[]{2, 2, 0, 0}, MaxOfProducts.gradient(new double[]{1, 1, 1, 1}, 2), 1e-12, REREAD);
    }
}
