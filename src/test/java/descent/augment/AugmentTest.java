package descent.augment;

import descent.data.Dataset;
import descent.init.Init;
import descent.nn.Linear;
import descent.nn.Sequential;
import descent.nn.SoftmaxCrossEntropy;
import descent.optim.SGD;
import descent.train.Trainer;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Each transform against an independent description: pixel permutations written out by hand (numpy's fliplr, rot90
 * and roll conventions), bilinear interpolation of an affine ramp (which bilinear interpolation reproduces exactly,
 * so the output must equal the ramp at the mapped point), hand-computed interpolation weights, and group laws (a flip
 * twice, four quarter turns, a shift and its inverse).
 */
class AugmentTest {

    static final Random ANY = new Random(0);

    static double[] random(int n, long seed) {
        Random r = new Random(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextDouble();
        }
        return a;
    }

    static double[] apply(Augmentation t, double[] x, int h, int w) {
        double[] out = new double[x.length];
        t.apply(x, 0, out, 0, h, w, ANY);
        return out;
    }

    @Test
    void flipAndHalfTurnAreTheirOwnInverses() {
        double[] x = random(28 * 28, 1);
        HorizontalFlip f = new HorizontalFlip(1);
        Rotation180 t = new Rotation180(1);
        assertArrayEquals(x, apply(f, apply(f, x, 28, 28), 28, 28), 0);
        assertArrayEquals(x, apply(t, apply(t, x, 28, 28), 28, 28), 0);
        assertFalse(java.util.Arrays.equals(x, apply(f, x, 28, 28)));
    }

    @Test
    void flipAndHalfTurnMatchTheirPermutations() {
        int h = 3, w = 4;
        double[] x = random(h * w, 2);
        double[] flip = apply(new HorizontalFlip(1), x, h, w), turn = apply(new Rotation180(1), x, h, w);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                assertEquals(x[r * w + (w - 1 - c)], flip[r * w + c], 0, "fliplr at " + r + "," + c);
                assertEquals(x[(h - 1 - r) * w + (w - 1 - c)], turn[r * w + c], 0, "rot180 at " + r + "," + c);
            }
        }
        // a 180° turn is a left-right flip followed by an up-down flip; the bilinear rotation by 180° agrees with it
        double[] warped = apply(Rotation.by(180), x, h, w);
        assertArrayEquals(turn, warped, 1e-12);
    }

    @Test
    void probabilityZeroCopiesAndProbabilityHalfFlipsAboutHalf() {
        double[] x = random(16, 3);
        assertArrayEquals(x, apply(new HorizontalFlip(0), x, 4, 4), 0);
        assertArrayEquals(x, apply(new Rotation180(0), x, 4, 4), 0);
        Random rng = new Random(4);
        int flipped = 0, turned = 0, n = 4000;
        double[] out = new double[16];
        HorizontalFlip f = new HorizontalFlip(0.5);
        Rotation180 t = new Rotation180(0.25);
        for (int i = 0; i < n; i++) {
            f.apply(x, 0, out, 0, 4, 4, rng);
            flipped += out[0] == x[3] ? 1 : 0;
            t.apply(x, 0, out, 0, 4, 4, rng);
            turned += out[0] == x[15] ? 1 : 0;
        }
        // binomial standard errors: √(n·0.25) ≈ 32 and √(n·0.1875) ≈ 27
        assertEquals(0.5 * n, flipped, 4 * 32);
        assertEquals(0.25 * n, turned, 4 * 27);
    }

    @Test
    void translationByOneColumnMovesAKnownPixel() {
        int h = 5, w = 6;
        double[] x = new double[h * w];
        x[2 * w + 3] = 1;     // pixel (2, 3)
        x[1 * w + 5] = 0.5;   // pixel (1, 5), in the last column: shifted out
        double[] y = apply(Translation.by(1, 0), x, h, w);
        double[] expected = new double[h * w];
        expected[2 * w + 4] = 1;
        assertArrayEquals(expected, y, 0);
        double[] down = apply(Translation.by(0, 2), x, h, w);
        assertEquals(1, down[4 * w + 3], 0);
        assertEquals(0.5, down[3 * w + 5], 0);
        assertEquals(1.5, java.util.Arrays.stream(down).sum(), 0);
    }

    @Test
    void translationAgreesWithARollThatZeroesTheWrappedBorder() {
        int h = 7, w = 5, dx = -2, dy = 3;
        double[] x = random(h * w, 5);
        double[] y = apply(Translation.by(dx, dy), x, h, w);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int rs = Math.floorMod(r - dy, h), cs = Math.floorMod(c - dx, w);
                boolean wrapped = r - dy != rs || c - dx != cs;
                assertEquals(wrapped ? 0 : x[rs * w + cs], y[r * w + c], 0, "at " + r + "," + c);
            }
        }
        // shifting back restores the pixels that stayed inside
        double[] back = apply(Translation.by(-dx, -dy), y, h, w);
        for (int r = 0; r < h - dy; r++) {
            for (int c = -dx; c < w; c++) {
                assertEquals(x[r * w + c], back[r * w + c], 0);
            }
        }
    }

    @Test
    void randomTranslationDrawsEveryShiftInRangeAndNothingElse() {
        int h = 9, w = 9, s = 2;
        double[] x = new double[h * w];
        x[4 * w + 4] = 1;
        int[][] seen = new int[2 * s + 1][2 * s + 1];
        Random rng = new Random(6);
        double[] out = new double[h * w];
        Translation t = new Translation(s);
        for (int i = 0; i < 2000; i++) {
            t.apply(x, 0, out, 0, h, w, rng);
            int k = 0;
            while (out[k] != 1) {
                k++;
            }
            int dr = k / w - 4, dc = k % w - 4;
            assertTrue(Math.abs(dr) <= s && Math.abs(dc) <= s, "shift " + dr + ", " + dc);
            seen[dr + s][dc + s]++;
        }
        for (int[] row : seen) {
            for (int count : row) {
                assertTrue(count > 40, "each of the 25 shifts should come up about 80 times, one came up " + count);
            }
        }
    }

    @Test
    void quarterTurnIsNumpysRot90AndFourOfThemAreTheIdentity() {
        int n = 6;
        double[] x = random(n * n, 7);
        double[] q = apply(Rotation.by(90), x, n, n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                // numpy.rot90 (counter-clockwise): out[r, c] = in[c, n − 1 − r]
                assertEquals(x[c * n + (n - 1 - r)], q[r * n + c], 1e-12, "rot90 at " + r + "," + c);
            }
        }
        double[] four = x;
        for (int k = 0; k < 4; k++) {
            four = apply(Rotation.by(90), four, n, n);
        }
        assertArrayEquals(x, four, 1e-12);
        assertArrayEquals(x, apply(Rotation.by(-90), q, n, n), 1e-12);
    }

    /** f(r, c) = 3 + 0.5 r − 0.25 c: bilinear interpolation of an affine function is exact. */
    static double ramp(double r, double c) {
        return 3 + 0.5 * r - 0.25 * c;
    }

    static double[] rampImage(int h, int w) {
        double[] x = new double[h * w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                x[r * w + c] = ramp(r, c);
            }
        }
        return x;
    }

    @Test
    void rotationOfARampReadsTheRampAtTheRotatedPoint() {
        int h = 11, w = 11;
        double deg = 30, t = Math.toRadians(deg), rc = 5, cc = 5;
        double[] y = apply(Rotation.by(deg), rampImage(h, w), h, w);
        int inside = 0;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                // screen coordinates (x right, y up) of the output pixel, rotated back by −θ
                double xs = c - cc, ys = rc - r;
                double xin = Math.cos(t) * xs + Math.sin(t) * ys, yin = -Math.sin(t) * xs + Math.cos(t) * ys;
                double rin = rc - yin, cin = cc + xin;
                if (rin >= 0 && rin <= h - 1 && cin >= 0 && cin <= w - 1) {
                    assertEquals(ramp(rin, cin), y[r * w + c], 1e-12, "at " + r + "," + c);
                    inside++;
                } else if (rin <= -1 || rin >= h || cin <= -1 || cin >= w) {
                    assertEquals(0, y[r * w + c], 0, "outside at " + r + "," + c);
                }
            }
        }
        assertTrue(inside > 80);
        // the image turns counter-clockwise: a bright pixel right of the centre moves above it
        double[] dot = new double[h * w];
        dot[5 * w + 9] = 1;
        double[] turned = apply(Rotation.by(90), dot, h, w);
        assertEquals(1, turned[1 * w + 5], 1e-12);
    }

    @Test
    void scalingByTwoInterpolatesByHand() {
        // 5×5, centre (2, 2). Output (0, 0) is at offset (−2, −2): it reads input offset (−1, −1) = pixel (1, 1).
        // Output (1, 0) reads offset (−0.5, −1) = position (1.5, 1): the mean of pixels (1, 1) and (2, 1).
        // Output (1, 1) reads position (1.5, 1.5): the mean of the four pixels (1..2, 1..2).
        double[] x = random(25, 8);
        double[] y = apply(Scaling.by(2), x, 5, 5);
        assertEquals(x[6], y[0], 1e-15);
        assertEquals((x[6] + x[11]) / 2, y[5], 1e-15);
        assertEquals((x[6] + x[7] + x[11] + x[12]) / 4, y[6], 1e-15);
        assertEquals(x[12], y[12], 1e-15); // the centre stays
        // shrinking by 1/2: output (0, 0) reads offset (−4, −4), outside; the centre still stays
        double[] z = apply(Scaling.by(0.5), x, 5, 5);
        assertEquals(0, z[0], 0);
        assertEquals(x[12], z[12], 1e-15);
        // (0, 1) reads offset (−4, −2) → position (−2, 0): outside; (1, 1) reads (−2, −2) → pixel (0, 0)
        assertEquals(x[0], z[6], 1e-15);
        // a ramp read at the scaled point
        double[] ry = apply(Scaling.by(1.25), rampImage(9, 9), 9, 9);
        for (int r = 0; r < 9; r++) {
            for (int c = 0; c < 9; c++) {
                assertEquals(ramp(4 + (r - 4) / 1.25, 4 + (c - 4) / 1.25), ry[r * 9 + c], 1e-12);
            }
        }
    }

    @Test
    void randomCropOfTheWholeImageIsTheIdentityAndASmallerWindowStretchesLinearly() {
        int h = 8, w = 8;
        double[] x = random(h * w, 9);
        assertArrayEquals(x, apply(new RandomCrop(8), x, h, w), 1e-15);
        double[] ramp = new double[h * w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                ramp[r * w + c] = 100 * r + c;
            }
        }
        Random rng = new Random(10);
        boolean[][] corners = new boolean[4][4];
        double[] out = new double[h * w];
        RandomCrop crop = new RandomCrop(5);
        for (int k = 0; k < 400; k++) {
            crop.apply(ramp, 0, out, 0, h, w, rng);
            int i = (int) Math.round(out[0]) / 100, j = (int) Math.round(out[0]) % 100;
            assertTrue(i >= 0 && i <= 3 && j >= 0 && j <= 3, "window at " + i + "," + j);
            corners[i][j] = true;
            // corners aligned: the last output pixel is the window's last pixel
            assertEquals(100 * (i + 4) + (j + 4), out[h * w - 1], 1e-9);
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    assertEquals(100 * (i + r * 4 / 7.0) + (j + c * 4 / 7.0), out[r * w + c], 1e-9);
                }
            }
        }
        for (boolean[] row : corners) {
            for (boolean b : row) {
                assertTrue(b, "every window position 0..3 × 0..3 should come up in 400 draws");
            }
        }
    }

    @Test
    void pixelNoiseHasTheRightMomentsAndStaysInRange() {
        int n = 40000;
        double[] x = new double[n];
        java.util.Arrays.fill(x, 0.5);
        double[] y = new double[n];
        new PixelNoise(0.1).apply(x, 0, y, 0, 200, 200, new Random(11));
        double m = 0, v = 0;
        for (double t : y) {
            m += t;
        }
        m /= n;
        for (double t : y) {
            v += (t - m) * (t - m);
        }
        v /= n - 1;
        assertEquals(0.5, m, 4 * 0.1 / Math.sqrt(n));
        assertEquals(0.01, v, 4 * 0.01 * Math.sqrt(2.0 / n));
        new PixelNoise(3).apply(x, 0, y, 0, 200, 200, new Random(12));
        int atZero = 0;
        for (double t : y) {
            assertTrue(t >= 0 && t <= 1);
            atZero += t == 0 ? 1 : 0;
        }
        // P(0.5 + 3z < 0) = Φ(−1/6) ≈ 0.4338
        assertEquals(0.4338 * n, atZero, 4 * Math.sqrt(n * 0.4338 * 0.5662));
        assertArrayEquals(x, apply(new PixelNoise(0), x, 200, 200), 0);
        double[] u = apply(new PixelNoise(0.2, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), new double[]{5, -5}, 1, 2);
        assertNotEquals(5, u[0]);
        assertTrue(u[0] > 4 && u[1] < -4, "no clipping with an infinite range");
    }

    @Test
    void composeAppliesInOrderThroughItsBuffers() {
        int h = 6, w = 7;
        double[] x = random(h * w, 13);
        assertArrayEquals(apply(Translation.by(3, 0), x, h, w),
                apply(new Compose(Translation.by(1, 0), Translation.by(1, 0), Translation.by(1, 0)), x, h, w), 0);
        assertArrayEquals(apply(Translation.by(1, 2), x, h, w),
                apply(new Compose(Translation.by(1, 0), Translation.by(0, 2)), x, h, w), 0);
        assertArrayEquals(x, apply(Augmentation.compose(new HorizontalFlip(1), new HorizontalFlip(1)), x, h, w), 0);
        // order matters: flip then shift right is not shift right then flip
        double[] a = apply(new Compose(new HorizontalFlip(1), Translation.by(1, 0)), x, h, w);
        double[] b = apply(new Compose(Translation.by(1, 0), new HorizontalFlip(1)), x, h, w);
        assertArrayEquals(apply(Translation.by(1, 0), apply(new HorizontalFlip(1), x, h, w), h, w), a, 0);
        assertFalse(java.util.Arrays.equals(a, b));
        assertArrayEquals(apply(Translation.by(2, 0), x, h, w), apply(new Compose(Translation.by(2, 0)), x, h, w), 0);
        assertFalse(new Compose(new Translation(1), new Rotation(10)).mayChangeClass());
        assertTrue(new Compose(new Translation(1), new Rotation180(0.5)).mayChangeClass());
        assertEquals("shift ±1 px + rotate ±10°", new Compose(new Translation(1), new Rotation(10)).name());
    }

    @Test
    void geometricTransformsStayInTheInputRange() {
        Random rng = new Random(14);
        Augmentation all = new Compose(new Translation(2), new Rotation(15), new Scaling(0.8, 1.2), new RandomCrop(24),
                new HorizontalFlip(0.5));
        double[] out = new double[784];
        for (int k = 0; k < 50; k++) {
            double[] x = random(784, 100 + k);
            all.apply(x, 0, out, 0, 28, 28, rng);
            for (double v : out) {
                assertTrue(v >= 0 && v <= 1, "pixel " + v);
            }
        }
    }

    @Test
    void classChangingFlags() {
        assertTrue(new HorizontalFlip(0.5).mayChangeClass());
        assertTrue(new Rotation180(0.5).mayChangeClass());
        for (Augmentation a : new Augmentation[]{new Translation(2), new Rotation(10), new Scaling(0.9, 1.1),
                new RandomCrop(24), new PixelNoise(0.1)}) {
            assertFalse(a.mayChangeClass(), a.name());
            Augmenter.fashionMnist(a, new Random(0)).requireLabelPreserving();
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Augmenter.fashionMnist(
                new Compose(new Translation(1), new Rotation180(0.5)), new Random(0)).requireLabelPreserving());
        assertTrue(e.getMessage().contains("rotate 180°"), e.getMessage());
    }

    @Test
    void badInputNamesTheValue() {
        assertMessage("-3", () -> new Translation(-3));
        assertMessage("28", () -> Augmenter.fashionMnist(new Translation(28), ANY));
        assertMessage("200", () -> new Rotation(200));
        assertMessage("-190", () -> Rotation.by(-190));
        assertMessage("0.0", () -> new Scaling(0, 1));
        assertMessage("max 0.5", () -> new Scaling(1, 0.5));
        assertMessage("1.5", () -> new HorizontalFlip(1.5));
        assertMessage("-0.1", () -> new Rotation180(-0.1));
        assertMessage("NaN", () -> new PixelNoise(Double.NaN));
        assertMessage("[1.0, 0.0]", () -> new PixelNoise(0.1, 1, 0));
        assertMessage("30-pixel window", () -> Augmenter.fashionMnist(new RandomCrop(30), ANY));
        assertMessage("1", () -> new RandomCrop(1));
        assertMessage("none", () -> new Compose());
        assertMessage("transform 2 of 2", () -> new Compose(new Translation(1), null));
        Augmenter aug = Augmenter.fashionMnist(new Translation(1), new Random(0));
        assertMessage("5×100", () -> aug.applyInPlace(new DMatrixRMaj(5, 100)));
        assertMessage("28×28", () -> aug.apply(new DMatrixRMaj(5, 100), new DMatrixRMaj(1, 1)));
        assertMessage("100 pixels", () -> aug.apply(new double[100]));
        assertMessage("0×5", () -> new Augmenter(new Translation(0), 0, 5, ANY));
    }

    static void assertMessage(String part, org.junit.jupiter.api.function.Executable run) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, run);
        assertTrue(e.getMessage().contains(part), "message should contain '" + part + "': " + e.getMessage());
    }

    @Test
    void augmenterIsSeededAndInPlaceEqualsOutOfPlace() {
        Augmentation t = new Compose(new Translation(2), new Rotation(10), new PixelNoise(0.05));
        DMatrixRMaj batch = new DMatrixRMaj(6, 784);
        batch.data = random(6 * 784, 15);
        DMatrixRMaj copy = batch.copy();
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        Augmenter.fashionMnist(t, new Random(16)).apply(batch, out);
        Augmenter.fashionMnist(t, new Random(16)).applyInPlace(copy);
        assertArrayEquals(out.data, copy.data, 0);
        assertEquals(6, out.numRows);
        DMatrixRMaj other = new DMatrixRMaj(6, 784);
        Augmenter.fashionMnist(t, new Random(17)).apply(batch, other);
        assertFalse(java.util.Arrays.equals(out.data, other.data));
        // each row is the transform of its own image: row 3 alone, with the draws of rows 0–2 used up first
        Augmenter one = Augmenter.fashionMnist(t, new Random(16));
        double[] row = new double[784];
        for (int i = 0; i <= 3; i++) {
            System.arraycopy(batch.data, i * 784, row, 0, 784);
            double[] y = one.apply(row);
            if (i == 3) {
                assertArrayEquals(java.util.Arrays.copyOfRange(out.data, 3 * 784, 4 * 784), y, 0);
            }
        }
    }

    @Test
    void expandKeepsLabelsAndMakesFreshCopies() {
        DMatrixRMaj x = new DMatrixRMaj(3, 16);
        x.data = random(48, 18);
        Dataset d = new Dataset("tiny", x, new int[]{2, 0, 1}, 3);
        Dataset e = new Augmenter(new HorizontalFlip(1), 4, 4, new Random(0)).expand(d, 2);
        assertEquals(6, e.size());
        assertArrayEquals(new int[]{2, 0, 1, 2, 0, 1}, e.labels());
        assertEquals(x.get(1, 3), e.x().get(4, 0), 0);
    }

    @Test
    void anAugmentedBatchAllocatesNothingAfterWarmUp() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Augmenter aug = Augmenter.fashionMnist(new Compose(new Translation(2), new Rotation(10), new Scaling(0.9, 1.1),
                new RandomCrop(24), new HorizontalFlip(0.5), new PixelNoise(0.05)), new Random(19));
        DMatrixRMaj batch = new DMatrixRMaj(32, 784);
        DMatrixRMaj out = new DMatrixRMaj(32, 784);
        for (int i = 0; i < 50; i++) {
            aug.applyInPlace(batch);
            aug.apply(batch, out);
        }
        long tid = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 20; i++) {
            aug.applyInPlace(batch);
            aug.apply(batch, out);
        }
        long perBatch = (bean.getThreadAllocatedBytes(tid) - before) / 20;
        assertTrue(perBatch < 256, "augmenting a batch allocated " + perBatch + " bytes after warm-up");
    }

    @Test
    void trainerAugmentsEachTrainingBatch() {
        // training on x with a fixed shift must equal training on the shifted data without augmentation
        int m = 20;
        DMatrixRMaj x = new DMatrixRMaj(m, 16);
        x.data = random(m * 16, 20);
        int[] y = new int[m];
        for (int i = 0; i < m; i++) {
            y[i] = i % 2;
        }
        DMatrixRMaj shifted = new DMatrixRMaj(m, 16);
        new Augmenter(Translation.by(1, 1), 4, 4, new Random(0)).apply(x, shifted);
        Sequential a = new Sequential(new SoftmaxCrossEntropy(), new Linear("l", 16, 2, Init.xavier(), new Random(21)));
        Sequential b = new Sequential(new SoftmaxCrossEntropy(), new Linear("l", 16, 2, Init.xavier(), new Random(21)));
        new Trainer(a, new SGD(a.params(), 0.5), new Random(22)).batchSize(5).epochs(3).progress(null)
                .augment(new Augmenter(Translation.by(1, 1), 4, 4, new Random(0))).fit(new Dataset("x", x, y, 2));
        new Trainer(b, new SGD(b.params(), 0.5), new Random(22)).batchSize(5).epochs(3).progress(null)
                .fit(new Dataset("shifted", shifted, y, 2));
        assertArrayEquals(b.params().get(0).value().data, a.params().get(0).value().data, 1e-15);
        Sequential c = new Sequential(new SoftmaxCrossEntropy(), new Linear("l", 16, 2, Init.xavier(), new Random(21)));
        new Trainer(c, new SGD(c.params(), 0.5), new Random(22)).batchSize(5).epochs(3).progress(null)
                .fit(new Dataset("x", x, y, 2));
        assertFalse(java.util.Arrays.equals(c.params().get(0).value().data, a.params().get(0).value().data));
    }
}
