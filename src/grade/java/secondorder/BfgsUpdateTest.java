package secondorder;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Random;

/** The BFGS update: exact values, the secant condition, symmetry and positive definiteness. */
@Exercise(id = "03.13", title = "BFGS update")
class BfgsUpdateTest {

    private static final String REREAD = "Aggarwal §3.5.6.2, eq. 3.55 (secant condition G'v = q) and eq. 3.56 "
            + "(G' = (I − Δqvᵀ)G(I − Δvqᵀ) + Δqqᵀ, Δ = 1/qᵀv); notebook 13";

    private static double[] times(double[][] g, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i] += g[i][j] * v[j];
            }
        }
        return out;
    }

    // Exact fractions from src/test/python/secondorder_fixtures.py.
    @Test
    @Points(3)
    void matchesTheExactUpdate() {
        double[][] g = {{2, 0.5, 0}, {0.5, 1, 0.2}, {0, 0.2, 1.5}};
        double[] q = {1, -0.5, 0.25}, v = {0.8, -0.1, 0.6};
        String input = "G = [[2, 0.5, 0], [0.5, 1, 0.2], [0, 0.2, 1.5]], q = (1, −0.5, 0.25), v = (0.8, −0.1, 0.6)";
        double[][] out = BfgsUpdate.update(g, q, v);
        allClose("row 0 of G'", input, new double[]{1.626, -0.508, -0.586}, out[0], 1e-12, REREAD);
        allClose("row 1 of G'", input, new double[]{-0.508, 2.1015, 0.19425}, out[1], 1e-12, REREAD);
        allClose("row 2 of G'", input, new double[]{-0.586, 0.19425, 1.230375}, out[2], 1e-12, REREAD);
        allClose("G (must not be modified)", input, new double[]{2, 0.5, 0}, g[0], 0, REREAD);
        // v doubled, so qᵀv = 2 (above it is 1, where 1/qᵀv and qᵀv coincide).
        double[] v2 = {1.6, -0.2, 1.2};
        String input2 = input.replace("v = (0.8, −0.1, 0.6)", "v = (1.6, −0.2, 1.2), qᵀv = 2");
        double[][] out2 = BfgsUpdate.update(g, q, v2);
        allClose("row 0 of G'", input2, new double[]{1.126, -0.258, -0.711}, out2[0], 1e-12, REREAD);
        allClose("row 1 of G'", input2, new double[]{-0.258, 1.9765, 0.25675}, out2[1], 1e-12, REREAD);
        allClose("row 2 of G'", input2, new double[]{-0.711, 0.25675, 1.199125}, out2[2], 1e-12, REREAD);
    }

    /** In one dimension G' = q/v whatever G was: the secant condition alone fixes it. */
    @Test
    @Points(2)
    void oneDimensionGivesTheSecantSlope() {
        double[][] out = BfgsUpdate.update(new double[][]{{7}}, new double[]{0.5}, new double[]{2});
        close("G'", "G = [[7]], q = 0.5, v = 2", 0.25, out[0][0], 1e-14, REREAD);
        // qᵀv = 2 here (above it is 1, where Δ = 1/qᵀv and qᵀv coincide): G' = q/v = 0.125.
        double[][] out2 = BfgsUpdate.update(new double[][]{{7}}, new double[]{0.5}, new double[]{4});
        close("G'", "G = [[7]], q = 0.5, v = 4 (qᵀv = 2, Δ = 1/2)", 0.125, out2[0][0], 1e-14, REREAD);
    }

    @Test
    @Points(3)
    void secantConditionSymmetryAndPositiveDefiniteness() {
        Random rng = new Random(13);
        int d = 6;
        double[][] g = new double[d][d];
        for (int i = 0; i < d; i++) {
            g[i][i] = 1;
        }
        for (int k = 0; k < 8; k++) {
            double[] q = new double[d], v = new double[d];
            double qv = 0;
            for (int i = 0; i < d; i++) {
                q[i] = rng.nextGaussian();
                v[i] = q[i] + 0.7 * rng.nextGaussian();
                qv += q[i] * v[i];
            }
            if (qv <= 0) {
                continue;
            }
            String input = "update " + k + " of a chain starting from G = I (d = 6, random q, v with qᵀv > 0)";
            g = BfgsUpdate.update(g, q, v);
            allClose("G'v (must equal q)", input, q, times(g, v), 1e-9, REREAD);
            DMatrixRMaj m = new DMatrixRMaj(g);
            DMatrixRMaj t = new DMatrixRMaj(d, d);
            org.ejml.dense.row.CommonOps_DDRM.transpose(m, t);
            that(MatrixFeatures_DDRM.isIdentical(m, t, 1e-10), "symmetry of G'", input, "G' ≠ G'ᵀ", REREAD);
            that(MatrixFeatures_DDRM.isPositiveDefinite(m.copy()), "positive definiteness of G'", input,
                    "G' has a non-positive eigenvalue although qᵀv > 0", REREAD);
        }
    }

    @Test
    @Points(2)
    void refusesNegativeCurvature() {
        try {
            BfgsUpdate.update(new double[][]{{1, 0}, {0, 1}}, new double[]{1, 0}, new double[]{-1, 0});
        } catch (IllegalArgumentException expected) {
            return;
        } catch (RuntimeException other) {
            that(false, "qᵀv ≤ 0", "G = I, q = (1, 0), v = (−1, 0)", "expected IllegalArgumentException, got " + other, REREAD);
        }
        that(false, "qᵀv ≤ 0", "G = I, q = (1, 0), v = (−1, 0)", "expected IllegalArgumentException, nothing was thrown", REREAD);
    }

    @Test
    @Points(1)
    void refusesZeroCurvature() {
        // qᵀv = 0 exactly: Δ = 1/qᵀv is infinite, so "qᵀv ≤ 0" must include the equality.
        String input = "G = I, q = (1, 0), v = (0, 1), so qᵀv = 0";
        try {
            double[][] out = BfgsUpdate.update(new double[][]{{1, 0}, {0, 1}}, new double[]{1, 0}, new double[]{0, 1});
            that(false, "qᵀv = 0", input, "expected IllegalArgumentException, got G' = " + java.util.Arrays.deepToString(out), REREAD);
        } catch (IllegalArgumentException expected) {
            return;
        } catch (RuntimeException other) {
            that(false, "qᵀv = 0", input, "expected IllegalArgumentException, got " + other, REREAD);
        }
    }
}
