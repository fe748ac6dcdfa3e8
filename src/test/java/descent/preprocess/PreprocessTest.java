package descent.preprocess;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Every transform against numpy (src/test/python/setup_fixtures.py) on a fixed 6×3 matrix, fitted on it and applied to 2 other rows. */
class PreprocessTest {

    static final DMatrixRMaj X = new DMatrixRMaj(6, 3, true,
            1, 2, 0.5, 0, 1, -1, 2, -1, 1, 1, 1, 1, -1, 0.5, 2, 0.5, -2, 1);
    static final DMatrixRMaj T = new DMatrixRMaj(2, 3, true, 0.5, 0.5, 0.5, 3, -1, 2);

    @Test
    void standardizeUsesTrainingStatistics() {
        Standardize s = new Standardize();
        s.fit(X);
        assertArrayEquals(new double[]{0.5833333333333334, 0.25, 0.75}, s.means(), 1e-15);
        assertArrayEquals(new double[]{0.9316949906249125, 1.346291201783626, 0.9013878188659973}, s.stds(), 1e-15);
        assertArrayEquals(new double[]{-0.08944271909999162, 0.18569533817705186, -0.2773500981126146,
                2.5938388538997557, -0.9284766908852594, 1.386750490563073}, s.transform(T).data, 1e-14);
        // transforming other data leaves the fitted statistics alone
        s.transform(new DMatrixRMaj(2, 3, true, 100, 100, 100, -50, 7, 9));
        assertArrayEquals(new double[]{0.5833333333333334, 0.25, 0.75}, s.means(), 1e-15);
        // the training data itself comes out with mean 0 and variance 1
        DMatrixRMaj z = new Standardize().fitTransform(X);
        for (int j = 0; j < 3; j++) {
            double m = 0, v = 0;
            for (int i = 0; i < 6; i++) {
                m += z.get(i, j) / 6;
            }
            for (int i = 0; i < 6; i++) {
                v += (z.get(i, j) - m) * (z.get(i, j) - m) / 6;
            }
            assertEquals(0, m, 1e-15);
            assertEquals(1, v, 1e-14);
        }
        double[] out = new double[3];
        s.transformRow(new double[]{3, -1, 2}, out);
        assertArrayEquals(new double[]{2.5938388538997557, -0.9284766908852594, 1.386750490563073}, out, 1e-14);
    }

    @Test
    void minMaxCenterAndShift() {
        assertArrayEquals(new double[]{0.5, 0.625, 0.5, 1.3333333333333333, 0.25, 1.0},
                new MinMax().fit(X).transform(T).data, 1e-15);                       // eq. 3.35
        assertArrayEquals(new double[]{0.5 - 0.5833333333333334, 0.25, -0.25, 3 - 0.5833333333333334, -1.25, 1.25},
                new Center().fit(X).transform(T).data, 1e-15);
        NonNegativeShift shift = new NonNegativeShift();
        DMatrixRMaj shifted = shift.fitTransform(X);
        assertArrayEquals(new double[]{1, 2, 1}, shift.shifts(), 0);   // |min| of each column
        for (double v : shifted.data) {
            assertTrue(v >= 0);
        }
        assertArrayEquals(new double[]{0, 0}, new NonNegativeShift().fit(new DMatrixRMaj(2, 2, true, 1, 2, 3, 4)).shifts(), 0);
    }

    @Test
    void channelMeansOfChannelLastImages() {
        // numpy: 2 images of 2×2 pixels × 3 channels, arange(24)^1.5, mean over axes (0, 1, 2)
        DMatrixRMaj img = new DMatrixRMaj(2, 12);
        for (int k = 0; k < 24; k++) {
            img.data[k] = Math.pow(k, 1.5);
        }
        ChannelCenter cc = new ChannelCenter(3);
        cc.fit(img);
        assertArrayEquals(new double[]{39.89483530204872, 44.502928625444504, 49.417737486330445}, cc.channelMeans(), 1e-12);
        assertEquals(3, cc.channelMeans().length);
        assertEquals(12, new Center().fit(img).means().length);                // the mean image: one per pixel and channel
        assertThrows(IllegalArgumentException.class, () -> new ChannelCenter(5).fit(img));
    }

    @Test
    void zcaMatchesNumpyAndWhitens() {
        assertArrayEquals(new double[]{-0.09230500122671273, 0.14816104294423765, -0.26250922188672143,
                2.6661579466766705, -0.5395217521486151, 1.5173919349721796}, new Zca(1e-5).fit(X).transform(T).data, 1e-12);
        assertArrayEquals(new double[]{-0.09230574497601345, 0.14816102150938115, -0.2625109420186677,
                2.6661757466762186, -0.5395184370090869, 1.5174049998405474}, new Zca(0).fit(X).transform(T).data, 1e-12);
        DMatrixRMaj c = Covariance.of(new Zca(0).fitTransform(X));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(i == j ? 1 : 0, c.get(i, j), 1e-12);
            }
        }
    }

    @Test
    void pcaWhiteningMatchesNumpyUpToSignsAndGivesIdentityCovariance() {
        Pca p = Pca.whitening(3, Pca.Floor.DROP_BELOW, 1e-5).fit(X);
        assertArrayEquals(new double[]{1.9579156714488977, 0.9473977844538358, 0.5877420996528229}, p.eigenvalues(), 1e-13);
        DMatrixRMaj u = p.transform(T);
        double[] abs = new double[6];
        for (int k = 0; k < 6; k++) {
            abs[k] = Math.abs(u.data[k]);
        }
        assertArrayEquals(new double[]{0.2286010095284844, 0.07323862548948223, 0.20435683426002088,
                1.3893471429236137, 1.3109749707088796, 2.4603150879924236}, abs, 1e-12);
        DMatrixRMaj c = Covariance.of(p.transform(X));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(i == j ? 1 : 0, c.get(i, j), 1e-12);
            }
        }
        // eq. 3.37 without whitening: column variances are the eigenvalues
        DMatrixRMaj proj = Pca.components(2).fit(X).transform(X);
        DMatrixRMaj cp = Covariance.of(proj);
        assertEquals(1.9579156714488977, cp.get(0, 0), 1e-13);
        assertEquals(0.9473977844538358, cp.get(1, 1), 1e-13);
        // the streaming recipe gives the batch answer
        double[] row = new double[3];
        p.transformRow(new double[]{3, -1, 2}, row);
        assertArrayEquals(new double[]{u.get(1, 0), u.get(1, 1), u.get(1, 2)}, row, 1e-14);
        // the additive floor divides by √(λ + ε)
        Pca add = Pca.whitening(3, Pca.Floor.ADD, 0.1).fit(X);
        DMatrixRMaj ca = Covariance.of(add.transform(X));
        assertEquals(1.9579156714488977 / (1.9579156714488977 + 0.1), ca.get(0, 0), 1e-12);
        assertEquals(0.5877420996528229 / (0.5877420996528229 + 0.1), ca.get(2, 2), 1e-12);
    }

    @Test
    void runningMomentsEqualTheBatchCovariance() {
        RunningMoments m = new RunningMoments(3);
        m.add(new DMatrixRMaj(2, 3, true, 1, 2, 0.5, 0, 1, -1));
        m.add(new double[]{2, -1, 1});
        m.add(new DMatrixRMaj(3, 3, true, 1, 1, 1, -1, 0.5, 2, 0.5, -2, 1));
        assertEquals(6, m.count());
        assertArrayEquals(new double[]{0.8680555555555556, -0.22916666666666666, -0.10416666666666666, -0.22916666666666666,
                1.8125, -0.35416666666666663, -0.10416666666666666, -0.35416666666666663, 0.8125}, m.covariance().data, 1e-14);
        Pca streamed = Pca.whitening(3, Pca.Floor.DROP_BELOW, 1e-5).fit(m);
        assertArrayEquals(Pca.whitening(3, Pca.Floor.DROP_BELOW, 1e-5).fit(X).eigenvalues(), streamed.eigenvalues(), 1e-13);
    }

    @Test
    void conditionNumberOfTheGramMatrix() {
        assertEquals(2.0861809513708502, Covariance.eigen(Covariance.gram(X)).conditionNumber(), 1e-12);  // numpy.linalg.cond
        assertEquals(2.0861809513708502, Covariance.conditionNumber(Covariance.gram(X)), 1e-12);
        assertArrayEquals(new double[]{1.9579156714488977, 0.9473977844538358, 0.5877420996528229},
                Covariance.eigenvalues(Covariance.of(X)), 1e-13);
    }

    @Test
    void badInputIsRefusedNamingRowColumnAndWidths() {
        DMatrixRMaj nan = X.copy();
        nan.set(4, 2, Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Standardize().fit(nan));
        assertTrue(e.getMessage().contains("row 4, column 2 is NaN"), e.getMessage());
        DMatrixRMaj inf = T.copy();
        inf.set(1, 0, Double.NEGATIVE_INFINITY);
        e = assertThrows(IllegalArgumentException.class, () -> new Center().fit(X).transform(inf));
        assertTrue(e.getMessage().contains("column 0 is −∞"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Zca(1e-5).fit(X).transform(new DMatrixRMaj(2, 4)));
        assertTrue(e.getMessage().contains("fitted on 3 columns") && e.getMessage().contains("2x4"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> new MinMax().transform(T));
        DMatrixRMaj constant = X.copy();
        for (int i = 0; i < 6; i++) {
            constant.set(i, 1, 4.0);
        }
        e = assertThrows(IllegalArgumentException.class, () -> new Standardize().fit(constant));
        assertTrue(e.getMessage().contains("column 1 has zero variance"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MinMax().fit(constant));
        assertTrue(e.getMessage().contains("column 1 has max = min"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Pca.whitening(3, Pca.Floor.DROP_BELOW, 1e-5).fit(constant));
        assertTrue(e.getMessage().contains("only 2 directions") && e.getMessage().contains("column 1 is constant"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Zca(0).fit(constant));
        assertTrue(e.getMessage().contains("column 1 is constant"), e.getMessage());
        // with the opt-in, a constant column is centred and left unscaled; whitening with DROP keeps the other two
        Standardize keep = new Standardize().keepConstantColumns();
        keep.fit(constant);
        assertArrayEquals(new int[]{1}, keep.constantColumns());
        assertEquals(2, Pca.whitening().fit(constant).outputWidth());
        assertDoesNotThrow(() -> new Zca(1e-5).fit(constant));
        assertThrows(IllegalArgumentException.class, () -> Pca.components(4).fit(X));
        assertThrows(IllegalArgumentException.class, () -> new RunningMoments(3).add(new DMatrixRMaj(1, 2)));
    }

    @Test
    void whiteningFittedOnTrainLeavesHeldOutDataNearlyWhite() {
        Random rng = new Random(3);
        DMatrixRMaj train = correlated(4000, rng), test = correlated(4000, rng);
        Pca p = Pca.whitening().fit(train);
        DMatrixRMaj c = Covariance.of(p.transform(test));
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(i == j ? 1 : 0, c.get(i, j), 0.08, "held-out covariance " + i + "," + j);
            }
        }
    }

    static DMatrixRMaj correlated(int n, Random rng) {
        DMatrixRMaj x = new DMatrixRMaj(n, 2);
        for (int i = 0; i < n; i++) {
            double a = rng.nextGaussian(), b = rng.nextGaussian();
            x.set(i, 0, 3 + 2 * a);
            x.set(i, 1, -1 + 1.5 * a + 0.3 * b);
        }
        return x;
    }
}
