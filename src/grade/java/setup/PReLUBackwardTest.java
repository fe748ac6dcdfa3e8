package setup;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;
import static descent.grade.GradedAssert.flat;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Exercise(id = "04.6", title = "PReLU backward")
class PReLUBackwardTest {

    private static final String REREAD = "notebook 16, \"PReLU\" (∂L/∂x = g for x > 0 and α_j·g otherwise; "
            + "∂L/∂α_j = Σ_i over the entries with x_ij ≤ 0 of x_ij·g_ij)";

    @Test
    @Points(3)
    void matchesAutograd() {
        // torch.nn.functional.prelu and autograd (src/test/python/setup_fixtures.py)
        double[][] x = {{-1.5, 0.3, -0.2}, {2.0, -0.7, 0.0}, {-3.0, 1.1, 0.4}};
        double[][] g = {{0.5, -1.0, 2.0}, {1.5, 0.25, -0.5}, {-2.0, 0.75, 1.0}};
        PReLUBackward.Gradients r = PReLUBackward.backward(x, g, new double[]{0.25, 0.1, -0.3});
        String input = "x = [[−1.5, 0.3, −0.2], [2, −0.7, 0], [−3, 1.1, 0.4]], g = [[0.5, −1, 2], [1.5, 0.25, −0.5], "
                + "[−2, 0.75, 1]], α = (0.25, 0.1, −0.3)";
        allClose("∂L/∂α", input, new double[]{5.25, -0.175, -0.4}, r.dAlpha(), 1e-12, REREAD);
        allClose("∂L/∂x (row by row)", input, new double[]{0.125, -1.0, -0.6, 1.5, 0.025, 0.15, -0.5, 0.75, 1.0},
                flat(r.dx()), 1e-12, REREAD);
    }

    @Test
    @Points(2)
    void agreesWithCentralDifferences() {
        Random rng = new Random(6);
        int n = 7, m = 4;
        double[][] x = new double[n][m], g = new double[n][m];
        double[] alpha = {0.1, 0.25, -0.2, 0.6};
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                x[i][j] = rng.nextGaussian();
                g[i][j] = rng.nextGaussian();
            }
        }
        PReLUBackward.Gradients r = PReLUBackward.backward(x, g, alpha);
        double eps = 1e-6;
        for (int j = 0; j < m; j++) {
            double[] up = alpha.clone(), down = alpha.clone();
            up[j] += eps;
            down[j] -= eps;
            double fd = (loss(x, g, up) - loss(x, g, down)) / (2 * eps);
            close("∂L/∂α_" + j, "L = Σ g·PReLU(x), 7×4 random batch (seed 6)", fd, r.dAlpha()[j], 1e-8, REREAD);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double[][] xp = copy(x), xm = copy(x);
                xp[i][j] += eps;
                xm[i][j] -= eps;
                double fd = (loss(xp, g, alpha) - loss(xm, g, alpha)) / (2 * eps);
                close("∂L/∂x[" + i + "][" + j + "]", "L = Σ g·PReLU(x), 7×4 random batch (seed 6)", fd, r.dx()[i][j], 1e-8, REREAD);
            }
        }
    }

    private static double loss(double[][] x, double[][] g, double[] alpha) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < alpha.length; j++) {
                s += g[i][j] * (x[i][j] > 0 ? x[i][j] : alpha[j] * x[i][j]);
            }
        }
        return s;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    @Test
    @Points(1)
    void refusesShapesThatDoNotFit() {
        double[][] x = {{1, -1}};
        Object[][] cases = {{x, new double[][]{{1, 1}, {1, 1}}, new double[]{0.1, 0.1}, "g with 2 rows for x with 1"},
                {x, new double[][]{{1, 1}}, new double[]{0.1}, "1 slope for 2 columns"},
                {new double[][]{{1, -1, 2}}, new double[][]{{1, 1}}, new double[]{0.1, 0.1}, "x with 3 columns, g with 2, 2 slopes"},
                {x, new double[][]{{1, 1, 1}}, new double[]{0.1, 0.1}, "x with 2 columns, g with 3, 2 slopes"},
                {x, new double[][]{{1}}, new double[]{0.1}, "1 slope and g rows of 1 column, x rows of 2"},
                {x, new double[][]{{1}}, new double[]{0.1, 0.1}, "2 slopes and x rows of 2 columns, g rows of 1"}};
        for (Object[] c : cases) {
            try {
                PReLUBackward.backward((double[][]) c[0], (double[][]) c[1], (double[]) c[2]);
                that(false, "the result", (String) c[3], "expected an IllegalArgumentException", REREAD);
            } catch (IllegalArgumentException expected) {
                // the required error
            }
        }
    }
}
