package secondorder;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

/** Linear CG: a hand-checked 2-D run, then the properties of exercise 12 on a random 10-D quadratic. */
@Exercise(id = "03.12", title = "linear conjugate gradient")
class ConjugateGradientTest {

    private static final String REREAD = "Aggarwal §3.5.6.1, eqs. 3.49–3.50 (β = qₜᵀHgₜ₊₁ / qₜᵀHqₜ), the exact step "
            + "α = −gᵀq / qᵀHq, and exercise 12; notebook 12";

    private static final double[][] H2 = {{4, 1}, {1, 3}};
    private static final double[] B2 = {1, 2};
    private static final String INPUT2 = "H = [[4, 1], [1, 3]], b = (1, 2), x₀ = (2, 1)";

    /** A random SPD matrix AᵀA + I (d = 10, seed 2026) and b. */
    private static double[][] randomSpd(Random rng, int d) {
        DMatrixRMaj a = new DMatrixRMaj(d, d), h = new DMatrixRMaj(d, d);
        for (int i = 0; i < d * d; i++) {
            a.data[i] = rng.nextGaussian();
        }
        CommonOps_DDRM.multTransA(a, a, h);
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = h.get(i, j) + (i == j ? 1 : 0);
            }
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] times(double[][] h, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = dot(h[i], v);
        }
        return out;
    }

    // Exact fractions from src/test/python/secondorder_fixtures.py: x₁ = (78/331, 112/331), x₂ = (1/11, 7/11).
    @Test
    @Points(3)
    void twoDimensionalRunMatchesTheHandCalculation() {
        ConjugateGradient.Trace t = ConjugateGradient.solve(H2, B2, new double[]{2, 1}, 10, 1e-12);
        List<double[]> g = t.gradients(), q = t.directions();
        that(q.size() == 2, "number of steps", INPUT2, "CG must stop after exactly d = 2 steps, the gradient is then 0;"
                + " took " + q.size(), REREAD);
        allClose("g₀ = Hx₀ − b", INPUT2, new double[]{8, 3}, g.get(0), 1e-12, REREAD);
        allClose("q₀ = −g₀", INPUT2, new double[]{-8, -3}, q.get(0), 1e-12, REREAD);
        allClose("g₁ (after the exact step α₀ = 73/331)", INPUT2, new double[]{93.0 / 331, -248.0 / 331}, g.get(1), 1e-12, REREAD);
        allClose("q₁ = −g₁ + β₀q₀ with β₀ = 961/109561", INPUT2, new double[]{-38471.0 / 109561, 79205.0 / 109561},
                q.get(1), 1e-12, REREAD);
        allClose("x₂, the minimizer H⁻¹b", INPUT2, new double[]{1.0 / 11, 7.0 / 11}, t.x(), 1e-12, REREAD);
        allClose("g₂", INPUT2, new double[]{0, 0}, g.get(2), 1e-12, REREAD);
    }

    @Test
    @Points(3)
    void gradientsAreMutuallyOrthogonal() {
        Random rng = new Random(2026);
        double[][] h = randomSpd(rng, 10);
        double[] b = new double[10];
        for (int i = 0; i < 10; i++) {
            b[i] = rng.nextGaussian();
        }
        ConjugateGradient.Trace t = ConjugateGradient.solve(h, b, new double[10], 10, 0);
        List<double[]> g = t.gradients();
        that(g.size() == 11, "number of gradients", "a random 10×10 SPD H, tolerance 0, 10 steps",
                "expected g₀ … g₁₀ (11 gradients), got " + g.size(), REREAD);
        double scale = dot(g.get(0), g.get(0));
        for (int i = 0; i < g.size(); i++) {
            for (int j = 0; j < i; j++) {
                close("gᵢᵀgⱼ / g₀ᵀg₀ for i = " + i + ", j = " + j, "a random 10×10 SPD H (exercise 12(c))", 0,
                        dot(g.get(i), g.get(j)) / scale, 1e-8, REREAD);
            }
        }
    }

    @Test
    @Points(3)
    void directionsAreMutuallyConjugate() {
        Random rng = new Random(7);
        double[][] h = randomSpd(rng, 10);
        double[] b = new double[10];
        for (int i = 0; i < 10; i++) {
            b[i] = rng.nextGaussian();
        }
        ConjugateGradient.Trace t = ConjugateGradient.solve(h, b, new double[10], 10, 0);
        List<double[]> q = t.directions();
        that(q.size() == 10, "number of directions", "a random 10×10 SPD H, tolerance 0, 10 steps",
                "expected 10, got " + q.size(), REREAD);
        double scale = 0;
        for (double[] qi : q) {
            scale = Math.max(scale, dot(qi, times(h, qi)));
        }
        for (int i = 0; i < q.size(); i++) {
            for (int j = 0; j < i; j++) {
                close("qᵢᵀHqⱼ / max qₖᵀHqₖ for i = " + i + ", j = " + j, "a random 10×10 SPD H (exercise 12(d))", 0,
                        dot(q.get(i), times(h, q.get(j))) / scale, 1e-8, REREAD);
            }
        }
    }

    @Test
    @Points(3)
    void terminatesWithinDStepsAtTheSolution() {
        Random rng = new Random(99);
        double[][] h = randomSpd(rng, 10);
        double[] b = new double[10], x0 = new double[10];
        for (int i = 0; i < 10; i++) {
            b[i] = rng.nextGaussian();
            x0[i] = rng.nextGaussian();
        }
        ConjugateGradient.Trace t = ConjugateGradient.solve(h, b, x0, 100, 1e-8);
        String input = "a random 10×10 SPD H, random b and x₀, maxSteps 100, tolerance 1e-8";
        that(t.directions().size() <= 10, "number of steps", input,
                "CG must reach ‖g‖ ≤ 1e-8 within d = 10 steps, took " + t.directions().size(), REREAD);
        DMatrixRMaj sol = new DMatrixRMaj(10, 1);
        CommonOps_DDRM.solve(new DMatrixRMaj(h), DMatrixRMaj.wrap(10, 1, b), sol);
        allClose("x (compared with H⁻¹b)", input, sol.data, t.x(), 1e-7, REREAD);
        that(t.gradients().size() == t.directions().size() + 1, "gradients vs directions", input,
                "expected one more gradient than directions, got " + t.gradients().size() + " and " + t.directions().size(), REREAD);
        ConjugateGradient.Trace none = ConjugateGradient.solve(H2, B2, new double[]{1.0 / 11, 7.0 / 11}, 10, 1e-9);
        that(none.directions().isEmpty(), "number of steps", INPUT2.replace("x₀ = (2, 1)", "x₀ = (1/11, 7/11), already the minimizer"),
                "expected 0 steps, took " + none.directions().size(), REREAD);
    }

    @Test
    @Points(1)
    void stopsWhenTheGradientNormEqualsTheTolerance() {
        // H = I, b = (3, 4), x₀ = 0: g₀ = −b and ‖g₀‖ = 5 exactly. "Stop as soon as ‖g‖ ≤ tolerance": with tolerance 5
        // no step is taken; with tolerance 4.9 one step (α = 1) lands on x = b.
        double[][] eye = {{1, 0}, {0, 1}};
        String input = "H = I, b = (3, 4), x₀ = 0, so ‖g₀‖ = 5";
        ConjugateGradient.Trace at = ConjugateGradient.solve(eye, new double[]{3, 4}, new double[2], 10, 5);
        that(at.directions().isEmpty() && at.gradients().size() == 1, "number of steps", input + ", tolerance 5",
                "expected 0 steps (‖g₀‖ ≤ tolerance already), took " + at.directions().size(), REREAD);
        ConjugateGradient.Trace below = ConjugateGradient.solve(eye, new double[]{3, 4}, new double[2], 10, 4.9);
        that(below.directions().size() == 1, "number of steps", input + ", tolerance 4.9",
                "expected 1 step, took " + below.directions().size(), REREAD);
        allClose("x", input + ", tolerance 4.9", new double[]{3, 4}, below.x(), 1e-12, REREAD);
        ConjugateGradient.Trace capped = ConjugateGradient.solve(H2, B2, new double[]{2, 1}, 1, 0);
        that(capped.directions().size() == 1, "number of steps", INPUT2 + ", maxSteps 1, tolerance 0",
                "expected exactly maxSteps = 1 step, took " + capped.directions().size(), REREAD);
    }
}
