package normalization;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;
import static descent.grade.GradedAssert.flat;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/**
 * Batch normalization forward, training and inference mode: against PyTorch's BatchNorm1d and the exact mean/std of the
 * output. Each check takes the implementation, so {@code BatchNormForwardWrongAnswersTest} can show it rejects the
 * typical mistakes.
 */
@Exercise(id = "08.1", title = "batch normalization forward")
class BatchNormForwardTest {

    static final String REREAD = "Aggarwal §3.6, eqs. 3.58–3.61 (μ and the biased variance over the batch, one column "
            + "per unit; σ² includes ε, so σ = √(var + ε)); notebook 35";
    static final String REREAD_INFERENCE = "Aggarwal §3.6, last paragraph (at inference μ and σ are fixed running "
            + "estimates, not the batch's); COMP541 lecture 4, slide \"Batch Normalization: Test Time\"; notebook 35";

    interface Train {
        double[][] apply(double[][] v, double[] gamma, double[] beta, double eps);
    }

    interface Inference {
        double[][] apply(double[][] v, double[] gamma, double[] beta, double[] mean, double[] var, double eps);
    }

    static final Train STUDENT = BatchNormForward::train;
    static final Inference STUDENT_INFERENCE = BatchNormForward::inference;

    @Test
    @Points(3)
    void trainingModeMatchesPyTorch() {
        checkTrainingModeMatchesPyTorch(STUDENT);
    }

    static void checkTrainingModeMatchesPyTorch(Train f) {
        double[][] v = Fixtures.x(8, 3, 0, 1), keep = Fixtures.copy(v);
        double[][] a = f.apply(v, Fixtures.gamma(3), Fixtures.beta(3), 1e-5);
        allClose("a (row-major)", Fixtures.X_FORMULA + ", compared with torch.nn.BatchNorm1d", Fixtures.BN_Y,
                flat(a), 1e-10, REREAD);
        allClose("v after the call (the input must not change)", Fixtures.X_FORMULA, flat(keep), flat(v), 0, REREAD);
    }

    @Test
    @Points(2)
    void outputMeanIsBetaAndStdIsGammaShrunkByEpsilon() {
        checkOutputMeanIsBetaAndStdIsGammaShrunkByEpsilon(STUDENT);
    }

    static void checkOutputMeanIsBetaAndStdIsGammaShrunkByEpsilon(Train f) {
        // one unit, 6 examples, small variance so that ε matters: s² = 0.0035, γ = 1.7, β = −0.4, ε = 1e-3
        double[] col = {0.30, 0.38, 0.22, 0.35, 0.27, 0.34};
        double[][] v = new double[6][1];
        double mean = 0, s2 = 0;
        for (int r = 0; r < 6; r++) {
            v[r][0] = col[r];
            mean += col[r] / 6;
        }
        for (double c : col) {
            s2 += (c - mean) * (c - mean) / 6;
        }
        double[][] a = f.apply(v, new double[]{1.7}, new double[]{-0.4}, 1e-3);
        double am = 0, av = 0;
        for (double[] row : a) {
            am += row[0] / 6;
        }
        for (double[] row : a) {
            av += (row[0] - am) * (row[0] - am) / 6;
        }
        String input = "one unit with values 0.30, 0.38, 0.22, 0.35, 0.27, 0.34; γ = 1.7, β = −0.4, ε = 1e-3";
        close("mean of the outputs (it must be β exactly)", input, -0.4, am, 1e-12, REREAD);
        close("std of the outputs (γ√(s²/(s² + ε)) with the biased s²)", input, 1.7 * Math.sqrt(s2 / (s2 + 1e-3)),
                Math.sqrt(av), 1e-10, REREAD);
    }

    @Test
    @Points(1)
    void aLargeMeanDoesNotSpoilTheVariance() {
        checkALargeMeanDoesNotSpoilTheVariance(STUDENT);
    }

    static void checkALargeMeanDoesNotSpoilTheVariance(Train f) {
        // The batch of the test above shifted by 10⁸: batch normalization removes the mean, so the outputs must not
        // change. Σ(v − μ)²/m does that; Σv²/m − μ² (or any form that multiplies before subtracting μ) subtracts
        // numbers near 10¹⁶ whose difference is 0.02, and loses it.
        double[] col = {0.30, 0.38, 0.22, 0.35, 0.27, 0.34};
        double mean = 0, s2 = 0;
        for (double c : col) {
            mean += c / 6;
        }
        for (double c : col) {
            s2 += (c - mean) * (c - mean) / 6;
        }
        double[][] v = new double[6][1];
        double[] expected = new double[6];
        for (int r = 0; r < 6; r++) {
            v[r][0] = col[r] + 1e8;
            expected[r] = 1.7 * (col[r] - mean) / Math.sqrt(s2 + 1e-3) - 0.4;
        }
        double[][] a = f.apply(v, new double[]{1.7}, new double[]{-0.4}, 1e-3);
        allClose("outputs (one column)", "one unit with values 10⁸ + (0.30, 0.38, 0.22, 0.35, 0.27, 0.34); γ = 1.7, "
                + "β = −0.4, ε = 1e-3", expected, a == null ? null : java.util.Arrays.stream(a).mapToDouble(r -> r[0]).toArray(),
                1e-5, REREAD + "; subtract μ before squaring");
    }

    @Test
    @Points(3)
    void inferenceModeMatchesPyTorchEval() {
        checkInferenceModeMatchesPyTorchEval(STUDENT_INFERENCE);
    }

    static void checkInferenceModeMatchesPyTorchEval(Inference f) {
        double[][] a = f.apply(Fixtures.x(8, 3, 0, 1), Fixtures.gamma(3), Fixtures.beta(3),
                Fixtures.PYTORCH_RUNNING_MEAN.clone(), Fixtures.PYTORCH_RUNNING_VAR.clone(), 1e-5);
        allClose("a in inference mode (row-major)", Fixtures.X_FORMULA + ", running mean "
                        + descent.grade.GradedAssert.list(Fixtures.PYTORCH_RUNNING_MEAN) + ", running variance "
                        + descent.grade.GradedAssert.list(Fixtures.PYTORCH_RUNNING_VAR) + " (compared with BatchNorm1d.eval())",
                Fixtures.PYTORCH_EVAL_Y, flat(a), 1e-10, REREAD_INFERENCE);
    }

    @Test
    @Points(2)
    void inferenceWorksOnOneExampleAtATime() {
        checkInferenceWorksOnOneExampleAtATime(STUDENT_INFERENCE);
    }

    static void checkInferenceWorksOnOneExampleAtATime(Inference f) {
        // a batch of one: a = γ(v − μ̄)/√(σ̄² + ε) + β by hand; ε = 0.01 is large enough to matter
        double[][] a = f.apply(new double[][]{{2.0, -1.0}}, new double[]{1.5, 0.5}, new double[]{0.1, -0.2},
                new double[]{1.0, 0.0}, new double[]{0.25, 4.0}, 0.01);
        double[] expected = {1.5 * 1.0 / Math.sqrt(0.26) + 0.1, 0.5 * -1.0 / Math.sqrt(4.01) - 0.2};
        allClose("a", "v = (2, −1), γ = (1.5, 0.5), β = (0.1, −0.2), μ̄ = (1, 0), σ̄² = (0.25, 4), ε = 0.01", expected,
                a == null || a.length == 0 ? null : a[0], 1e-12, REREAD_INFERENCE);
    }


    /** Inputs and reference numbers (printed by src/test/python/normalization_fixtures.py, PyTorch 1.13, float64). */
    private static final class Fixtures {
        /** BatchNorm1d(3, eps=1e-5) in training mode on x(8, 3), with γ, β as above: the output a (row-major). */
        static final double[] BN_Y = {-0.07896186507928055, 1.0448082837705572, 2.018229459009103, 1.4137267744563924, 1.5585688462810297, 0.8016067426951259, 0.7196230600747624, -0.5095057447985962, -1.7799754355504702, -1.1444094405430334, -2.1296813685532143, -1.944493136594109, -1.4475587470282443, -0.9283969405145283, 0.549072457017119, 0.25428958482325065, 1.3344630379307005, 2.047641908839915, 1.4679237618424283, 1.3438033970431307, 0.3558074611790586, 0.41536687145372414, -0.9140595111590801, -2.0478894565957426};

        /** BatchNorm1d in eval mode with those running statistics, γ, β as above, on x(8, 3). */
        static final double[] PYTORCH_EVAL_Y = {0.14040047840148812, 1.3854280459705735, 2.756815316678419, 1.0628778576785747, 1.8315465164192026, 1.47680977365966, 0.6339237151800878, 0.03575614115599737, -1.2392660102319342, -0.518043125401018, -1.3711059729690636, -1.412354648506394, -0.705388543842156, -0.32798353283538584, 1.2111191194119129, 0.3463489367765741, 1.6369466429852342, 2.7877600773773348, 1.0963714433898826, 1.6450572435737978, 1.0077855282936186, 0.4458942466934264, -0.3155337799330552, -1.5211376433947432};

        /** BatchNorm1d(momentum=0.1) running mean after the batches x(8, 3, 0.5k)·(1 + 0.5k), k = 0, 1, 2, from μ̄ = 0. */
        static final double[] PYTORCH_RUNNING_MEAN = {0.062253674912005924, 0.2608549031161898, 0.35051595438827077};

        /** The running variance after the same three batches, from σ̄² = 1. */
        static final double[] PYTORCH_RUNNING_VAR = {1.0910394621285675, 2.3866983771287305, 4.379604591418751};

        static final String X_FORMULA = "v[r][i] = sin(1.3r + 0.7i)·(i + 1) + 0.5i (r < 8 rows, i < 3 units), "
                + "γᵢ = 1 + 0.3i, βᵢ = 0.2 − 0.1i, ε = 1e-5";

        static double[] beta(int n) {
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = 0.2 - 0.1 * i;
            }
            return b;
        }

        static double[][] copy(double[][] a) {
            double[][] c = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                c[i] = a[i].clone();
            }
            return c;
        }

        static double[] gamma(int n) {
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = 1 + 0.3 * i;
            }
            return g;
        }

        /** v[r][i] = sin(1.3 r + 0.7 i + shift)·(i + 1) + 0.5 i, times scale. */
        static double[][] x(int m, int n, double shift, double scale) {
            double[][] x = new double[m][n];
            for (int r = 0; r < m; r++) {
                for (int i = 0; i < n; i++) {
                    x[r][i] = scale * (Math.sin(1.3 * r + 0.7 * i + shift) * (i + 1) + 0.5 * i);
                }
            }
            return x;
        }
    }
}
