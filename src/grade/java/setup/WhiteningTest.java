package setup;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.num;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Exercise(id = "04.3", title = "PCA whitening fitted on training data")
class WhiteningTest {

    private static final String REREAD = "Aggarwal §3.3.2, eqs. 3.36–3.37 (centre with the training means, project on the "
            + "eigenvectors of C = DᵀD/n, divide each direction by √(λ_j + ε)) and notebook 14";

    private static final double[][] TRAIN = {{1, 2, 0.5}, {0, 1, -1}, {2, -1, 1}, {1, 1, 1}, {-1, 0.5, 2}, {0.5, -2, 1}};
    private static final double[][] HELD_OUT = {{0.5, 0.5, 0.5}, {3, -1, 2}};

    /** ‖row‖² for each row: for whitened data this is the Mahalanobis distance, the same for every choice of signs. */
    private static double[] squaredLengths(double[][] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (double v : rows[i]) {
                out[i] += v * v;
            }
        }
        return out;
    }

    @Test
    @Points(3)
    void heldOutRowsAreMappedWithTheTrainingStatistics() {
        // numpy (src/test/python/setup_fixtures.py): (t − μ)ᵀ(C + εI)⁻¹(t − μ) with μ and C from the training rows
        String input = "the 6×3 training matrix of notebook 14, held-out rows (0.5, 0.5, 0.5) and (3, −1, 2)";
        double[][] w0 = Whitening.apply(Whitening.fit(TRAIN, 0), HELD_OUT);
        allClose("‖whitened row‖² (ε = 0)", input, new double[]{0.09938403352980857, 9.702091189578331},
                squaredLengths(w0), 1e-9, REREAD + "; μ must be the training means, subtracted before projecting");
        double[][] w5 = Whitening.apply(Whitening.fit(TRAIN, 0.5), HELD_OUT);
        allClose("‖whitened row‖² (ε = 0.5)", input, new double[]{0.06770393586959571, 5.933280576749924},
                squaredLengths(w5), 1e-9, REREAD);
    }

    @Test
    @Points(1)
    void aLargeMeanDoesNotSpoilTheCovariance() {
        // The same rows shifted by 10⁸ (raw sums, timestamps): whitening is shift-invariant, so the lengths above must
        // come back. C = DᵀD/n with D = X − 1μᵀ does that; the one-pass Σxxᵀ/n − μμᵀ subtracts two numbers near 10¹⁶
        // whose difference is about 1, and loses it.
        double[][] train = new double[TRAIN.length][], held = new double[HELD_OUT.length][];
        for (int i = 0; i < TRAIN.length; i++) {
            train[i] = java.util.Arrays.stream(TRAIN[i]).map(v -> v + 1e8).toArray();
        }
        for (int i = 0; i < HELD_OUT.length; i++) {
            held[i] = java.util.Arrays.stream(HELD_OUT[i]).map(v -> v + 1e8).toArray();
        }
        String input = "the 6×3 training matrix and held-out rows of the test above, every entry plus 10⁸, ε = 0";
        allClose("‖whitened row‖²", input, new double[]{0.09938403352980857, 9.702091189578331},
                squaredLengths(Whitening.apply(Whitening.fit(train, 0), held)), 1e-6,
                REREAD + "; centre first (D = X − 1μᵀ), then form DᵀD/n");
    }

    @Test
    @Points(3)
    void whitenedTrainingDataHasIdentityCovariance() {
        Random rng = new Random(5);
        double[][] train = new double[400][4];
        for (double[] row : train) {
            double a = rng.nextGaussian(), b = rng.nextGaussian(), c = rng.nextGaussian(), d = rng.nextGaussian();
            row[0] = 5 + 3 * a;
            row[1] = -2 + 2 * a + 0.5 * b;
            row[2] = 0.1 * c + b;
            row[3] = 10 * d - a;
        }
        double[][] z = Whitening.apply(Whitening.fit(train, 0), train);
        double worst = 0;
        for (int p = 0; p < 4; p++) {
            for (int q = 0; q < 4; q++) {
                double mp = 0, mq = 0, c = 0;
                for (double[] row : z) {
                    mp += row[p] / z.length;
                    mq += row[q] / z.length;
                }
                for (double[] row : z) {
                    c += (row[p] - mp) * (row[q] - mq) / z.length;
                }
                worst = Math.max(worst, Math.abs(c - (p == q ? 1 : 0)));
            }
        }
        that(worst < 1e-9, "the covariance of the whitened training rows", "400 correlated rows with 4 columns, ε = 0",
                "expected the identity I₄, the largest deviation is " + num(worst)
                        + " (dividing by λ instead of √λ, or using C unnormalised by n, leaves a diagonal ≠ 1)", REREAD);
    }
}
