package descent.nn;

import descent.init.Init;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Stochastic pooling (Zeiler and Fergus 2013): a hand calculation, sampling frequencies against p_i = a_i / Σ a_k
 * (chi-square), the mean of many training passes against the inference rule, finite differences at inference, the
 * sampled entry's gradient in training, and the error paths.
 */
class StochasticPoolingTest {

    /** Rows that repeat one example, so that one forward pass gives {@code rows} independent draws of each region. */
    private static DMatrixRMaj repeated(int rows, double... example) {
        DMatrixRMaj x = new DMatrixRMaj(rows, example.length);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(example, 0, x.data, r * example.length, example.length);
        }
        return x;
    }

    /** max(0, N(0,1)) entries: ReLU outputs, about half of them exactly 0. */
    private static DMatrixRMaj reluOutputs(int rows, int cols, Random rng) {
        DMatrixRMaj x = FiniteDifferences.random(rows, cols, rng);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = Math.max(0, x.data[i]);
        }
        return x;
    }

    @Test
    void fourByFourMapWithTwoByTwoRegionsByHand() {
        StochasticPooling pool = new StochasticPooling(1, 4, 4, 2, new Random(1));
        DMatrixRMaj x = new DMatrixRMaj(1, 16, true,
                1, 3, 0, 0,
                2, 2, 0, 0,
                4, 0, 1, 1,
                0, 0, 1, 5);
        // regions: {1,3,2,2} (Σa = 8, Σa² = 18), {0,0,0,0}, {4,0,0,0} (Σa = 4, Σa² = 16), {1,1,1,5} (Σa = 8, Σa² = 28)
        pool.setTraining(false);
        Cache cache = new Cache();
        assertArrayEquals(new double[]{18.0 / 8, 0, 16.0 / 4, 28.0 / 8}, pool.forward(x, cache).data, 1e-15);
        for (int o = 0; o < 4; o++) {
            assertEquals(-1, pool.sampled(cache, 0, o), "inference samples nothing");
        }
        // at inference ∂s/∂a_i = (2a_i − s)/Σa: region 1 with s = 9/4, Σa = 8 → (2 − 9/4)/8, (6 − 9/4)/8, (4 − 9/4)/8 …;
        // region 3 with s = 4, Σa = 4 → (8 − 4)/4 = 1 at the 4 and (0 − 4)/4 = −1 at the zeros
        DMatrixRMaj dx = pool.backward(new DMatrixRMaj(1, 4, true, 1, 1, 1, 1), cache, true);
        assertArrayEquals(new double[]{
                -0.25 / 8, 3.75 / 8, 0, 0,
                1.75 / 8, 1.75 / 8, 0, 0,
                1, -1, -1.5 / 8, -1.5 / 8,
                -1, -1, -1.5 / 8, 6.5 / 8}, dx.data, 1e-15);

        pool.setTraining(true);
        boolean[] seenRegion1 = new boolean[4];
        boolean[] seenRegion4 = new boolean[2];
        for (int pass = 0; pass < 200; pass++) {
            DMatrixRMaj y = pool.forward(x, cache);
            assertEquals(0, y.data[1], "the all-zero region outputs 0");
            assertEquals(4, y.data[2], "a region with one positive entry always outputs it");
            assertEquals(8, pool.sampled(cache, 0, 2), "the 4 sits at row 2, column 0");
            int s1 = pool.sampled(cache, 0, 0);
            assertTrue(s1 == 0 || s1 == 1 || s1 == 4 || s1 == 5, "region 1 covers columns 0, 1, 4, 5, got " + s1);
            seenRegion1[s1 == 0 ? 0 : s1 == 1 ? 1 : s1 == 4 ? 2 : 3] = true;
            assertEquals(x.data[s1], y.data[0]);
            seenRegion4[y.data[3] == 5 ? 1 : 0] = true;
            assertTrue(y.data[3] == 1 || y.data[3] == 5, "region 4 holds 1s and a 5, got " + y.data[3]);
        }
        assertArrayEquals(new boolean[]{true, true, true, true}, seenRegion1, "every positive entry gets sampled sometimes");
        assertArrayEquals(new boolean[]{true, true}, seenRegion4);
    }

    @Test
    void sampledFrequenciesMatchTheProbabilitiesAiOverTheRegionsSum() {
        // two channels of one 2×2 region each: {1, 2, 3, 4} (p = .1, .2, .3, .4) and {0, 0.5, 0, 1.5} (p = 0, ¼, 0, ¾)
        int draws = 20_000;
        StochasticPooling pool = new StochasticPooling(2, 2, 2, 2, new Random(42));
        DMatrixRMaj x = repeated(draws, 1, 2, 3, 4, 0, 0.5, 0, 1.5);
        Cache cache = new Cache();
        DMatrixRMaj y = pool.forward(x, cache);
        int[][] counts = new int[2][4];
        for (int e = 0; e < draws; e++) {
            for (int c = 0; c < 2; c++) {
                int at = pool.sampled(cache, e, c);
                assertEquals(x.data[e * 8 + at], y.get(e, c), "the output is the sampled entry");
                counts[c][at - 4 * c]++;
            }
        }
        double[][] p = {{0.1, 0.2, 0.3, 0.4}, {0, 0.25, 0, 0.75}};
        double[] chiSquare = new double[2];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 4; i++) {
                if (p[c][i] == 0) {
                    assertEquals(0, counts[c][i], "a zero activation is never sampled");
                } else {
                    double expected = draws * p[c][i];
                    chiSquare[c] += (counts[c][i] - expected) * (counts[c][i] - expected) / expected;
                }
            }
        }
        // 99.9 % quantiles of χ² with 3 and 1 degrees of freedom: 16.27 and 10.83. Uniform sampling would give χ² ≈ 6000
        // on channel 0; p ∝ a² (another plausible slip) about 2200.
        assertTrue(chiSquare[0] < 16.27, "channel 0: χ²(3) = " + chiSquare[0] + " for counts " + java.util.Arrays.toString(counts[0]));
        assertTrue(chiSquare[1] < 10.83, "channel 1: χ²(1) = " + chiSquare[1] + " for counts " + java.util.Arrays.toString(counts[1]));
    }

    @Test
    void meanOfManyTrainingPassesIsTheInferenceOutputAndThatIsSumOfSquaresOverSum() {
        // 2 channels of 7×7, 3×3 regions with stride 2 (overlapping): 2·3·3 = 18 regions
        Random rng = new Random(7);
        double[] example = reluOutputs(1, 2 * 49, rng).data;
        int draws = 20_000;
        StochasticPooling pool = new StochasticPooling(2, 7, 7, 3, 2, new Random(8));
        assertEquals(18, pool.outputSize());
        DMatrixRMaj sampled = pool.forward(repeated(draws, example), new Cache());
        pool.setTraining(false);
        DMatrixRMaj inference = pool.forward(repeated(1, example), new Cache());
        int o = 0;
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++, o++) {
                    // moments of the region straight from the picture: rows 2i…2i+2, columns 2j…2j+2 of channel c
                    double sum = 0, squares = 0, cubes = 0;
                    for (int di = 0; di < 3; di++) {
                        for (int dj = 0; dj < 3; dj++) {
                            double a = example[c * 49 + (2 * i + di) * 7 + 2 * j + dj];
                            sum += a;
                            squares += a * a;
                            cubes += a * a * a;
                        }
                    }
                    double closedForm = sum == 0 ? 0 : squares / sum;          // Σ p_i a_i
                    double variance = sum == 0 ? 0 : Math.max(0, cubes / sum - closedForm * closedForm);   // Σ p_i a_i² − (Σ p_i a_i)²
                    double mean = 0;
                    for (int e = 0; e < draws; e++) {
                        mean += sampled.get(e, o) / draws;
                    }
                    assertEquals(closedForm, inference.data[o], 1e-14, "region " + o + ": inference = Σa²/Σa");
                    assertEquals(closedForm, mean, 4.5 * Math.sqrt(variance / draws) + 1e-12,
                            "region " + o + ": mean of " + draws + " training passes vs Σ p_i a_i");
                }
            }
        }
    }

    @Test
    void inferenceGradientMatchesFiniteDifferences() {
        Random rng = new Random(3);
        DMatrixRMaj x = new DMatrixRMaj(3, 2 * 36);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = 0.2 + 1.8 * rng.nextDouble();      // away from 0, where Σa²/Σa is smooth
        }
        StochasticPooling pool = new StochasticPooling(2, 6, 6, 2, new Random(1));
        pool.setTraining(false);
        FiniteDifferences.check(pool, x, 5, 1e-5);
        StochasticPooling overlapping = new StochasticPooling(2, 6, 6, 3, 1, new Random(1));
        overlapping.setTraining(false);
        FiniteDifferences.check(overlapping, x, 6, 1e-5);
    }

    @Test
    void trainingGradientGoesToTheSampledEntryOnly() {
        Random rng = new Random(4);
        DMatrixRMaj x = reluOutputs(5, 3 * 36, rng);
        StochasticPooling pool = new StochasticPooling(3, 6, 6, 3, 1, new Random(9));   // overlapping: entries shared
        Cache cache = new Cache();
        DMatrixRMaj y = pool.forward(x, cache);
        DMatrixRMaj g = FiniteDifferences.random(5, pool.outputSize(), rng);
        double[] expected = new double[x.getNumElements()];
        for (int e = 0; e < 5; e++) {
            for (int o = 0; o < pool.outputSize(); o++) {
                int at = pool.sampled(cache, e, o);
                if (at < 0) {
                    assertEquals(0, y.get(e, o), "nothing sampled: an all-zero region");
                    continue;
                }
                assertEquals(x.get(e, at), y.get(e, o), "the output is the sampled entry");
                expected[e * pool.inputSize() + at] += g.get(e, o);
            }
        }
        assertArrayEquals(expected, pool.backward(g, cache, true).data, 1e-15);
        assertNull(pool.backward(g, cache, false));
        // the mode of the forward pass decides the backward pass, not a later setTraining
        pool.setTraining(false);
        assertArrayEquals(expected, pool.backward(g, cache, true).data, 1e-15);
    }

    @Test
    void allZeroRegionOutputsZeroPassesNoGradientAndDrawsNothing() {
        StochasticPooling pool = new StochasticPooling(1, 2, 2, 2, new Random(5));
        DMatrixRMaj zeros = new DMatrixRMaj(3, 4);
        for (boolean training : new boolean[]{true, false}) {
            pool.setTraining(training);
            Cache cache = new Cache();
            assertArrayEquals(new double[3], pool.forward(zeros, cache).data, 0);
            assertArrayEquals(new double[12], pool.backward(new DMatrixRMaj(3, 1, true, 1, 2, 3), cache, true).data, 0);
            assertEquals(-1, pool.sampled(cache, 2, 0));
        }
        // no draw was spent on them: the next region is sampled as a fresh generator with seed 5 would sample it
        pool.setTraining(true);
        Cache cache = new Cache();
        pool.forward(new DMatrixRMaj(1, 4, true, 1, 1, 1, 1), cache);
        assertEquals((int) (new Random(5).nextDouble() * 4), pool.sampled(cache, 0, 0));
    }

    @Test
    void negativeOrNonFiniteInputIsRejectedNamingValueAndPosition() {
        StochasticPooling pool = new StochasticPooling(2, 4, 4, 2, new Random(1));
        DMatrixRMaj x = new DMatrixRMaj(2, 32);
        x.data[32 + 16 + 2 * 4 + 3] = -0.25;                       // example 1, channel 1, row 2, column 3
        for (boolean training : new boolean[]{true, false}) {
            pool.setTraining(training);
            var e = assertThrows(IllegalArgumentException.class, () -> pool.forward(x, new Cache()));
            assertTrue(e.getMessage().contains("-0.25") && e.getMessage().contains("example 1")
                    && e.getMessage().contains("channel 1, row 2, column 3") && e.getMessage().contains("non-negative"),
                    e.getMessage());
        }
        x.data[32 + 16 + 2 * 4 + 3] = Double.NaN;
        var e = assertThrows(IllegalArgumentException.class, () -> pool.forward(x, new Cache()));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        x.data[32 + 16 + 2 * 4 + 3] = Double.POSITIVE_INFINITY;
        e = assertThrows(IllegalArgumentException.class, () -> pool.forward(x, new Cache()));
        assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
    }

    @Test
    void theSameSeedGivesTheSameDrawsAndACheckpointResumesThem() throws IOException {
        DMatrixRMaj x = reluOutputs(20, 2 * 36, new Random(6));
        StochasticPooling a = new StochasticPooling(2, 6, 6, 2, new Random(11));
        StochasticPooling b = new StochasticPooling(2, 6, 6, 2, new Random(11));
        StochasticPooling other = new StochasticPooling(2, 6, 6, 2, new Random(12));
        double[] first = a.forward(x, new Cache()).data.clone();
        assertArrayEquals(first, b.forward(x, new Cache()).data, 0);
        assertFalse(java.util.Arrays.equals(first, other.forward(x, new Cache()).data), "another seed, other draws");
        // checkpoint a after one pass; a fresh layer restored from it draws what a draws next
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        a.writeState(new DataOutputStream(saved));
        StochasticPooling restored = new StochasticPooling(2, 6, 6, 2, new Random(99));
        restored.readState(new DataInputStream(new ByteArrayInputStream(saved.toByteArray())), "test checkpoint");
        double[] next = a.forward(x, new Cache()).data.clone();
        assertFalse(java.util.Arrays.equals(first, next), "the second pass draws anew");
        assertArrayEquals(next, restored.forward(x, new Cache()).data, 0);
    }

    @Test
    void badShapesAndArgumentsAreNamed() {
        StochasticPooling pool = new StochasticPooling(1, 4, 4, 2, new Random(1));
        var e = assertThrows(IllegalArgumentException.class, () -> pool.forward(new DMatrixRMaj(2, 10), new Cache()));
        assertTrue(e.getMessage().contains("2x10") && e.getMessage().contains("1×4×4") && e.getMessage().contains("16"),
                e.getMessage());
        Cache cache = new Cache();
        pool.forward(new DMatrixRMaj(2, 16), cache);
        e = assertThrows(IllegalArgumentException.class, () -> pool.backward(new DMatrixRMaj(3, 5), cache, true));
        assertTrue(e.getMessage().contains("3x5") && e.getMessage().contains("2x4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> pool.sampled(cache, 2, 0));
        assertTrue(e.getMessage().contains("(2, 0)") && e.getMessage().contains("2x4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StochasticPooling(1, 3, 3, 4, new Random(1)));
        assertTrue(e.getMessage().contains("StochasticPooling") && e.getMessage().contains("4×4")
                && e.getMessage().contains("1×3×3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StochasticPooling(1, 4, 4, 2, 0, new Random(1)));
        assertTrue(e.getMessage().contains("stride 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StochasticPooling(1, 4, 4, 2, null));
        assertTrue(e.getMessage().contains("Random"), e.getMessage());
        assertEquals("StochasticPooling 1×4×4 → 1×2×2, window 2, stride 2", pool.name());
    }

    @Test
    void aConvNetStepWithStochasticPoolingAllocatesNothingAfterWarmUp() {
        Random rng = new Random(2);
        Sequential net = new Sequential(new SoftmaxCrossEntropy(),
                new Conv2d("c1", 1, 12, 12, 4, 3, 1, 1, Init.he(), rng), new ReLU(),
                new StochasticPooling(4, 12, 12, 2, new Random(3)),
                new Linear("fc", 4 * 6 * 6, 10, Init.he(), rng));
        AllocationTest.Batch batch = AllocationTest.randomBatch(16, 144, 10, rng);
        long perStep = AllocationTest.bytesPerStep(() -> net.lossAndGradient(batch.x(), batch.y()));
        assertTrue(perStep < AllocationTest.NO_OBJECT, "a training step allocated " + perStep + " bytes after warm-up");
        net.setTraining(false);
        long perInference = AllocationTest.bytesPerStep(() -> net.forward(batch.x()));
        assertTrue(perInference < AllocationTest.NO_OBJECT, "an inference pass allocated " + perInference + " bytes");
    }
}
