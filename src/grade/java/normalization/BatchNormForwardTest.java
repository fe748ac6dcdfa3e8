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
}
