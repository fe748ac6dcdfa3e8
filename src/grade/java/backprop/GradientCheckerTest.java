package backprop;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/** A gradient checker: central differences and the relative error ρ of eq. 3.34. */
@Exercise(id = "01.15", title = "gradient checker")
class GradientCheckerTest {

    private static final String REREAD = "Aggarwal ch. 3, §3.2.10 (eqs. 3.33–3.34); use the central difference "
            + "(f(x + h·e_i) − f(x − h·e_i))/(2h), whose error is O(h²), not the forward one";

    @Test
    @Points(4)
    void centralDifferenceOfAKnownFunction() {
        // f = x0²·x1 + sin x2 at (1.5, −2, 0.5): ∇f = (2·x0·x1, x0², cos x2) = (−6, 2.25, cos 0.5) by hand.
        double[] x = {1.5, -2, 0.5};
        double[] g = GradientChecker.centralDifference(v -> v[0] * v[0] * v[1] + Math.sin(v[2]), x, 1e-5);
        allClose("x after the call", "f = x0²·x1 + sin x2 at (1.5, −2, 0.5), h = 1e-5", new double[]{1.5, -2, 0.5}, x, 0,
                "the javadoc of centralDifference: the checker must restore every entry it perturbs (x[i] = keep)");
        allClose("numerical gradient", "f = x0²·x1 + sin x2 at (1.5, −2, 0.5), h = 1e-5",
                new double[]{-6, 2.25, Math.cos(0.5)}, g, 1e-8, REREAD);
    }

    @Test
    @Points(2)
    void isCentralNotForward() {
        // f = x³ at x = 1, h = 1e-3: central gives 3 + h² = 3.000001; forward would give 3.003001.
        double[] g = GradientChecker.centralDifference(v -> v[0] * v[0] * v[0], new double[]{1}, 1e-3);
        close("numerical derivative of x³ at 1", "h = 1e-3", 3.000001, g[0], 1e-9, REREAD);
    }

    @Test
    @Points(4)
    void relativeErrorWithZeroGuard() {
        String reread = "Aggarwal ch. 3, eq. 3.34: ρ = |G_e − G_a| / |G_e + G_a|; guard the 0/0 case";
        close("ρ", "G_e = 1, G_a = 1.1", 0.1 / 2.1, GradientChecker.relativeError(1, 1.1), 1e-12, reread);
        close("ρ", "G_e = −2, G_a = −2.000002", 0.000002 / 4.000002, GradientChecker.relativeError(-2, -2.000002), 1e-9, reread);
        close("ρ", "G_e = 0, G_a = 0", 0, GradientChecker.relativeError(0, 0), 0, reread);
        close("ρ", "G_e = 3e-14, G_a = −3e-14", 0, GradientChecker.relativeError(3e-14, -3e-14), 0, reread);
        close("ρ", "G_e = 1e-12, G_a = 0 (|G_e − G_a| = 1e-12 exactly: the guard includes equality)", 0,
                GradientChecker.relativeError(1e-12, 0), 0, reread);
        double wrong = GradientChecker.relativeError(1.0, 1.05);
        that(wrong > 1e-3, "ρ", "G_e = 1, G_a = 1.05 (a 5% bug)", "got " + wrong + ", which should flag a bug (> 1e-3)", reread);
    }
}
