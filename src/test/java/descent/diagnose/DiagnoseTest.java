package descent.diagnose;

import descent.init.Init;
import descent.nn.Linear;
import descent.nn.ReLU;
import descent.nn.Sequential;
import descent.nn.Sigmoid;
import descent.nn.SoftmaxCrossEntropy;
import descent.nn.Tanh;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class DiagnoseTest {

    @Test
    void chainGradientMatchesTorchAndFiniteDifferences() {
        // torch autograd on the same chain (src/test/python/setup_fixtures.py)
        double[] w = {0.5, -1.2, 2.0, 0.8};
        Chain.Pass p = Chain.run(0.7, w, new Sigmoid());
        assertArrayEquals(new double[]{0.7, 0.5866175789173301, 0.33093901633499007, 0.6596821361727812, 0.6289571810743795},
                p.h(), 1e-15);
        assertArrayEquals(new double[]{-0.0027005770222644134, -0.022273039444517254, 0.08382712349821762,
                0.18669603635947976, 1.0}, p.gradient(), 1e-15);
        double h = 1e-6;
        double fd = (Chain.run(0.7 + h, w, new Sigmoid()).h()[4] - Chain.run(0.7 - h, w, new Sigmoid()).h()[4]) / (2 * h);
        assertEquals(fd, p.inputGradient(), 1e-10);
        assertEquals(9.5367431640625e-07, Chain.sigmoidBound(10), 0);
        assertThrows(IllegalArgumentException.class, () -> Chain.run(1, new double[0], new Sigmoid()));
    }

    @Test
    void histogramCountsEveryValue() {
        Histogram hg = Histogram.of(new double[]{-2, -1, -0.5, 0, 0.25, 0.999, 1, 3}, 8, -1, 1, 4);
        assertArrayEquals(new long[]{1, 1, 2, 2}, hg.counts());       // [-1,-.5) [-.5,0) [0,.5) [.5,1]
        assertEquals(1, hg.below());
        assertEquals(1, hg.above());
        assertEquals(8, hg.total());
        assertArrayEquals(new double[]{-0.75, -0.25, 0.25, 0.75}, hg.centres(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[]{1}, 1, 1, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[]{Double.NaN}, 1, 0, 1, 3));
    }

    @Test
    void deadUnitsAreColumnsZeroOnEveryRow() {
        DMatrixRMaj out = new DMatrixRMaj(3, 4, true, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0);
        assertArrayEquals(new int[]{0, 2}, DeadUnits.zeroColumns(out));
        assertEquals(2, DeadUnits.count(out));
        DMatrixRMaj pre = new DMatrixRMaj(2, 3, true, -1, 0, 0.5, -2, 0, -1);
        assertArrayEquals(new int[]{0, 1}, DeadUnits.neverPositive(pre));   // 0 counts: ReLU(0) = 0
        assertThrows(IllegalArgumentException.class, () -> DeadUnits.count(new DMatrixRMaj(0, 3)));
    }

    @Test
    void layerStatsMatchTheClosedFormsForTheFirstLayer() {
        // 1000×500 N(0,1) through one 500-unit layer: pre-activations ~ N(0, 1) under fan-in scaling,
        // so tanh has std 0.6279287 and ReLU mean 1/√(2π), std 0.5838194 (scipy quadrature, setup_fixtures.py)
        Random rng = new Random(1);
        DMatrixRMaj x = new DMatrixRMaj(1000, 500);
        for (int k = 0; k < x.data.length; k++) {
            x.data[k] = rng.nextGaussian();
        }
        Sequential tanh = new Sequential(new SoftmaxCrossEntropy(), new Linear("l1", 500, 500, Init.fanInNormal(), rng), new Tanh());
        List<LayerStats.Row> rows = LayerStats.forward(tanh, x, -1, 1, 30);
        assertEquals(0.6279287303491067, rows.get(1).output().std(), 0.01);
        assertEquals(30, rows.get(1).histogram().bins());
        assertEquals(500000, rows.get(1).histogram().total());
        Sequential relu = new Sequential(new SoftmaxCrossEntropy(), new Linear("l1", 500, 500, Init.fanInNormal(), rng), new ReLU());
        LayerStats.Row r = LayerStats.forward(relu, x).get(1);
        assertEquals(0.39894228040143254, r.output().mean(), 0.01);
        assertEquals(0.5838193701035495, r.output().std(), 0.01);
        assertEquals(0.5, r.output().zeroFraction(), 0.01);
    }

    @Test
    void gradientStatsAgreeWithTheNetworksOwnBackwardAndLeaveItUntouched() {
        Random rng = new Random(2);
        Linear l1 = new Linear("l1", 4, 6, Init.glorotNormal(), rng);
        Linear l2 = new Linear("l2", 6, 3, Init.glorotNormal(), rng);
        Sequential net = new Sequential(new SoftmaxCrossEntropy(), l1, new Tanh(), l2);
        DMatrixRMaj x = new DMatrixRMaj(5, 4);
        for (int k = 0; k < x.data.length; k++) {
            x.data[k] = rng.nextGaussian();
        }
        int[] y = {0, 2, 1, 1, 0};
        List<LayerStats.Row> rows = LayerStats.forwardBackward(net, x, y);
        for (var p : net.params()) {
            for (double g : p.grad().data) {
                assertEquals(0, g, 0, "LayerStats must not leave gradients behind in " + p);
            }
        }
        // ∂L/∂(l1 output) summed over the batch = ∂L/∂b₁ from the network's own backward pass
        net.lossAndGradient(x, y);
        double sumBias = 0;
        for (double g : l1.bias().grad().data) {
            sumBias += g;
        }
        assertEquals(sumBias, rows.get(0).gradient().mean() * 5 * 6, 1e-14);
        assertNotNull(LayerStats.table("t", rows).column("gradient std"));
        assertThrows(IllegalArgumentException.class, () -> LayerStats.forwardBackward(net, x, new int[]{1}));
    }
}
