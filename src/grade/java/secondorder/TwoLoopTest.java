package secondorder;

import static descent.grade.GradedAssert.allClose;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The two-loop recursion equals the explicit BFGS matrix built from γI, without forming it. */
@Exercise(id = "03.14", title = "L-BFGS two-loop recursion")
class TwoLoopTest {

    private static final String REREAD = "Aggarwal §3.5.6.2 (L-BFGS: eq. 3.56 applied m times to a scaled identity) "
            + "and the two-loop box in exercises/secondorder/TwoLoop.java; notebook 13";

    /** Eq. 3.56 written out — the reference the recursion must reproduce. */
    private static double[][] bfgs(double[][] g, double[] q, double[] v) {
        int d = q.length;
        double qv = 0;
        for (int i = 0; i < d; i++) {
            qv += q[i] * v[i];
        }
        double delta = 1 / qv;
        double[] gv = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                gv[i] += g[i][j] * v[j];
            }
        }
        double vgv = 0;
        for (int i = 0; i < d; i++) {
            vgv += v[i] * gv[i];
        }
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = g[i][j] + (delta * delta * vgv + delta) * q[i] * q[j] - delta * (q[i] * gv[j] + gv[i] * q[j]);
            }
        }
        return out;
    }

    // Exact fractions from src/test/python/secondorder_fixtures.py: G·g = (11/16, −125/128, 309/128).
    @Test
    @Points(3)
    void matchesTheExactProduct() {
        List<double[]> q = List.of(new double[]{1, 0, 0.5}, new double[]{0, 1, -1});
        List<double[]> v = List.of(new double[]{2, 0.5, 1}, new double[]{0.5, 3, -1});
        double[] r = TwoLoop.apply(new double[]{1, -2, 3}, q, v, 0.5);
        allClose("G·g", "g = (1, −2, 3), γ = 0.5, pairs q = (1, 0, 0.5), v = (2, 0.5, 1) then q = (0, 1, −1), v = (0.5, 3, −1)",
                new double[]{11.0 / 16, -125.0 / 128, 309.0 / 128}, r, 1e-12, REREAD);
    }

    @Test
    @Points(2)
    void emptyMemoryScalesByGamma() {
        allClose("G·g with no pairs", "g = (1, −2, 3), γ = 0.25", new double[]{0.25, -0.5, 0.75},
                TwoLoop.apply(new double[]{1, -2, 3}, List.of(), List.of(), 0.25), 1e-15, REREAD);
    }

    @Test
    @Points(3)
    void equalsRepeatedBfgsUpdatesAndSatisfiesTheSecantCondition() {
        Random rng = new Random(31);
        int d = 8;
        double gamma = 0.7;
        double[][] g = new double[d][d];
        for (int i = 0; i < d; i++) {
            g[i][i] = gamma;
        }
        List<double[]> qs = new ArrayList<>(), vs = new ArrayList<>();
        while (qs.size() < 5) {
            double[] q = new double[d], v = new double[d];
            double qv = 0;
            for (int i = 0; i < d; i++) {
                q[i] = rng.nextGaussian();
                v[i] = 2 * q[i] + 0.5 * rng.nextGaussian();
                qv += q[i] * v[i];
            }
            if (qv > 0) {
                qs.add(q);
                vs.add(v);
                g = bfgs(g, q, v);
            }
        }
        double[] x = new double[d], expected = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = rng.nextGaussian();
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                expected[i] += g[i][j] * x[j];
            }
        }
        String input = "5 random pairs in d = 8, γ = 0.7";
        allClose("G·g against eq. 3.56 applied 5 times to γI", input, expected, TwoLoop.apply(x, qs, vs, gamma), 1e-10, REREAD);
        allClose("G·v of the newest pair (the secant condition: must equal its q)", input, qs.get(4),
                TwoLoop.apply(vs.get(4), qs, vs, gamma), 1e-10, REREAD);
    }
}
