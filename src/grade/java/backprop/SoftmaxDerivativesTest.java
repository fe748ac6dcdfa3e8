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
    @Points(2)
    void softmaxValuesAndStability() {
        // Aggarwal exercise 10 (computed independently in NumPy, src/test/python/reproductions.py): o = (0.090031, 0.244728, 0.665241).
        allClose("softmax(v)", "v = (1, 2, 3)", new double[]{0.090031, 0.244728, 0.665241},
                SoftmaxDerivatives.softmax(V), 1e-6, REREAD);
        // Shifting v by a constant leaves o unchanged; at v + 1000 a naive exp overflows.
        allClose("softmax(v)", "v = (1001, 1002, 1003) (subtract max v before exp)",
                new double[]{0.090031, 0.244728, 0.665241}, SoftmaxDerivatives.softmax(new double[]{1001, 1002, 1003}),
                1e-6, REREAD);
        // The largest entry first, then in the middle: subtracting the last entry (or the first, or the mean) instead of
        // the max leaves an exponent of 1000 or 2000, and exp overflows. e^−1000 underflows to 0, so o is exactly one-hot.
        allClose("softmax(v)", "v = (1000, 0, −1000) (subtract max v, wherever it is, before exp)",
                new double[]{1, 0, 0}, SoftmaxDerivatives.softmax(new double[]{1000, 0, -1000}), 1e-12, REREAD);
        allClose("softmax(v)", "v = (−1000, 1000, 0) (subtract max v, wherever it is, before exp)",
                new double[]{0, 1, 0}, SoftmaxDerivatives.softmax(new double[]{-1000, 1000, 0}), 1e-12, REREAD);
        // All entries very negative: exp(v) underflows to 0 unless the (negative) max is subtracted.
        allClose("softmax(v)", "v = (−1003, −1001, −1002) (exp(v) underflows to 0; subtract max v = −1001)",
                new double[]{0.090031, 0.665241, 0.244728},
                SoftmaxDerivatives.softmax(new double[]{-1003, -1001, -1002}), 1e-6, REREAD);
    }

    @Test
    @Points(3)
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

    @Test
    @Points(2)
    void crossEntropyGradientIsTheJacobianTransposeTimesDLdo() {
        // The chain rule through the softmax (eq. 3.22's derivation): ∂L/∂v_j = Σ_i (∂L/∂o_i)(∂o_i/∂v_j) with
        // ∂L/∂o_i = −y_i/o_i. Your Jacobian and your gradient must agree, so a sign slip in either one shows here.
        double[] v = {0.4, -1.3, 2.1, 0.2};
        double[] y = {0.1, 0.5, 0.0, 0.4};
        double[] o = SoftmaxDerivatives.softmax(v);
        double[][] j = SoftmaxDerivatives.jacobian(v);
        double[] viaJacobian = new double[4];
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < 4; i++) {
                viaJacobian[c] += (-y[i] / o[i]) * j[i][c];
            }
        }
        allClose("∂L/∂v against Jᵀ(∂L/∂o) with ∂L/∂o = −y/o computed from your softmax and Jacobian",
                "v = (0.4, −1.3, 2.1, 0.2), y = (0.1, 0.5, 0, 0.4)", viaJacobian,
                SoftmaxDerivatives.crossEntropyGradient(v, y), 1e-12, REREAD);
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
