package normalization;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The graded checks of exercises 08.1–08.4 against the reference solutions and against typical wrong answers: each
 * wrong answer must fail at least one check (the one named), and the solutions must pass every check.
 */
class NormalizationWrongAnswersTest {

    enum Bug { NONE, UNBIASED, EPS_OUTSIDE_ROOT, NO_ROOT, ROWS_NOT_COLUMNS, NO_BETA, NO_EPS }

    /** Batch-normalization forward with one deliberate mistake. */
    static double[][] bnTrain(double[][] v, double[] gamma, double[] beta, double eps, Bug bug) {
        int m = v.length, n = gamma.length;
        double[][] a = new double[m][n];
        if (bug == Bug.ROWS_NOT_COLUMNS) { // layer normalization by mistake: statistics over each row
            for (int r = 0; r < m; r++) {
                double mu = 0, var = 0;
                for (int i = 0; i < n; i++) {
                    mu += v[r][i] / n;
                }
                for (int i = 0; i < n; i++) {
                    var += (v[r][i] - mu) * (v[r][i] - mu) / n;
                }
                for (int i = 0; i < n; i++) {
                    a[r][i] = gamma[i] * (v[r][i] - mu) / Math.sqrt(var + eps) + beta[i];
                }
            }
            return a;
        }
        for (int i = 0; i < n; i++) {
            double mu = 0, ss = 0;
            for (double[] row : v) {
                mu += row[i] / m;
            }
            for (double[] row : v) {
                ss += (row[i] - mu) * (row[i] - mu);
            }
            double var = ss / (bug == Bug.UNBIASED ? m - 1 : m);
            double sigma = switch (bug) {
                case EPS_OUTSIDE_ROOT -> Math.sqrt(var) + eps;
                case NO_ROOT -> var + eps;
                case NO_EPS -> Math.sqrt(var);
                default -> Math.sqrt(var + eps);
            };
            for (int r = 0; r < m; r++) {
                a[r][i] = gamma[i] * (v[r][i] - mu) / sigma + (bug == Bug.NO_BETA ? 0 : beta[i]);
            }
        }
        return a;
    }

    @Test
    void batchNormForwardRejectsTypicalMistakes() {
        assertDoesNotThrow(() -> BatchNormForwardTest.checkTrainingModeMatchesPyTorch(BatchNormForward::train));
        assertDoesNotThrow(() -> BatchNormForwardTest.checkOutputMeanIsBetaAndStdIsGammaShrunkByEpsilon(BatchNormForward::train));
        assertDoesNotThrow(() -> BatchNormForwardTest.checkTrainingModeMatchesPyTorch((v, g, b, e) -> bnTrain(v, g, b, e, Bug.NONE)));
        for (Bug bug : List.of(Bug.UNBIASED, Bug.EPS_OUTSIDE_ROOT, Bug.NO_ROOT, Bug.ROWS_NOT_COLUMNS, Bug.NO_BETA)) {
            assertThrows(AssertionError.class, () -> BatchNormForwardTest.checkTrainingModeMatchesPyTorch((v, g, b, e) -> bnTrain(v, g, b, e, bug)),
                    bug.name());
        }
        // ε ignored, or outside the root: the exact std γ√(s²/(s² + ε)) tells them apart at small variance
        for (Bug bug : List.of(Bug.NO_EPS, Bug.EPS_OUTSIDE_ROOT, Bug.UNBIASED, Bug.NO_BETA)) {
            assertThrows(AssertionError.class, () -> BatchNormForwardTest.checkOutputMeanIsBetaAndStdIsGammaShrunkByEpsilon(
                    (v, g, b, e) -> bnTrain(v, g, b, e, bug)), bug.name());
        }
        // an input changed in place (standardizing v itself)
        assertThrows(AssertionError.class, () -> BatchNormForwardTest.checkTrainingModeMatchesPyTorch((v, g, b, e) -> {
            double[][] a = bnTrain(v, g, b, e, Bug.NONE);
            for (int r = 0; r < v.length; r++) {
                v[r] = a[r].clone();
            }
            return a;
        }));
    }

    @Test
    void inferenceRejectsTypicalMistakes() {
        assertDoesNotThrow(() -> BatchNormForwardTest.checkInferenceModeMatchesPyTorchEval(BatchNormForward::inference));
        assertDoesNotThrow(() -> BatchNormForwardTest.checkInferenceWorksOnOneExampleAtATime(BatchNormForward::inference));
        // the batch's own statistics at inference (and m = 1 then gives β or NaN)
        BatchNormForwardTest.Inference batchStats = (v, g, b, mu, var, e) -> bnTrain(v, g, b, e, Bug.NONE);
        assertThrows(AssertionError.class, () -> BatchNormForwardTest.checkInferenceModeMatchesPyTorchEval(batchStats));
        assertThrows(AssertionError.class, () -> BatchNormForwardTest.checkInferenceWorksOnOneExampleAtATime(batchStats));
        // the running variance used as if it were the standard deviation; ε outside the root
        BatchNormForwardTest.Inference varAsStd = (v, g, b, mu, var, e) -> map(v, g, b, mu, var, e, 1);
        BatchNormForwardTest.Inference epsOutside = (v, g, b, mu, var, e) -> map(v, g, b, mu, var, e, 2);
        assertThrows(AssertionError.class, () -> BatchNormForwardTest.checkInferenceModeMatchesPyTorchEval(varAsStd));
        assertThrows(AssertionError.class, () -> BatchNormForwardTest.checkInferenceWorksOnOneExampleAtATime(varAsStd));
        assertThrows(AssertionError.class, () -> BatchNormForwardTest.checkInferenceWorksOnOneExampleAtATime(epsOutside));
        assertDoesNotThrow(() -> BatchNormForwardTest.checkInferenceWorksOnOneExampleAtATime((v, g, b, mu, var, e) -> map(v, g, b, mu, var, e, 0)));
    }

    static double[][] map(double[][] v, double[] g, double[] b, double[] mu, double[] var, double e, int bug) {
        double[][] a = new double[v.length][g.length];
        for (int r = 0; r < v.length; r++) {
            for (int i = 0; i < g.length; i++) {
                double s = bug == 1 ? var[i] + e : bug == 2 ? Math.sqrt(var[i]) + e : Math.sqrt(var[i] + e);
                a[r][i] = g[i] * (v[r][i] - mu[i]) / s + b[i];
            }
        }
        return a;
    }

    /** Running statistics with a deliberate mistake: 0 none, 1 biased variance, 2 Keras reading of momentum, 3 no variance update. */
    static RunningStatisticsTest.Update running(int bug) {
        return (mean, var, v, momentum) -> {
            int m = v.length;
            double w = bug == 2 ? 1 - momentum : momentum;
            for (int i = 0; i < mean.length; i++) {
                double mu = 0, ss = 0;
                for (double[] row : v) {
                    mu += row[i] / m;
                }
                for (double[] row : v) {
                    ss += (row[i] - mu) * (row[i] - mu);
                }
                mean[i] = (1 - w) * mean[i] + w * mu;
                if (bug != 3) {
                    var[i] = (1 - w) * var[i] + w * ss / (bug == 1 ? m : m - 1);
                }
            }
        };
    }

    @Test
    void runningStatisticsRejectTypicalMistakes() {
        assertDoesNotThrow(() -> RunningStatisticsTest.checkThreeBatchesMatchPyTorch(BatchNormForward::updateRunning));
        assertDoesNotThrow(() -> RunningStatisticsTest.checkOneSmallBatchByHand(BatchNormForward::updateRunning));
        assertDoesNotThrow(() -> RunningStatisticsTest.checkOneSmallBatchByHand(running(0)));
        for (int bug = 1; bug <= 3; bug++) {
            int b = bug;
            assertThrows(AssertionError.class, () -> RunningStatisticsTest.checkThreeBatchesMatchPyTorch(running(b)), "bug " + b);
            assertThrows(AssertionError.class, () -> RunningStatisticsTest.checkOneSmallBatchByHand(running(b)), "bug " + b);
        }
    }

    /**
     * Compact backward with a deliberate mistake: 0 none, 1 mean term dropped, 2 variance term dropped, 3 σ without ε,
     * 4 sign of the variance term flipped, 5 γ forgotten.
     */
    static BatchNormBackwardTest.Input backward(int bug) {
        return (v, gamma, eps, g) -> {
            int m = v.length, n = gamma.length;
            double[][] dv = new double[m][n];
            for (int i = 0; i < n; i++) {
                double mu = 0, var = 0;
                for (double[] row : v) {
                    mu += row[i] / m;
                }
                for (double[] row : v) {
                    var += (row[i] - mu) * (row[i] - mu) / m;
                }
                double sigma = Math.sqrt(var + (bug == 3 ? 0 : eps));
                double sg = 0, sgh = 0;
                for (int r = 0; r < m; r++) {
                    sg += g[r][i];
                    sgh += g[r][i] * (v[r][i] - mu) / sigma;
                }
                double gam = bug == 5 ? 1 : gamma[i];
                for (int r = 0; r < m; r++) {
                    double h = (v[r][i] - mu) / sigma;
                    double meanTerm = bug == 1 ? 0 : sg, varTerm = bug == 2 ? 0 : (bug == 4 ? -1 : 1) * h * sgh;
                    dv[r][i] = gam / (m * sigma) * (m * g[r][i] - meanTerm - varTerm);
                }
            }
            return dv;
        };
    }

    @Test
    void batchNormBackwardRejectsTypicalMistakes() {
        assertDoesNotThrow(() -> BatchNormBackwardTest.checkInputGradientMatchesPyTorch(BatchNormBackward::input));
        assertDoesNotThrow(() -> BatchNormBackwardTest.checkInputGradientMatchesCentralDifferencesWhenEpsilonMatters(BatchNormBackward::input));
        assertDoesNotThrow(() -> BatchNormBackwardTest.checkParameterGradientsMatchPyTorch(BatchNormBackward::parameters));
        assertDoesNotThrow(() -> BatchNormBackwardTest.checkInputGradientMatchesCentralDifferencesWhenEpsilonMatters(backward(0)));
        for (int bug = 1; bug <= 5; bug++) {
            int b = bug;
            assertThrows(AssertionError.class, () -> BatchNormBackwardTest.checkInputGradientMatchesCentralDifferencesWhenEpsilonMatters(backward(b)),
                    "bug " + b);
            if (b != 3) { // at ε = 1e-5 and unit variances, a missing ε changes ∂L/∂v by ~1e-5 relative, still > 1e-10
                assertThrows(AssertionError.class, () -> BatchNormBackwardTest.checkInputGradientMatchesPyTorch(backward(b)), "bug " + b);
            }
        }
        assertThrows(AssertionError.class, () -> BatchNormBackwardTest.checkInputGradientMatchesPyTorch(backward(3)));
        // ∂L/∂γ with (v − μ) instead of v̂; ∂L/∂β as a mean instead of a sum; the two arrays swapped
        assertThrows(AssertionError.class, () -> BatchNormBackwardTest.checkParameterGradientsMatchPyTorch((v, eps, g) -> {
            double[][] d = BatchNormBackward.parameters(v, eps, g);
            for (int i = 0; i < d[0].length; i++) {
                double mu = 0, s = 0;
                for (double[] row : v) {
                    mu += row[i] / v.length;
                }
                for (int r = 0; r < v.length; r++) {
                    s += g[r][i] * (v[r][i] - mu);
                }
                d[0][i] = s;
            }
            return d;
        }));
        assertThrows(AssertionError.class, () -> BatchNormBackwardTest.checkParameterGradientsMatchPyTorch((v, eps, g) -> {
            double[][] d = BatchNormBackward.parameters(v, eps, g);
            for (int i = 0; i < d[1].length; i++) {
                d[1][i] /= v.length;
            }
            return d;
        }));
        assertThrows(AssertionError.class, () -> BatchNormBackwardTest.checkParameterGradientsMatchPyTorch((v, eps, g) -> {
            double[][] d = BatchNormBackward.parameters(v, eps, g);
            return new double[][]{d[1], d[0]};
        }));
    }

    /** Layer norm with a deliberate mistake: 0 none, 1 over the batch (columns), 2 unbiased, 3 ε outside the root, 4 γ per row. */
    static LayerNormForwardTest.Forward layerNorm(int bug) {
        return (x, gamma, beta, eps) -> {
            if (bug == 1) {
                return bnTrain(x, gamma, beta, eps, Bug.NONE);
            }
            double[][] y = new double[x.length][];
            for (int r = 0; r < x.length; r++) {
                int d = x[r].length;
                double mu = 0, ss = 0;
                for (double v : x[r]) {
                    mu += v / d;
                }
                for (double v : x[r]) {
                    ss += (v - mu) * (v - mu);
                }
                double var = ss / (bug == 2 ? d - 1 : d);
                double sigma = bug == 3 ? Math.sqrt(var) + eps : Math.sqrt(var + eps);
                y[r] = new double[d];
                for (int j = 0; j < d; j++) {
                    int k = bug == 4 ? Math.min(r, d - 1) : j;
                    y[r][j] = gamma[k] * (x[r][j] - mu) / sigma + beta[k];
                }
            }
            return y;
        };
    }

    @Test
    void layerNormRejectsTypicalMistakes() {
        List<Consumer<LayerNormForwardTest.Forward>> checks = List.of(LayerNormForwardTest::checkMatchesPyTorchLayerNorm,
                LayerNormForwardTest::checkEachRowIsStandardizedOnItsOwn);
        for (Consumer<LayerNormForwardTest.Forward> c : checks) {
            assertDoesNotThrow(() -> c.accept(LayerNormForward::forward));
            assertDoesNotThrow(() -> c.accept(layerNorm(0)));
        }
        for (int bug = 1; bug <= 4; bug++) {
            int b = bug;
            assertThrows(AssertionError.class, () -> LayerNormForwardTest.checkMatchesPyTorchLayerNorm(layerNorm(b)), "bug " + b);
        }
        for (int bug = 1; bug <= 3; bug++) { // γ per row passes here (γ = 1): the PyTorch comparison catches it
            int b = bug;
            assertThrows(AssertionError.class, () -> LayerNormForwardTest.checkEachRowIsStandardizedOnItsOwn(layerNorm(b)), "bug " + b);
        }
    }
}
