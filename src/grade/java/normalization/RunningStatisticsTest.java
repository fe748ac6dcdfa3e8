package normalization;

import static descent.grade.GradedAssert.allClose;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/** Running statistics in PyTorch's convention, against BatchNorm1d(momentum=0.1) after three batches and by hand. */
@Exercise(id = "08.2", title = "running statistics")
class RunningStatisticsTest {

    static final String REREAD = "notebook 35, \"Running statistics\": PyTorch's momentum is the weight of the new batch, "
            + "μ̄ ← (1 − momentum)μ̄ + momentum·μ_B, and the running variance averages the unbiased batch variance "
            + "(divided by m − 1), while Keras's momentum 0.99 is the weight of the old value";

    interface Update {
        void apply(double[] mean, double[] var, double[][] v, double momentum);
    }

    static final Update STUDENT = RunningStatistics::update;

    @Test
    @Points(3)
    void threeBatchesMatchPyTorch() {
        checkThreeBatchesMatchPyTorch(STUDENT);
    }

    static void checkThreeBatchesMatchPyTorch(Update f) {
        double[] mean = new double[3], var = {1, 1, 1};
        for (int k = 0; k < 3; k++) {
            f.apply(mean, var, Fixtures.x(8, 3, 0.5 * k, 1 + 0.5 * k), 0.1);
        }
        String input = "μ̄ = 0, σ̄² = 1, then the batches v(8, 3, shift 0.5k)·(1 + 0.5k) for k = 0, 1, 2 with momentum 0.1 "
                + "(compared with torch.nn.BatchNorm1d)";
        allClose("running mean", input, Fixtures.PYTORCH_RUNNING_MEAN, mean, 1e-12, REREAD);
        allClose("running variance", input, Fixtures.PYTORCH_RUNNING_VAR, var, 1e-12, REREAD);
    }

    @Test
    @Points(2)
    void oneSmallBatchByHand() {
        checkOneSmallBatchByHand(STUDENT);
    }

    static void checkOneSmallBatchByHand(Update f) {
        // column 0: 1, 2, 6 → mean 3, unbiased variance (4 + 1 + 9)/2 = 7; column 1: 0, 0, 3 → mean 1, variance 3
        double[] mean = {10, -1}, var = {2, 0.5};
        f.apply(mean, var, new double[][]{{1, 0}, {2, 0}, {6, 3}}, 0.25);
        String input = "μ̄ = (10, −1), σ̄² = (2, 0.5), batch rows (1, 0), (2, 0), (6, 3), momentum 0.25";
        allClose("running mean (0.75·μ̄ + 0.25·μ_B)", input, new double[]{0.75 * 10 + 0.25 * 3, 0.75 * -1 + 0.25 * 1}, mean,
                1e-14, REREAD);
        allClose("running variance (0.75·σ̄² + 0.25·s² with s² unbiased)", input,
                new double[]{0.75 * 2 + 0.25 * 7, 0.75 * 0.5 + 0.25 * 3}, var, 1e-14, REREAD);
    }


    @Test
    @Points(1)
    void aLargeMeanDoesNotSpoilTheBatchVariance() {
        checkALargeMeanDoesNotSpoilTheBatchVariance(STUDENT);
    }

    static void checkALargeMeanDoesNotSpoilTheBatchVariance(Update f) {
        // Column 0 is 10⁸ + (1.1, 2.3, 6.2): deviations (−2.1, −0.9, 3), unbiased variance 14.22/2 = 7.11 whatever the
        // shift; Σv² − mμ² (or multiplying before subtracting μ_B) subtracts numbers near 3·10¹⁶ and loses it.
        double[] mean = {0, -1}, var = {2, 0.5};
        f.apply(mean, var, new double[][]{{1e8 + 1.1, 0}, {1e8 + 2.3, 0}, {1e8 + 6.2, 3}}, 0.25);
        String input = "μ̄ = (0, −1), σ̄² = (2, 0.5), batch rows (10⁸ + 1.1, 0), (10⁸ + 2.3, 0), (10⁸ + 6.2, 3), momentum 0.25";
        allClose("running variance (0.75·σ̄² + 0.25·s²)", input, new double[]{0.75 * 2 + 0.25 * 7.11, 0.75 * 0.5 + 0.25 * 3},
                var, 1e-6, REREAD + "; subtract μ_B before squaring");
    }
}
