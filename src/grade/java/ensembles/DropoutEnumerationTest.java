package ensembles;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.fail;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

import java.util.Random;

/** The renormalized geometric mean over all 2ⁿ masks, which is softmax(½Wᵀv + b). */
@Exercise(id = "07.4", title = "exact dropout ensemble of softmax regression")
class DropoutEnumerationTest {

    private static final String REREAD = "the draft of Goodfellow et al. ch. 7, §7.11, eq. 7.30: the geometric mean "
            + "(Π_d P(y | v; d))^{1/2ⁿ} over all masks, then renormalized over y (it equals softmax(½Wᵀv + b)); "
            + "work with log-probabilities minus their maximum so nothing overflows; notebook 31";

    static double[] softmaxHalf(double[][] w, double[] b, double[] v) {
        double[] z = b.clone();
        for (int i = 0; i < v.length; i++) {
            for (int y = 0; y < b.length; y++) {
                z[y] += 0.5 * w[i][y] * v[i];
            }
        }
        double m = Double.NEGATIVE_INFINITY, s = 0;
        for (double zy : z) {
            m = Math.max(m, zy);
        }
        for (int y = 0; y < z.length; y++) {
            z[y] = Math.exp(z[y] - m);
            s += z[y];
        }
        for (int y = 0; y < z.length; y++) {
            z[y] /= s;
        }
        return z;
    }

    @Test
    @Points(3)
    void threeInputsThreeClasses() {
        // numpy, enumerating the 8 masks (src/test/python/dropout_ensemble.py does the same for n = 4):
        // geometric 0.87920565 0.06864984 0.05214451; arithmetic mean 0.76866934 0.13985034 0.09148032;
        // the geometric mean without renormalization sums to 0.834
        double[][] w = {{1.2, -0.4, 0.3}, {-0.7, 0.9, 0.5}, {0.4, 0.6, -1.1}};
        allClose("P_ens(y | v)", "W = [[1.2, −0.4, 0.3], [−0.7, 0.9, 0.5], [0.4, 0.6, −1.1]], b = [0.2, −0.1, 0], v = [2, −1, 1.5]",
                new double[]{0.87920565, 0.06864984, 0.05214451},
                DropoutEnumeration.geometricMean(w, new double[]{0.2, -0.1, 0}, new double[]{2, -1, 1.5}), 1e-7, REREAD);
    }

    @Test
    @Points(2)
    void randomModelsMatchTheWeightScalingRule() {
        Random rng = new Random(7);
        for (int n : new int[]{1, 5, 20}) {
            int k = 2 + n % 3;
            double[][] w = new double[n][k];
            double[] b = new double[k], v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rng.nextGaussian();
                for (int y = 0; y < k; y++) {
                    w[i][y] = rng.nextGaussian() * (n == 20 ? 0.3 : 1);
                }
            }
            for (int y = 0; y < k; y++) {
                b[y] = rng.nextGaussian();
            }
            allClose("P_ens(y | v)", "a random model with n = " + n + " inputs and K = " + k + " classes (seed 7)",
                    softmaxHalf(w, b, v), DropoutEnumeration.geometricMean(w, b, v), 1e-9, REREAD);
        }
    }

    @Test
    @Points(1)
    void hugeLogitsDoNotOverflow() {
        // W = 5000·I, v = 1: every sub-model is extremely confident, the log-probabilities are around −2000
        double[][] w = {{5000, 0, 0}, {0, 5000, 0}, {0, 0, 5000}};
        double[] b = {0.3, 0, -0.2}, v = {1, 1, 1};
        allClose("P_ens(y | v)", "W = 5000·I, b = [0.3, 0, −0.2], v = [1, 1, 1]", softmaxHalf(w, b, v),
                DropoutEnumeration.geometricMean(w, b, v), 1e-9, REREAD);
        double[] low = {-5000, -5000.3, -5000.1};
        double[][] small = {{0.5, -0.5, 0.1}, {0.2, 0.3, -0.4}};
        allClose("P_ens(y | v)", "b = [−5000, −5000.3, −5000.1] (every logit very negative)", softmaxHalf(small, low, new double[]{1, 2}),
                DropoutEnumeration.geometricMean(small, low, new double[]{1, 2}), 1e-9, REREAD);
    }

    @Test
    @Points(1)
    void refusesBadShapes() {
        double[][][] ws = {{}, new double[21][2], {{1, 2}, {3}}, {{1, 2}}};
        double[][] vs = {{}, new double[21], {1, 1}, {1, 1}};
        String[] what = {"n = 0", "n = 21 (2²¹ masks)", "a ragged W", "W with 1 row for 2 inputs"};
        for (int t = 0; t < ws.length; t++) {
            try {
                DropoutEnumeration.geometricMean(ws[t], new double[]{0, 0}, vs[t]);
                fail(what[t], "bad shapes", "IllegalArgumentException", "no exception", REREAD);
            } catch (IllegalArgumentException expected) {
                // refused
            }
        }
    }
}
