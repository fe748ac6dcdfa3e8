package secondorder;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * The part of a vector orthogonal to a span (Aggarwal exercise 8). Hand values in exact fractions from
 * src/test/python/secondorder_fixtures.py; random spans checked by the defining properties.
 */
@Exercise(id = "03.8", title = "the part of a vector orthogonal to a span")
class OrthogonalPartTest {

    private static final String REREAD = "Aggarwal §3.5.6.1 and exercise 8: make the vectors orthogonal first "
            + "(Gram–Schmidt, dropping any that depend on earlier ones), then subtract v's projection on each; "
            + "notebook 12";

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[][] random(int k, int d, Random rng) {
        double[][] m = new double[k][d];
        for (double[] row : m) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return m;
    }

    @Test
    @Points(3)
    void handExamples() {
        // the two vectors are not orthogonal: projecting on each of them separately gives (−1.5, 0.5, 3)
        allClose("v⊥", "vectors (1, 1, 0), (1, 0, 0); v = (1, 2, 3)", new double[]{0, 0, 3},
                OrthogonalPart.of(new double[][]{{1, 1, 0}, {1, 0, 0}}, new double[]{1, 2, 3}), 1e-14, REREAD);
        // the third vector is twice the first: it adds nothing to the span and must be skipped, not divided by ~0
        allClose("v⊥", "vectors (1, 2, 2), (0, 1, 1), (2, 4, 4); v = (3, −1, 2)", new double[]{0, -1.5, 1.5},
                OrthogonalPart.of(new double[][]{{1, 2, 2}, {0, 1, 1}, {2, 4, 4}}, new double[]{3, -1, 2}), 1e-12, REREAD);
    }

    @Test
    @Points(3)
    void dIndependentVectorsLeaveNothing() {
        // exercise 8: the span of d independent vectors is ℝᵈ, so no part of any v is orthogonal to it
        Random rng = new Random(21);
        double[][] a = random(6, 6, rng);
        double[] v = random(1, 6, rng)[0];
        double[] perp = OrthogonalPart.of(a, v);
        that(perp != null && perp.length == 6, "length of v⊥", "6 random vectors in ℝ⁶",
                "expected 6, got " + (perp == null ? "null" : perp.length), REREAD);
        close("‖v⊥‖ / ‖v‖", "6 random (non-orthogonal) vectors in ℝ⁶ and a random v", 0,
                Math.sqrt(dot(perp, perp) / dot(v, v)), 1e-9, REREAD);
    }

    @Test
    @Points(2)
    void fewerVectorsLeaveTheOrthogonalComplement() {
        Random rng = new Random(5);
        double[][] a = random(3, 6, rng);
        double[] v = random(1, 6, rng)[0];
        double[] perp = OrthogonalPart.of(a, v);
        String input = "3 random vectors in ℝ⁶ and a random v";
        for (int i = 0; i < 3; i++) {
            close("a" + i + "ᵀv⊥ / (‖a" + i + "‖‖v‖)", input, 0, dot(a[i], perp) / Math.sqrt(dot(a[i], a[i]) * dot(v, v)), 1e-10, REREAD);
        }
        that(dot(perp, perp) > 0.01 * dot(v, v), "‖v⊥‖²", input,
                "expected a sizable part of v outside a 3-dimensional span, got " + dot(perp, perp) + " of " + dot(v, v), REREAD);
        // v − v⊥ lies in the span, so v⊥ is its own orthogonal part
        allClose("the orthogonal part of v⊥", input, perp, OrthogonalPart.of(a, perp), 1e-10, REREAD);
    }

    @Test
    @Points(1)
    void aZeroVectorOrNoVectorsChangeNothing() {
        allClose("v⊥", "vectors (0, 0, 0), (0, 0, 1); v = (1, 2, 3)", new double[]{1, 2, 0},
                OrthogonalPart.of(new double[][]{{0, 0, 0}, {0, 0, 1}}, new double[]{1, 2, 3}), 1e-14, REREAD);
        double[] v = {1, -2, 3};
        double[] perp = OrthogonalPart.of(new double[0][], v);
        allClose("v⊥", "no vectors; v = (1, −2, 3)", new double[]{1, -2, 3}, perp, 0, REREAD);
        that(perp != v, "the result", "no vectors; v = (1, −2, 3)", "expected a new array, got v itself", REREAD);
    }

    @Test
    @Points(1)
    void aNearlyDependentVectorIsDropped() {
        // a₂ = 1000·a₁/3 + 1e-9·e₃: what Gram–Schmidt leaves of it has length ≈ 1e-9, 1e-12 of ‖a₂‖ ≈ 1000, below the
        // 1e-10 cut, so a₂ counts as dependent and only a₁'s direction is removed from v = e₃:
        // v⊥ = e₃ − (2/9)(1, 2, 2) = (−2/9, −4/9, 5/9)
        double[][] a = {{1, 2, 2}, {1000.0 / 3, 2000.0 / 3, 2000.0 / 3 + 1e-9}};
        allClose("v⊥", "vectors (1, 2, 2) and 1000·(1, 2, 2)/3 + (0, 0, 1e-9); v = (0, 0, 1)",
                new double[]{-2.0 / 9, -4.0 / 9, 5.0 / 9}, OrthogonalPart.of(a, new double[]{0, 0, 1}), 1e-6, REREAD);
    }

    @Test
    @Points(1)
    void theInputsAreNotModified() {
        double[][] a = {{1, 1, 0}, {1, 0, 0}};
        double[] v = {1, 2, 3};
        OrthogonalPart.of(a, v);
        String input = "vectors (1, 1, 0), (1, 0, 0); v = (1, 2, 3)";
        allClose("a₀ afterwards", input, new double[]{1, 1, 0}, a[0], 0, REREAD);
        allClose("a₁ afterwards", input, new double[]{1, 0, 0}, a[1], 0, REREAD);
        allClose("v afterwards", input, new double[]{1, 2, 3}, v, 0, REREAD);
    }
}
