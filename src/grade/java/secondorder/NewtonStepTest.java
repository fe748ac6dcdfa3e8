package secondorder;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

import java.util.Random;

/** The Newton step −H⁻¹g: by hand, as the exact minimizer of a quadratic, on x³, and refusing indefinite H. */
@Exercise(id = "03.16", title = "Newton step")
class NewtonStepTest {

    private static final String REREAD = "Aggarwal §3.5.6, eq. 3.48 (W* = W₀ − H⁻¹∇L) and §3.5.6.3; notebook 11";

    @Test
    @Points(3)
    void twoByTwoByHand() {
        // H⁻¹ = (1/11)[[3, −1], [−1, 4]], so H⁻¹(1, 2) = (1/11, 7/11) and the step is its negative.
        double[] p = NewtonStep.step(new double[][]{{4, 1}, {1, 3}}, new double[]{1, 2});
        allClose("p = −H⁻¹g", "H = [[4, 1], [1, 3]], g = (1, 2)", new double[]{-1.0 / 11, -7.0 / 11}, p, 1e-14, REREAD);
    }

    @Test
    @Points(3)
    void oneStepSolvesAQuadratic() {
        Random rng = new Random(17);
        int d = 6;
        double[][] a = new double[d][d], h = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                a[i][j] = rng.nextGaussian();
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    h[i][j] += a[k][i] * a[k][j];
                }
            }
            h[i][i] += 0.5;
        }
        double[] g = new double[d];
        for (int i = 0; i < d; i++) {
            g[i] = rng.nextGaussian();
        }
        double[] p = NewtonStep.step(h, g);
        double[] residual = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                residual[i] += h[i][j] * p[j];
            }
            residual[i] += g[i];
        }
        allClose("Hp + g (the gradient of the quadratic model after the step, eq. 3.47)", "a random 6×6 SPD H and g",
                new double[d], residual, 1e-9, REREAD);
    }

    @Test
    @Points(2)
    void halvesOnTheCube() {
        // f = x³ at x = 0.5: g = 3x² = 0.75, H = 6x = 3, step −0.25 (x → x/2, §3.5.6.3)
        double[] p = NewtonStep.step(new double[][]{{3}}, new double[]{0.75});
        close("p", "f = x³ at x = 0.5: H = [[3]], g = 0.75", -0.25, p[0], 1e-15, REREAD);
    }

    @Test
    @Points(2)
    void refusesAnIndefiniteHessian() {
        String input = "H = [[2, 0], [0, −2]] (the saddle x² − y²), g = (1, 1)";
        try {
            double[] p = NewtonStep.step(new double[][]{{2, 0}, {0, -2}}, new double[]{1, 1});
            that(false, "indefinite H", input, "expected IllegalArgumentException, got the step " + java.util.Arrays.toString(p), REREAD);
        } catch (IllegalArgumentException expected) {
            return;
        } catch (RuntimeException other) {
            that(false, "indefinite H", input, "expected IllegalArgumentException, got " + other, REREAD);
        }
    }

    @Test
    @Points(1)
    void refusesAStepThatOverflows() {
        // H = diag(1e-320, 1) passes Cholesky (1e-320 > 0), but −g₁/1e-320 overflows to −∞: a numerically singular
        // Hessian, refused as the javadoc says (the step must be finite).
        String input = "H = [[1e-320, 0], [0, 1]] (numerically singular), g = (1, 1)";
        try {
            double[] p = NewtonStep.step(new double[][]{{1e-320, 0}, {0, 1}}, new double[]{1, 1});
            that(false, "numerically singular H", input, "expected IllegalArgumentException, got the step "
                    + java.util.Arrays.toString(p), REREAD);
        } catch (IllegalArgumentException expected) {
            return;
        } catch (RuntimeException other) {
            that(false, "numerically singular H", input, "expected IllegalArgumentException, got " + other, REREAD);
        }
    }
}
