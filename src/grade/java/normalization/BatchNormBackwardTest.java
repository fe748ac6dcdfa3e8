package normalization;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;
import static descent.grade.GradedAssert.flat;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/** The compact batch-normalization backward: against PyTorch autograd, central differences and Σ_r ∂L/∂v⁽ʳ⁾ = 0. */
@Exercise(id = "08.3", title = "batch normalization backward")
class BatchNormBackwardTest {

    static final String REREAD = "Aggarwal §3.6, eqs. 3.62–3.65 and the compact form "
            + "∂L/∂v⁽ʳ⁾ = γ/(mσ)·[m g_r − Σg − v̂⁽ʳ⁾ Σ g v̂] with σ = √(var + ε); notebook 35";

    interface Input {
        double[][] apply(double[][] v, double[] gamma, double eps, double[][] g);
    }

    interface Parameters {
        double[][] apply(double[][] v, double eps, double[][] g);
    }

    static final Input STUDENT = BatchNormBackward::input;
    static final Parameters STUDENT_PARAMETERS = BatchNormBackward::parameters;

    @Test
    @Points(3)
    void inputGradientMatchesPyTorch() {
        checkInputGradientMatchesPyTorch(STUDENT);
    }

    static void checkInputGradientMatchesPyTorch(Input f) {
        double[][] dv = f.apply(Fixtures.x(8, 3, 0, 1), Fixtures.gamma(3), 1e-5, Fixtures.g(8, 3));
        allClose("∂L/∂v (row-major)", Fixtures.X_FORMULA + ", L = Σ g ⊙ a with g[r][i] = cos(0.9r − 0.4i) + 0.1(r − i) "
                + "(compared with PyTorch autograd)", Fixtures.BN_DX, flat(dv), 1e-10, REREAD);
    }

    @Test
    @Points(2)
    void inputGradientMatchesCentralDifferencesWhenEpsilonMatters() {
        checkInputGradientMatchesCentralDifferencesWhenEpsilonMatters(STUDENT);
    }

    static void checkInputGradientMatchesCentralDifferencesWhenEpsilonMatters(Input f) {
        // small variances and a large ε = 0.05: forgetting ε in σ is visible; L = Σ g ⊙ a
        double[][] v = Fixtures.x(5, 2, 0.3, 0.2);
        double[][] g = Fixtures.g(5, 2);
        double[] gamma = {1.3, -0.6};
        double eps = 0.05, h = 1e-6;
        double[][] dv = f.apply(Fixtures.copy(v), gamma, eps, g);
        double[] fd = new double[10];
        for (int k = 0; k < 10; k++) {
            double[][] plus = Fixtures.copy(v), minus = Fixtures.copy(v);
            plus[k / 2][k % 2] += h;
            minus[k / 2][k % 2] -= h;
            fd[k] = (loss(plus, gamma, eps, g) - loss(minus, gamma, eps, g)) / (2 * h);
        }
        allClose("∂L/∂v (row-major)", "v = 0.2·x(5, 2, shift 0.3), γ = (1.3, −0.6), ε = 0.05, L = Σ g ⊙ a "
                + "(compared with central differences, h = 1e-6)", fd, flat(dv), 1e-7, REREAD);
        for (int i = 0; i < 2; i++) {
            double s = 0;
            for (int r = 0; r < 5; r++) {
                s += dv[r][i];
            }
            close("Σ_r ∂L/∂v⁽ʳ⁾ of unit " + i + " (the mean is subtracted, so this is 0)", "the same input", 0, s, 1e-12, REREAD);
        }
    }

    /** L = Σ g ⊙ BN(v), written out here for the finite differences (forward pass, eqs. 3.58–3.61). */
    private static double loss(double[][] v, double[] gamma, double eps, double[][] g) {
        int m = v.length, n = gamma.length;
        double l = 0;
        for (int i = 0; i < n; i++) {
            double mu = 0, var = 0;
            for (double[] row : v) {
                mu += row[i] / m;
            }
            for (double[] row : v) {
                var += (row[i] - mu) * (row[i] - mu) / m;
            }
            for (int r = 0; r < m; r++) {
                l += g[r][i] * gamma[i] * (v[r][i] - mu) / Math.sqrt(var + eps);
            }
        }
        return l;
    }

    @Test
    @Points(2)
    void parameterGradientsMatchPyTorch() {
        checkParameterGradientsMatchPyTorch(STUDENT_PARAMETERS);
    }

    static void checkParameterGradientsMatchPyTorch(Parameters f) {
        double[][] d = f.apply(Fixtures.x(8, 3, 0, 1), 1e-5, Fixtures.g(8, 3));
        String input = Fixtures.X_FORMULA + ", g[r][i] = cos(0.9r − 0.4i) + 0.1(r − i) (compared with PyTorch autograd)";
        allClose("∂L/∂γ (the first array)", input, Fixtures.BN_DGAMMA, d == null || d.length < 2 ? null : d[0], 1e-10, REREAD);
        allClose("∂L/∂β (the second array)", input, Fixtures.BN_DBETA, d[1], 1e-10, REREAD);
    }


    @Test
    @Points(1)
    void aLargeMeanOrASingleExampleChangeNothing() {
        checkALargeMeanOrASingleExampleChangeNothing(STUDENT, STUDENT_PARAMETERS);
    }

    static void checkALargeMeanOrASingleExampleChangeNothing(Input input, Parameters parameters) {
        // The PyTorch batch shifted by 10⁸: batch normalization removes the mean, so every gradient is unchanged;
        // a variance formed as Σv²/m − μ² (or by multiplying before subtracting μ) loses it next to 10¹⁶.
        double[][] v = Fixtures.x(8, 3, 0, 1);
        for (double[] row : v) {
            for (int i = 0; i < row.length; i++) {
                row[i] += 1e8;
            }
        }
        String shifted = Fixtures.X_FORMULA + ", every v plus 10⁸, g[r][i] = cos(0.9r − 0.4i) + 0.1(r − i)";
        allClose("∂L/∂v (row-major)", shifted, Fixtures.BN_DX,
                flat(input.apply(Fixtures.copy(v), Fixtures.gamma(3), 1e-5, Fixtures.g(8, 3))), 1e-6,
                REREAD + "; subtract μ before squaring");
        double[][] d = parameters.apply(Fixtures.copy(v), 1e-5, Fixtures.g(8, 3));
        that(d != null && d.length == 2, "the result", shifted, "expected exactly two arrays {∂L/∂γ, ∂L/∂β}, got "
                + (d == null ? "null" : d.length), REREAD);
        allClose("∂L/∂γ", shifted, Fixtures.BN_DGAMMA, d[0], 1e-6, REREAD + "; subtract μ before squaring");
        allClose("∂L/∂β", shifted, Fixtures.BN_DBETA, d[1], 1e-6, REREAD);
        // A batch of one example: v̂ = 0, so ∂L/∂γ = 0 and ∂L/∂β = g.
        double[][] one = parameters.apply(new double[][]{{2, -1}}, 1e-5, new double[][]{{0.5, -3}});
        that(one != null && one.length == 2, "the result", "one example v = (2, −1), g = (0.5, −3)",
                "expected two arrays", REREAD);
        allClose("∂L/∂γ", "one example v = (2, −1), g = (0.5, −3) (v̂ = 0)", new double[]{0, 0}, one[0], 1e-12, REREAD);
        allClose("∂L/∂β", "one example v = (2, −1), g = (0.5, −3)", new double[]{0.5, -3}, one[1], 1e-12, REREAD);
    }
}
