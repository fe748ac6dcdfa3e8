package backprop;

import static descent.grade.GradedAssert.allClose;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/** Book exercise 10: softmax, its Jacobian o_i(δ_ij − o_j), and ∂L/∂v = o − y. */
@Exercise(id = "01.10", title = "softmax derivatives")
class SoftmaxDerivativesTest {

    private static final String REREAD = "Aggarwal ch. 3, §3.2.5.1, eqs. 3.20–3.22 (quotient rule on eq. 3.20 gives "
            + "∂o_i/∂v_j = o_i(δ_ij − o_j); with Σy = 1 the gradient is o − y)";
    private static final double[] V = {1, 2, 3};

    @Test
    @Points(3)
    void softmaxValuesAndStability() {
        // Aggarwal exercise 10 (computed independently in NumPy, src/test/python/reproductions.py): o = (0.090031, 0.244728, 0.665241).
        allClose("softmax(v)", "v = (1, 2, 3)", new double[]{0.090031, 0.244728, 0.665241},
                SoftmaxDerivatives.softmax(V), 1e-6, REREAD);
        // Shifting v by a constant leaves o unchanged; at v + 1000 a naive exp overflows.
        allClose("softmax(v)", "v = (1001, 1002, 1003) (subtract max v before exp)",
                new double[]{0.090031, 0.244728, 0.665241}, SoftmaxDerivatives.softmax(new double[]{1001, 1002, 1003}),
                1e-6, REREAD);
        // The same numbers permuted, the largest first: subtracting the last entry (or the first) instead of the max
        // overflows one of these two.
        allClose("softmax(v)", "v = (1003, 1001, 1002) (subtract max v, wherever it is, before exp)",
                new double[]{0.665241, 0.090031, 0.244728}, SoftmaxDerivatives.softmax(new double[]{1003, 1001, 1002}),
                1e-6, REREAD);
        allClose("softmax(v)", "v = (1001, 1003, 1002) (subtract max v, wherever it is, before exp)",
                new double[]{0.090031, 0.665241, 0.244728}, SoftmaxDerivatives.softmax(new double[]{1001, 1003, 1002}),
                1e-6, REREAD);
        // All entries very negative: exp(v) underflows to 0 unless the (negative) max is subtracted.
        allClose("softmax(v)", "v = (−1003, −1001, −1002) (exp(v) underflows to 0; subtract max v = −1001)",
                new double[]{0.090031, 0.665241, 0.244728},
                SoftmaxDerivatives.softmax(new double[]{-1003, -1001, -1002}), 1e-6, REREAD);
    }

    @Test
    @Points(4)
    void jacobianMatchesTheWorkedAnswerAndFiniteDifferences() {
        double[][] j = SoftmaxDerivatives.jacobian(V);
        double[][] want = {{0.081925, -0.022033, -0.059892}, {-0.022033, 0.184836, -0.162803},
                {-0.059892, -0.162803, 0.222695}};
        for (int i = 0; i < 3; i++) {
            allClose("row " + i + " of J (J[i][j] = ∂o_i/∂v_j)", "v = (1, 2, 3)", want[i], j[i], 1e-6, REREAD);
        }
        // Column j of J is ∂o/∂v_j; compare with a central difference in v_j, at an asymmetric point.
        double[] v = {0.3, -1.2, 0.8, 2.0};
        double[][] jv = SoftmaxDerivatives.jacobian(v);
        for (int c = 0; c < 4; c++) {
            double[] p = v.clone();
            double[] m = v.clone();
            p[c] += 1e-6;
            m[c] -= 1e-6;
            double[] op = SoftmaxDerivatives.softmax(p);
            double[] om = SoftmaxDerivatives.softmax(m);
            double[] col = new double[4];
            double[] fd = new double[4];
            for (int r = 0; r < 4; r++) {
                col[r] = jv[r][c];
                fd[r] = (op[r] - om[r]) / 2e-6;
            }
            allClose("column " + c + " of J", "v = (0.3, −1.2, 0.8, 2), against central differences", fd, col, 1e-8, REREAD);
        }
    }

    @Test
    @Points(3)
    void crossEntropyGradientIsOMinusY() {
        allClose("∂L/∂v", "v = (1, 2, 3), y = (0, 1, 0)", new double[]{0.090031, -0.755272, 0.665241},
                SoftmaxDerivatives.crossEntropyGradient(V, new double[]{0, 1, 0}), 1e-6, REREAD);
        // Soft target y = (0.2, 0.3, 0.5): o − y, and a central difference of L = −Σ y log o.
        double[] y = {0.2, 0.3, 0.5};
        double[] fd = new double[3];
        for (int c = 0; c < 3; c++) {
            double[] p = V.clone();
            double[] m = V.clone();
            p[c] += 1e-6;
            m[c] -= 1e-6;
            fd[c] = (ce(p, y) - ce(m, y)) / 2e-6;
        }
        allClose("∂L/∂v", "v = (1, 2, 3), soft y = (0.2, 0.3, 0.5), against central differences", fd,
                SoftmaxDerivatives.crossEntropyGradient(V, y), 1e-8, REREAD);
    }

    private static double ce(double[] v, double[] y) {
        double m = Math.max(v[0], Math.max(v[1], v[2]));
        double s = 0;
        for (double t : v) {
            s += Math.exp(t - m);
        }
        double l = 0;
        for (int i = 0; i < v.length; i++) {
            l -= y[i] * (v[i] - m - Math.log(s));
        }
        return l;
    }
}
