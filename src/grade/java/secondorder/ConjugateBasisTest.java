package secondorder;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

import java.util.Random;

/** Gram–Schmidt in the H inner product: exact 3-D values, then conjugacy of a random 8-D basis. */
@Exercise(id = "03.11", title = "conjugate directions from a basis")
class ConjugateBasisTest {

    private static final String REREAD = "Aggarwal §3.5.6.1 (mutual conjugacy qᵢᵀHqⱼ = 0) and exercise 11 "
            + "(βₜᵢ = −qᵢᵀHvₜ₊₁ / qᵢᵀHqᵢ); notebook 12";

    private static double quad(double[][] h, double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                s += a[i] * h[i][j] * b[j];
            }
        }
        return s;
    }

    // Exact fractions from src/test/python/secondorder_fixtures.py.
    @Test
    @Points(3)
    void coordinateAxesByHand() {
        double[][] h = {{4, 1, 0}, {1, 3, 1}, {0, 1, 2}};
        double[][] basis = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        String input = "H = [[4, 1, 0], [1, 3, 1], [0, 1, 2]], v = e₁, e₂, e₃";
        double[][] q = ConjugateBasis.fromBasis(h, basis);
        that(q != null && q.length == 3, "number of directions", input, "expected 3, got " + (q == null ? "null" : q.length), REREAD);
        allClose("q₀ (= v₀)", input, new double[]{1, 0, 0}, q[0], 1e-14, REREAD);
        allClose("q₁ (β₀₀ = −1/4)", input, new double[]{-0.25, 1, 0}, q[1], 1e-14, REREAD);
        allClose("q₂", input, new double[]{1.0 / 11, -4.0 / 11, 1}, q[2], 1e-14, REREAD);
        allClose("the basis (must not be modified)", input, new double[]{0, 1, 0}, basis[1], 0, REREAD);
    }

    @Test
    @Points(4)
    void randomBasisBecomesConjugate() {
        Random rng = new Random(8);
        int d = 8;
        double[][] a = new double[d][d], h = new double[d][d], basis = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                a[i][j] = rng.nextGaussian();
                basis[i][j] = rng.nextGaussian();
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    h[i][j] += a[k][i] * a[k][j];
                }
            }
            h[i][i] += 1;
        }
        double[][] q = ConjugateBasis.fromBasis(h, basis);
        String input = "a random 8×8 SPD H and a random basis";
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                close("qᵢᵀHqⱼ / √(qᵢᵀHqᵢ·qⱼᵀHqⱼ) for i = " + i + ", j = " + j, input, 0,
                        quad(h, q[i], q[j]) / Math.sqrt(quad(h, q[i], q[i]) * quad(h, q[j], q[j])), 1e-9, REREAD);
            }
        }
    }

    @Test
    @Points(3)
    void eachDirectionIsItsVectorPlusEarlierDirections() {
        // qₜ − vₜ must lie in span(q₀, …, qₜ₋₁) = span(v₀, …, vₜ₋₁): with v = (e₁, e₁ + e₂, e₃) the first two
        // directions lie in the (x, y) plane, so q₁ has no z part and q₂ = e₃ + (a vector in that plane) has z = 1.
        double[][] h = {{2, 0.5, 0.3}, {0.5, 1, 0.2}, {0.3, 0.2, 3}};
        double[][] basis = {{1, 0, 0}, {1, 1, 0}, {0, 0, 1}};
        double[][] q = ConjugateBasis.fromBasis(h, basis);
        String input = "H = [[2, 0.5, 0.3], [0.5, 1, 0.2], [0.3, 0.2, 3]], v = (1,0,0), (1,1,0), (0,0,1)";
        close("z component of q₁ − v₁", input, 0, q[1][2] - basis[1][2], 1e-14, REREAD);
        close("z component of q₂ (e₃ plus a combination of q₀ and q₁, which have none)", input, 1, q[2][2], 1e-14, REREAD);
        close("q₀ᵀHq₂", input, 0, quad(h, q[0], q[2]), 1e-12, REREAD);
        close("q₁ᵀHq₂", input, 0, quad(h, q[1], q[2]), 1e-12, REREAD);
    }
}
