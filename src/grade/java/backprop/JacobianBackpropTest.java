package backprop;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/** Book exercise 5: backprop by a Jacobian, g_i = Jᵀ g_{i+1}, and why the sigmoid's Jacobian is wasteful. */
@Exercise(id = "01.5", title = "backpropagation through a Jacobian")
class JacobianBackpropTest {

    private static final String REREAD = "Aggarwal ch. 3, eqs. 3.23–3.24: J_{kr} = ∂f_k/∂z_r and g_i = Jᵀ g_{i+1} "
            + "(rows of J are outputs, so the product runs down the columns)";

    @Test
    @Points(5)
    void transposedProductOnARectangularJacobian() {
        // A square J that is not symmetric tells Jᵀg from Jg: J = [[1, 2], [3, 4]], g = (1, 1): Jᵀg = (4, 6), Jg = (3, 7).
        allClose("g_i", "J = [[1, 2], [3, 4]], g_{i+1} = (1, 1) (Jg would be (3, 7))", new double[]{4, 6},
                JacobianBackprop.vectorJacobianProduct(new double[][]{{1, 2}, {3, 4}}, new double[]{1, 1}), 1e-12, REREAD);
        // J = [[1, 2, 3], [4, 5, 6]] (2 outputs, 3 inputs), g = (1, −1): Jᵀg = (1−4, 2−5, 3−6) = (−3, −3, −3).
        // With g = (2, 0.5): (2+2, 4+2.5, 6+3) = (4, 6.5, 9).
        double[][] j = {{1, 2, 3}, {4, 5, 6}};
        allClose("g_i", "J = [[1,2,3],[4,5,6]], g_{i+1} = (1, −1)", new double[]{-3, -3, -3},
                JacobianBackprop.vectorJacobianProduct(j, new double[]{1, -1}), 1e-12, REREAD);
        allClose("g_i", "J = [[1,2,3],[4,5,6]], g_{i+1} = (2, 0.5)", new double[]{4, 6.5, 9},
                JacobianBackprop.vectorJacobianProduct(j, new double[]{2, 0.5}), 1e-12, REREAD);
        // One output (a layer feeding a scalar loss): J is 1×3, so Jᵀg = g·(row of J) = 3·(2, −1, 0.5).
        allClose("g_i", "J = [[2, −1, 0.5]] (one output, three inputs), g_{i+1} = (3)", new double[]{6, -3, 1.5},
                JacobianBackprop.vectorJacobianProduct(new double[][]{{2, -1, 0.5}}, new double[]{3}), 1e-12, REREAD);
    }

    @Test
    @Points(3)
    void sigmoidJacobianIsDiagonal() {
        // σ(0) = 0.5 → 0.25; σ(ln 3) = 0.75 → 0.1875; σ(−ln 3) = 0.25 → 0.1875.
        double[][] j = JacobianBackprop.sigmoidJacobian(new double[]{0, Math.log(3), -Math.log(3)});
        that(j != null && j.length == 3 && j[0].length == 3, "sigmoid Jacobian", "z = (0, ln 3, −ln 3)",
                "expected a 3×3 matrix", REREAD);
        allClose("diagonal of J", "z = (0, ln 3, −ln 3)", new double[]{0.25, 0.1875, 0.1875},
                new double[]{j[0][0], j[1][1], j[2][2]}, 1e-12, "Table 3.1, sigmoid row: σ' = σ(1 − σ)");
        allClose("off-diagonal entries of J", "z = (0, ln 3, −ln 3)", new double[6],
                new double[]{j[0][1], j[0][2], j[1][0], j[1][2], j[2][0], j[2][1]}, 0,
                "exercise 5: an elementwise layer's output k depends on input k only");
    }

    @Test
    @Points(2)
    void jacobianRouteEqualsTheElementwiseRule() {
        // Table 3.1: g_i = g_{i+1} ⊙ σ(z)(1 − σ(z)), and a central difference of L = g·σ(z).
        double[] z = {-1.3, 0.2, 2.5, -0.1};
        double[] g = {0.7, -1.1, 0.4, 2.0};
        double[] expected = new double[4];
        double[] fd = new double[4];
        for (int k = 0; k < 4; k++) {
            double s = 1 / (1 + Math.exp(-z[k]));
            expected[k] = g[k] * s * (1 - s);
            double h = 1e-6;
            fd[k] = g[k] * (1 / (1 + Math.exp(-(z[k] + h))) - 1 / (1 + Math.exp(-(z[k] - h)))) / (2 * h);
        }
        double[] got = JacobianBackprop.vectorJacobianProduct(JacobianBackprop.sigmoidJacobian(z), g);
        allClose("g_i", "z = (−1.3, 0.2, 2.5, −0.1), g_{i+1} = (0.7, −1.1, 0.4, 2)", expected, got, 1e-12, REREAD);
        allClose("g_i against central differences", "same input", fd, got, 1e-8, REREAD);
    }
}
