package descent.nn;

import descent.check.GradientCheck;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class LossesTest {

    @Test
    void softmaxCrossEntropyMatchesTheWorkedNumbersOfExercise10() {
        // Aggarwal exercise 10, computed independently in NumPy (src/test/python/reproductions.py): v = (1,2,3), y = e_1 → L = 1.407606, ∂L/∂v = (0.090031, −0.755272, 0.665241).
        DMatrixRMaj g = new DMatrixRMaj(1, 1);
        double l = new SoftmaxCrossEntropy().evaluate(new DMatrixRMaj(1, 3, true, 1, 2, 3), new int[]{1}, g);
        assertEquals(1.407606, l, 1e-6);
        assertArrayEquals(new double[]{0.090031, -0.755272, 0.665241}, g.data, 1e-6);
    }

    @Test
    void softmaxCrossEntropyIsStableAtLogitsOfPlusMinus1000() {
        DMatrixRMaj v = new DMatrixRMaj(2, 3, true, 1000, -1000, 0, -1000, 1000, 1000);
        DMatrixRMaj g = new DMatrixRMaj(1, 1);
        SoftmaxCrossEntropy sum = new SoftmaxCrossEntropy(Reduction.SUM);
        // row 0, label 0: L = log(1 + e^−2000 + e^−1000) = 0 in doubles; row 1, label 0: L = 2000 + log 2.
        double l = sum.evaluate(v, new int[]{0, 0}, g);
        assertEquals(2000 + Math.log(2), l, 1e-9);
        for (double d : g.data) {
            assertTrue(Double.isFinite(d));
        }
        assertArrayEquals(new double[]{0, 0, 0, -1, 0.5, 0.5}, g.data, 1e-12);
    }

    @Test
    void softTargetsEqualHardLabelsWhenOneHotAndMeanIsSumOverN() {
        Random rng = new Random(4);
        DMatrixRMaj v = FiniteDifferences.random(5, 4, rng);
        int[] labels = {0, 3, 2, 1, 3};
        DMatrixRMaj y = new DMatrixRMaj(5, 4);
        for (int i = 0; i < 5; i++) {
            y.set(i, labels[i], 1);
        }
        for (Loss loss : List.of(new SoftmaxCrossEntropy(), new SquaredError())) {
            DMatrixRMaj gh = new DMatrixRMaj(1, 1);
            DMatrixRMaj gs = new DMatrixRMaj(1, 1);
            assertEquals(loss.evaluate(v, labels, gh), loss.evaluate(v, y, gs), 1e-12, loss.name());
            assertArrayEquals(gh.data, gs.data, 1e-12, loss.name());
        }
        double mean = new SoftmaxCrossEntropy(Reduction.MEAN).evaluate(v, labels, null);
        double sum = new SoftmaxCrossEntropy(Reduction.SUM).evaluate(v, labels, null);
        assertEquals(5 * mean, sum, 1e-12);
    }

    @Test
    void everyLossMatchesFiniteDifferences() {
        Random rng = new Random(8);
        DMatrixRMaj soft = new DMatrixRMaj(3, 4);
        for (int i = 0; i < 3; i++) {
            double s = 0;
            for (int j = 0; j < 4; j++) {
                soft.set(i, j, rng.nextDouble());
                s += soft.get(i, j);
            }
            for (int j = 0; j < 4; j++) {
                soft.set(i, j, soft.get(i, j) / s);
            }
        }
        DMatrixRMaj bin = new DMatrixRMaj(3, 4);
        for (int k = 0; k < 12; k++) {
            bin.data[k] = rng.nextDouble();
        }
        for (Reduction red : Reduction.values()) {
            check(new SoftmaxCrossEntropy(red), soft, rng);
            check(new SquaredError(red), soft, rng);
            check(new Logistic(red), bin, rng);
        }
    }

    private static void check(Loss loss, DMatrixRMaj targets, Random rng) {
        DMatrixRMaj v = FiniteDifferences.random(targets.numRows, targets.numCols, rng);
        DMatrixRMaj g = new DMatrixRMaj(1, 1);
        loss.evaluate(v, targets, g);
        double[] est = GradientCheck.gradient(x -> loss.evaluate(new DMatrixRMaj(v.numRows, v.numCols, true, x), targets, null),
                v.data.clone(), 1e-6, GradientCheck.Scheme.CENTRAL);
        for (int k = 0; k < est.length; k++) {
            assertTrue(GradientCheck.relativeError(g.data[k], est[k], 1e-10) < 1e-6,
                    loss.name() + " " + loss.reduction() + " entry " + k + ": " + g.data[k] + " vs " + est[k]);
        }
    }

    @Test
    void logisticMatchesItsClosedFormAndIsStable() {
        // score 0: L = log 2, gradient σ(0) − y = 0.5 − 1.
        DMatrixRMaj g = new DMatrixRMaj(1, 1);
        assertEquals(Math.log(2), new Logistic().evaluate(new DMatrixRMaj(1, 1, true, 0.0), new int[]{1}, g), 1e-15);
        assertEquals(-0.5, g.data[0], 1e-15);
        assertEquals(1000, new Logistic().evaluate(new DMatrixRMaj(1, 1, true, -1000.0), new int[]{1}, null), 1e-9);
    }

    @Test
    void labelOutOfRangeNamesTheLabelAndTheClassCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxCrossEntropy().evaluate(new DMatrixRMaj(2, 10), new int[]{3, 10}, null));
        assertTrue(e.getMessage().contains("label 10") && e.getMessage().contains("10 classes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new SquaredError().evaluate(new DMatrixRMaj(2, 3), new int[]{-1, 0}, null));
        assertTrue(e.getMessage().contains("label -1") && e.getMessage().contains("3 classes"), e.getMessage());
    }
}
