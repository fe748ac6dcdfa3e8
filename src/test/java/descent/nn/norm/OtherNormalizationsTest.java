package descent.nn.norm;

import descent.check.GradientCheck;
import descent.init.Init;
import descent.nn.Cache;
import descent.nn.Layer;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Layer, group and instance normalization, weight normalization and batch renormalization (COMP541 lecture 4, S37). */
class OtherNormalizationsTest {

    static final int N = 3, C = 4, L = 5;

    static void check(Layer layer, DMatrixRMaj x, double tol) {
        GradientCheck.Report rep = GradientCheck.layer(layer, x, new Random(9));
        assertTrue(rep.maxError() < tol, layer.name() + "\n" + rep);
    }

    @Test
    void layerGroupAndInstanceNormMatchTorch() {
        DMatrixRMaj x = TorchFixtures.x(N, C * L, 0), g = TorchFixtures.g(N, C * L);
        LayerNorm ln = new LayerNorm("ln", C * L);
        TorchFixtures.affine(ln.gamma().value().data, ln.beta().value().data);
        double[][] r = BatchNormTest.run(ln, x, g);
        assertArrayEquals(TorchFixtures.LN_Y, r[0], 1e-13);
        assertArrayEquals(TorchFixtures.LN_DX, r[1], 1e-12);
        assertArrayEquals(TorchFixtures.LN_DGAMMA, r[2], 1e-12);
        assertArrayEquals(TorchFixtures.LN_DBETA, r[3], 1e-12);

        GroupNorm gn = new GroupNorm("gn", C, 2, L);
        TorchFixtures.affine(gn.gamma().value().data, gn.beta().value().data);
        r = BatchNormTest.run(gn, x, g);
        assertArrayEquals(TorchFixtures.GN2_Y, r[0], 1e-13);
        assertArrayEquals(TorchFixtures.GN2_DX, r[1], 1e-12);
        assertArrayEquals(TorchFixtures.GN2_DGAMMA, r[2], 1e-12);
        assertArrayEquals(TorchFixtures.GN2_DBETA, r[3], 1e-12);

        InstanceNorm in = new InstanceNorm("in", C, L);
        TorchFixtures.affine(in.gamma().value().data, in.beta().value().data);
        r = BatchNormTest.run(in, x, g);
        assertArrayEquals(TorchFixtures.IN_Y, r[0], 1e-13);
        assertArrayEquals(TorchFixtures.IN_DX, r[1], 1e-12);
        assertArrayEquals(TorchFixtures.IN_DGAMMA, r[2], 1e-12);
        assertArrayEquals(TorchFixtures.IN_DBETA, r[3], 1e-12);
    }

    @Test
    void oneGroupIsLayerNormAndOneChannelPerGroupIsInstanceNorm() {
        DMatrixRMaj x = TorchFixtures.x(N, C * L, 0.4), g = TorchFixtures.g(N, C * L);
        GroupNorm g1 = new GroupNorm("g1", C, 1, L);
        LayerNorm ln = new LayerNorm("ln", C * L);
        for (int c = 0; c < C; c++) {
            g1.gamma().value().data[c] = 1 + 0.2 * c;
            g1.beta().value().data[c] = 0.1 * c;
            for (int s = 0; s < L; s++) { // layer norm's per-feature γ, β repeated over the positions of a channel
                ln.gamma().value().data[c * L + s] = 1 + 0.2 * c;
                ln.beta().value().data[c * L + s] = 0.1 * c;
            }
        }
        double[][] a = BatchNormTest.run(g1, x, g), b = BatchNormTest.run(ln, x, g);
        assertArrayEquals(b[0], a[0], 0.0);
        assertArrayEquals(b[1], a[1], 0.0);
        GroupNorm gc = new GroupNorm("gC", C, C, L);
        InstanceNorm in = new InstanceNorm("in", C, L);
        assertArrayEquals(BatchNormTest.run(in, x, g)[0], BatchNormTest.run(gc, x, g)[0], 0.0);
        // and G = C is not G = 1
        assertTrue(Math.abs(BatchNormTest.run(gc, x, g)[0][0] - BatchNormTest.run(new GroupNorm("g", C, 1, L), x, g)[0][0]) > 1e-3);
    }

    @Test
    void trainingAndInferenceGiveTheSameOutput() {
        DMatrixRMaj x = TorchFixtures.x(N, C * L, 0.7);
        for (Layer layer : new Layer[]{new LayerNorm("ln", C * L), new GroupNorm("gn", C, 2, L), new InstanceNorm("in", C, L)}) {
            double[] train = layer.forward(x, new Cache()).data.clone();
            layer.setTraining(false);
            double[] test = layer.forward(x, new Cache()).data.clone();
            assertArrayEquals(train, test, 0.0, layer.name());
            // and one example alone gives its row of the batch
            DMatrixRMaj row = new DMatrixRMaj(1, C * L);
            System.arraycopy(x.data, C * L, row.data, 0, C * L);
            double[] alone = layer.forward(row, new Cache()).data;
            for (int k = 0; k < C * L; k++) {
                assertTrue(alone[k] == train[C * L + k], layer.name());
            }
        }
    }

    @Test
    void finiteDifferences() {
        DMatrixRMaj x = TorchFixtures.x(N, C * L, 1.1);
        LayerNorm ln = new LayerNorm("ln", C * L);
        TorchFixtures.affine(ln.gamma().value().data, ln.beta().value().data);
        check(ln, x, 1e-6);
        GroupNorm gn = new GroupNorm("gn", C, 2, L);
        TorchFixtures.affine(gn.gamma().value().data, gn.beta().value().data);
        check(gn, x, 1e-6);
        check(new InstanceNorm("in", C, L), x, 1e-6);
        check(new WeightNormLinear("wn", C * L, 6, Init.he(), new Random(1)), x, 1e-6);
    }

    @Test
    void weightNormalizationMatchesTorch() {
        WeightNormLinear wn = new WeightNormLinear("wn", 4, 3, Init.normal(1), new Random(0));
        double[] v = wn.direction().value().data;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                v[i * 3 + j] = Math.sin(0.5 * i + 1.1 * j) + 0.2 * j;
            }
        }
        for (int j = 0; j < 3; j++) {
            wn.length().value().data[j] = 0.5 + 0.4 * j;
            wn.bias().value().data[j] = 0.1 * j - 0.05;
        }
        double[][] r = BatchNormTest.run(wn, TorchFixtures.x(5, 4, 0), TorchFixtures.g(5, 3));
        assertArrayEquals(TorchFixtures.WN_Y, r[0], 1e-13);
        assertArrayEquals(TorchFixtures.WN_DX, r[1], 1e-13);
        assertArrayEquals(TorchFixtures.WN_DV_IN_X_OUT, r[2], 1e-13);
        assertArrayEquals(TorchFixtures.WN_DG, wn.length().grad().data, 1e-13);
        assertArrayEquals(TorchFixtures.WN_DB, wn.bias().grad().data, 1e-13);
        // the column lengths of W are g
        DMatrixRMaj w = new DMatrixRMaj(4, 3);
        wn.weight(w);
        for (int j = 0; j < 3; j++) {
            double s = 0;
            for (int i = 0; i < 4; i++) {
                s += w.get(i, j) * w.get(i, j);
            }
            assertTrue(Math.abs(Math.sqrt(s) - (0.5 + 0.4 * j)) < 1e-15);
        }
    }

    @Test
    void batchRenormMatchesTheNumpyReferenceAndBecomesBatchNormWithoutCorrection() {
        BatchRenorm brn = new BatchRenorm("brn", 3, 1.5, 0.5, 0.01, 1e-5);
        TorchFixtures.affine(brn.gamma().value().data, brn.beta().value().data);
        brn.setRunningStatistics(new double[]{0.3, 0.3, 0.3}, new double[]{0.8, 0.8, 0.8});
        DMatrixRMaj x = TorchFixtures.x(8, 3, 0), g = TorchFixtures.g(8, 3);
        Cache c = new Cache();
        double[] y = brn.forward(x, c).data.clone();
        DMatrixRMaj rd = BatchRenorm.lastCorrection(c, 3);
        assertArrayEquals(TorchFixtures.BRN_R, new double[]{rd.get(0, 0), rd.get(0, 1), rd.get(0, 2)}, 1e-14);
        assertArrayEquals(TorchFixtures.BRN_D, new double[]{rd.get(1, 0), rd.get(1, 1), rd.get(1, 2)}, 1e-14);
        brn.params().forEach(p -> p.zeroGrad());
        double[] dx = brn.backward(g, c, true).data;
        assertArrayEquals(TorchFixtures.BRN_Y, y, 1e-13);
        assertArrayEquals(TorchFixtures.BRN_DX, dx, 1e-13);
        assertArrayEquals(TorchFixtures.BRN_DGAMMA, brn.gamma().grad().data, 1e-13);
        assertArrayEquals(TorchFixtures.BRN_DBETA, brn.beta().grad().data, 1e-13);

        BatchRenorm plain = new BatchRenorm("p", 3, 1, 0, 0.1, 1e-5);
        BatchNorm bn = BatchNorm.pytorch("bn", 3);
        TorchFixtures.affine(plain.gamma().value().data, plain.beta().value().data);
        TorchFixtures.affine(bn.gamma().value().data, bn.beta().value().data);
        double[][] a = BatchNormTest.run(plain, x, g), b = BatchNormTest.run(bn, x, g);
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(b[k], a[k], 1e-13);
        }
    }

    @Test
    void batchRenormGradientTreatsRAndDAsConstants() {
        // with r and d clipped at their bounds they are locally constant, so finite differences of the true function
        // must agree with the backward pass
        DMatrixRMaj x = TorchFixtures.x(8, 3, 0);
        BatchRenorm clipped = new BatchRenorm("brn", 3, 1.5, 0.5, 0.01, 1e-5);
        clipped.setRunningStatistics(new double[]{-3, 3, -3}, new double[]{0.2, 0.2, 5});
        GradientCheck.Report rep = GradientCheck.layer(new Frozen(clipped, new double[]{-3, 3, -3}, new double[]{0.2, 0.2, 5}), x, new Random(2));
        assertTrue(rep.maxError() < 1e-6, rep.toString());
        // unclipped, r and d move with the batch and the true gradient differs from the constant-r,d one
        BatchRenorm free = new BatchRenorm("free", 3, 100, 100, 0.01, 1e-5);
        GradientCheck.Report off = GradientCheck.layer(new Frozen(free, new double[]{0.1, 0.2, 0.3}, new double[]{0.9, 1.2, 2}), x, new Random(2));
        assertTrue(off.maxError() > 1e-3, "the true gradient includes ∂r/∂x and ∂d/∂x: " + off.maxError());
    }

    /** Resets the running statistics before every forward pass, so that repeated probes see the same layer. */
    record Frozen(BatchRenorm inner, double[] mean, double[] std) implements Layer {
        public String name() {
            return inner.name();
        }

        public DMatrixRMaj forward(DMatrixRMaj x, Cache cache) {
            inner.setRunningStatistics(mean, std);
            return inner.forward(x, cache);
        }

        public DMatrixRMaj backward(DMatrixRMaj g, Cache cache, boolean need) {
            return inner.backward(g, cache, need);
        }

        public java.util.List<descent.nn.Param> params() {
            return inner.params();
        }
    }

    @Test
    void badInputIsRejectedWithItsValue() {
        var groups = assertThrows(IllegalArgumentException.class, () -> new GroupNorm("gn", 6, 4, 3));
        assertTrue(groups.getMessage().contains("G = 4") && groups.getMessage().contains("C = 6"), groups.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GroupNorm("gn", 6, 0, 3));
        var single = assertThrows(IllegalArgumentException.class, () -> new InstanceNorm("in", 4, 1));
        assertTrue(single.getMessage().contains("C/G·S = 1"), single.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LayerNorm("ln", 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LayerNorm("ln", 4, -1))
                .getMessage().contains("got -1.0"));
        var shape = assertThrows(IllegalArgumentException.class, () -> new LayerNorm("ln", 4).forward(new DMatrixRMaj(2, 5), new Cache()));
        assertTrue(shape.getMessage().contains("2x5") && shape.getMessage().contains("Nx4"), shape.getMessage());
        DMatrixRMaj inf = new DMatrixRMaj(2, 4);
        inf.set(1, 2, Double.POSITIVE_INFINITY);
        var bad = assertThrows(IllegalArgumentException.class, () -> new LayerNorm("ln", 4).forward(inf, new Cache()));
        assertTrue(bad.getMessage().contains("row 1"), bad.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new BatchRenorm("b", 3, 0.5, 0, 0.1, 1e-5))
                .getMessage().contains("got 0.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new BatchRenorm("b", 3, 2, -1, 0.1, 1e-5))
                .getMessage().contains("got -1.0"));
        assertThrows(IllegalArgumentException.class, () -> new BatchRenorm("b", 3, 2, 1, 0.1, 1e-5).forward(new DMatrixRMaj(1, 3), new Cache()));
        assertThrows(IllegalArgumentException.class, () -> new WeightNormLinear("w", 0, 3, Init.he(), new Random(0)));
    }
}
