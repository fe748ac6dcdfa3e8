package normalization;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The graded checks of exercises 08.5–08.8 against the reference solutions and typical wrong answers.
 */
class CompressionWrongAnswersTest {

    /** Pruning with a deliberate mistake: 1 by value not magnitude, 2 ⌈s·n⌉, 3 ties by higher index, 4 no range check. */
    static PruningTest.Keep keep(int bug) {
        return (w, s) -> {
            if (bug != 4 && !(s >= 0 && s < 1)) {
                throw new IllegalArgumentException("sparsity must lie in [0, 1), got " + s);
            }
            int n = w.length;
            int drop = bug == 2 ? (int) Math.ceil(s * n) : (int) Math.floor(Math.max(0, Math.min(1, s)) * n);
            boolean[] k = new boolean[n];
            java.util.Arrays.fill(k, true);
            for (int c = 0; c < drop; c++) {
                int best = -1;
                for (int i = 0; i < n; i++) {
                    double a = bug == 1 ? w[i] : Math.abs(w[i]);
                    double b = best < 0 ? 0 : bug == 1 ? w[best] : Math.abs(w[best]);
                    if (k[i] && (best < 0 || a < b || (bug == 3 && a == b))) {
                        best = i;
                    }
                }
                k[best] = false;
            }
            return k;
        };
    }

    @Test
    void pruningRejectsTypicalMistakes() {
        assertDoesNotThrow(() -> PruningTest.checkSmallestMagnitudesGoFirst(Pruning::keep));
        assertDoesNotThrow(() -> PruningTest.checkTiesGoByLowerIndex(Pruning::keep));
        assertDoesNotThrow(() -> PruningTest.checkSparsityOutsideZeroOneIsRefused(Pruning::keep));
        assertDoesNotThrow(() -> PruningTest.checkMaskedStepKeepsPrunedWeightsAtZero(Pruning::maskedStep));
        assertDoesNotThrow(() -> PruningTest.checkSmallestMagnitudesGoFirst(keep(0)));
        assertDoesNotThrow(() -> PruningTest.checkTiesGoByLowerIndex(keep(0)));
        assertThrows(AssertionError.class, () -> PruningTest.checkSmallestMagnitudesGoFirst(keep(1)));
        assertThrows(AssertionError.class, () -> PruningTest.checkSmallestMagnitudesGoFirst(keep(2)));
        assertThrows(AssertionError.class, () -> PruningTest.checkTiesGoByLowerIndex(keep(3)));
        assertThrows(AssertionError.class, () -> PruningTest.checkSparsityOutsideZeroOneIsRefused(keep(4)));
        // an error without the value in its message
        assertThrows(AssertionError.class, () -> PruningTest.checkSparsityOutsideZeroOneIsRefused((w, s) -> {
            throw new IllegalArgumentException("bad sparsity");
        }));
        // the masked step: pruned weights updated like the others; pruned weights left at their old value
        assertThrows(AssertionError.class, () -> PruningTest.checkMaskedStepKeepsPrunedWeightsAtZero((w, g, k, lr) -> {
            for (int i = 0; i < w.length; i++) {
                w[i] -= lr * g[i];
            }
        }));
        assertThrows(AssertionError.class, () -> PruningTest.checkMaskedStepKeepsPrunedWeightsAtZero((w, g, k, lr) -> {
            for (int i = 0; i < w.length; i++) {
                if (k[i]) {
                    w[i] -= lr * g[i];
                }
            }
        }));
    }

    @Test
    void lowRankRejectsTypicalMistakes() {
        assertDoesNotThrow(() -> LowRankFactorTest.checkParameterRatio(LowRankFactor::parameterRatio));
        assertDoesNotThrow(() -> LowRankFactorTest.checkRankTwoMatchesNumpy(LowRankFactor::truncate));
        assertDoesNotThrow(() -> LowRankFactorTest.checkRankOutsideTheRangeIsRefused(LowRankFactor::truncate));
        // the ratio upside down; with 2k instead of k; integer division
        assertThrows(AssertionError.class, () -> LowRankFactorTest.checkParameterRatio((a, b, k) -> k * (a + b) / (double) (a * b)));
        assertThrows(AssertionError.class, () -> LowRankFactorTest.checkParameterRatio((a, b, k) -> (double) a * b / (2.0 * k * (a + b))));
        assertThrows(AssertionError.class, () -> LowRankFactorTest.checkParameterRatio((a, b, k) -> a * b / (k * (a + b))));
        // one term too many; the smallest singular values instead of the largest; no range check
        assertThrows(AssertionError.class, () -> LowRankFactorTest.checkRankTwoMatchesNumpy((w, k) -> LowRankFactor.truncate(w, Math.min(k + 1, 4))));
        assertThrows(AssertionError.class, () -> LowRankFactorTest.checkRankTwoMatchesNumpy((w, k) -> {
            double[][] full = LowRankFactor.truncate(w, 4), top = LowRankFactor.truncate(w, 4 - k);
            double[][] out = new double[w.length][w[0].length];
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[0].length; j++) {
                    out[i][j] = full[i][j] - (k == 4 ? 0 : top[i][j]);
                }
            }
            return out;
        }));
        assertThrows(AssertionError.class, () -> LowRankFactorTest.checkRankOutsideTheRangeIsRefused((w, k) ->
                LowRankFactor.truncate(w, Math.max(1, Math.min(k, 4)))));
    }

    @Test
    void bucketGradientRejectsTypicalMistakes() {
        assertDoesNotThrow(() -> HashedGradientTest.checkByHand(HashedGradient::bucketGradient));
        assertDoesNotThrow(() -> HashedGradientTest.checkMatchesFiniteDifferencesOfAHashedLayer(HashedGradient::bucketGradient));
        HashedGradientTest.BucketGradient mean = (dW, h, k) -> {
            double[] s = new double[k], c = new double[k];
            for (int i = 0; i < dW.length; i++) {
                for (int j = 0; j < dW[i].length; j++) {
                    s[h[i][j]] += dW[i][j];
                    c[h[i][j]]++;
                }
            }
            for (int b = 0; b < k; b++) {
                s[b] = c[b] == 0 ? 0 : s[b] / c[b];
            }
            return s;
        };
        HashedGradientTest.BucketGradient lastWins = (dW, h, k) -> {
            double[] s = new double[k];
            for (int i = 0; i < dW.length; i++) {
                for (int j = 0; j < dW[i].length; j++) {
                    s[h[i][j]] = dW[i][j];
                }
            }
            return s;
        };
        for (HashedGradientTest.BucketGradient wrong : List.of(mean, lastWins)) {
            assertThrows(AssertionError.class, () -> HashedGradientTest.checkByHand(wrong));
            assertThrows(AssertionError.class, () -> HashedGradientTest.checkMatchesFiniteDifferencesOfAHashedLayer(wrong));
        }
    }

    /** 1 unweighted mean, 2 plain sum, 3 ascent, 4 θ not updated. */
    static AllReduceTest.Step allReduce(int bug) {
        return (theta, gs, rows, lr) -> {
            int m = 0;
            for (int r : rows) {
                m += r;
            }
            double[] g = new double[theta.length];
            for (int s = 0; s < rows.length; s++) {
                double w = bug == 1 ? 1.0 / rows.length : bug == 2 ? 1 : (double) rows[s] / m;
                for (int j = 0; j < g.length; j++) {
                    g[j] += w * gs.get(s)[j];
                }
            }
            if (bug != 4) {
                for (int j = 0; j < theta.length; j++) {
                    theta[j] += (bug == 3 ? 1 : -1) * lr * g[j];
                }
            }
            return g;
        };
    }

    @Test
    void allReduceRejectsTypicalMistakes() {
        assertDoesNotThrow(() -> AllReduceTest.checkUnequalShardsByHand(AllReduce::step));
        assertDoesNotThrow(() -> AllReduceTest.checkEqualsTheWholeBatchGradient(AllReduce::step));
        assertDoesNotThrow(() -> AllReduceTest.checkUnequalShardsByHand(allReduce(0)));
        for (int bug = 1; bug <= 4; bug++) {
            int b = bug;
            assertThrows(AssertionError.class, () -> AllReduceTest.checkUnequalShardsByHand(allReduce(b)), "bug " + b);
            assertThrows(AssertionError.class, () -> AllReduceTest.checkEqualsTheWholeBatchGradient(allReduce(b)), "bug " + b);
        }
    }
}
