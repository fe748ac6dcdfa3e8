package descent.regularize.sparse;

import descent.check.GradientCheck;
import descent.init.Init;
import descent.nn.*;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class SparseRepresentationsTest {

    private static DMatrixRMaj random(int r, int c, Random rng) {
        DMatrixRMaj m = new DMatrixRMaj(r, c);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextGaussian();
        }
        return m;
    }

    @Test
    void valuesByHand() {
        DMatrixRMaj h = new DMatrixRMaj(new double[][]{{0.5, -2, 0}, {1, 0, 3}});
        // L¹: (α/m) Σ|h| = 0.1/2 · 6.5
        assertEquals(0.1 / 2 * 6.5, new ActivationL1(0.1).value(h), 1e-15);
        // Student-t with ν = 1: (α/m) Σ log(1 + h²)
        double st = Math.log(1.25) + Math.log(5) + Math.log(2) + Math.log(10);
        assertEquals(0.3 / 2 * st, new StudentTPenalty(0.3, 1).value(h), 1e-14);
        // mean target: means (0.75, −1, 1.5), ρ = 0.5 → α Σ (ρ̂ − ρ)² = 2·(0.0625 + 2.25 + 1)
        assertEquals(2 * (0.0625 + 2.25 + 1), new MeanActivationTarget(2, 0.5).value(h), 1e-14);
        // KL: means (0.2, 0.6) with ρ = 0.2 → only unit 1 contributes 0.2 log(0.2/0.6) + 0.8 log(0.8/0.4)
        DMatrixRMaj s = new DMatrixRMaj(new double[][]{{0.1, 0.5}, {0.3, 0.7}});
        KlSparsity kl = new KlSparsity(3, 0.2);
        assertEquals(3 * (0.2 * Math.log(0.2 / 0.6) + 0.8 * Math.log(0.8 / 0.4)), kl.value(s), 1e-14);
        assertArrayEquals(new double[]{0.2, 0.6}, kl.meanActivations(), 1e-15);
    }

    @Test
    void klIsZeroExactlyAtTheTargetAndPositiveElsewhere() {
        KlSparsity kl = new KlSparsity(1, 0.01);
        DMatrixRMaj at = new DMatrixRMaj(new double[][]{{0.015, 0.005}, {0.005, 0.015}});
        assertEquals(0, kl.value(at), 1e-16);
        assertTrue(kl.value(new DMatrixRMaj(new double[][]{{0.02, 0.01}})) > 0);
    }

    /** Each penalty layer inside a network: ∇(J + αΩ) against central differences of J + αΩ. */
    @Test
    void gradientsOfLossPlusPenaltyMatchFiniteDifferences() {
        Random rng = new Random(5);
        DMatrixRMaj x = random(6, 4, rng);
        int[] y = {0, 1, 2, 0, 1, 2};
        List<ActivityPenalty> penalties = List.of(new ActivationL1(0.3), new StudentTPenalty(0.5, 0.7),
                new KlSparsity(0.4, 0.05), new MeanActivationTarget(1.5, 0.1));
        for (ActivityPenalty pen : penalties) {
            Random r = new Random(7);
            // Sigmoid keeps KL's activations in (0, 1); Tanh gives signed values for the others (L¹ away from its kink)
            Layer act = pen instanceof KlSparsity ? new Sigmoid() : new Tanh();
            Sequential net = new Sequential(new SoftmaxCrossEntropy(), new Linear("fc1", 4, 5, Init.xavier(), r), act, pen,
                    new Linear("fc2", 5, 3, Init.xavier(), r));
            GradientOracle total = () -> net.lossAndGradient(x, y) + pen.value();
            GradientCheck.Report rep = GradientCheck.run(net.params(), total, GradientCheck.Scheme.CENTRAL, 1e-6, 100, new Random(1));
            assertTrue(rep.maxError() < 1e-6, pen.name() + "\n" + rep);
        }
    }

    @Test
    void l1OnReluActivationsDrivesUnitsToExactZeros() {
        Random rng = new Random(3);
        DMatrixRMaj x = random(40, 6, rng);
        int fracBefore;
        int[] zeros = new int[2];
        for (int run = 0; run < 2; run++) {
            Random r = new Random(11);
            ActivationL1 pen = new ActivationL1(run == 0 ? 0 : 0.5);
            Linear enc = new Linear("enc", 6, 12, Init.he(), r);
            Sequential net = new Sequential(new SquaredError(), enc, new ReLU(), pen, new Linear("dec", 12, 6, Init.xavier(), r));
            descent.optim.Adam opt = new descent.optim.Adam(net.params(), 0.01);
            for (int s = 0; s < 400; s++) {
                opt.step(net.oracle(x, x));
            }
            DMatrixRMaj h = new Sequential(new SquaredError(), enc, new ReLU()).forward(x);
            for (double v : h.data) {
                if (v == 0) {
                    zeros[run]++;
                }
            }
        }
        assertTrue(zeros[1] > zeros[0] + 40, "zeros without penalty " + zeros[0] + ", with α = 0.5: " + zeros[1]);
    }

    private static DMatrixRMaj orthonormal(int d, Random rng) {
        DMatrixRMaj a = random(d, d, rng);
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(d, d);
        qr.decompose(a);
        return qr.getQ(null, false);
    }

    @Test
    void ompOnAnOrthonormalDictionaryIsTheTopKShortcut() {
        Random rng = new Random(2);
        DMatrixRMaj w = orthonormal(8, rng);
        double[] x = random(1, 8, rng).data;
        for (int k = 1; k <= 8; k++) {
            assertArrayEquals(OrthogonalMatchingPursuit.topK(w, x, k), OrthogonalMatchingPursuit.encode(w, x, k), 1e-12, "k = " + k);
        }
        // and top-k is the exact minimizer: no other support of size 2 does better (all 28 checked)
        double best = OrthogonalMatchingPursuit.residual(w, x, OrthogonalMatchingPursuit.topK(w, x, 2));
        for (int a = 0; a < 8; a++) {
            for (int b = a + 1; b < 8; b++) {
                double[] h = new double[8];
                for (int j : new int[]{a, b}) {
                    for (int i = 0; i < 8; i++) {
                        h[j] += w.get(i, j) * x[i];
                    }
                }
                assertTrue(OrthogonalMatchingPursuit.residual(w, x, h) >= best - 1e-12);
            }
        }
    }

    @Test
    void ompRecoversASparseCodeAndLeavesAResidualOrthogonalToItsAtoms() {
        Random rng = new Random(4);
        DMatrixRMaj w = random(30, 60, rng);
        for (int j = 0; j < 60; j++) {
            double nrm = 0;
            for (int i = 0; i < 30; i++) nrm += w.get(i, j) * w.get(i, j);
            for (int i = 0; i < 30; i++) w.set(i, j, w.get(i, j) / Math.sqrt(nrm));
        }
        double[] truth = new double[60];
        truth[3] = 2;
        truth[17] = -1.5;
        truth[42] = 1;
        DMatrixRMaj x = new DMatrixRMaj(30, 1);
        CommonOps_DDRM.mult(w, new DMatrixRMaj(60, 1, true, truth), x);
        assertArrayEquals(truth, OrthogonalMatchingPursuit.encode(w, x.data, 3), 1e-10);
        // with k = 2 on a dense x: residual ⟂ chosen atoms
        double[] xd = random(1, 30, rng).data;
        double[] h = OrthogonalMatchingPursuit.encode(w, xd, 2);
        DMatrixRMaj fit = new DMatrixRMaj(30, 1);
        CommonOps_DDRM.mult(w, new DMatrixRMaj(60, 1, true, h), fit);
        int nonzero = 0;
        for (int j = 0; j < 60; j++) {
            if (h[j] != 0) {
                nonzero++;
                double c = 0;
                for (int i = 0; i < 30; i++) c += w.get(i, j) * (xd[i] - fit.data[i]);
                assertEquals(0, c, 1e-12);
            }
        }
        assertEquals(2, nonzero);
    }

    @Test
    void badInputIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> new KlSparsity(1, 1.0));
        assertTrue(e.getMessage().contains("1.0"));
        e = assertThrows(IllegalArgumentException.class, () -> new ActivationL1(-0.1));
        assertTrue(e.getMessage().contains("-0.1"));
        assertThrows(IllegalArgumentException.class, () -> new StudentTPenalty(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new MeanActivationTarget(1, Double.NaN));
        e = assertThrows(IllegalArgumentException.class, () -> new KlSparsity(1, 0.1).value(new DMatrixRMaj(new double[][]{{-1, 0.5}})));
        assertTrue(e.getMessage().contains("unit 0") && e.getMessage().contains("-1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OrthogonalMatchingPursuit.encode(new DMatrixRMaj(5, 8), new double[4], 2));
        assertTrue(e.getMessage().contains("4") && e.getMessage().contains("5x8"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OrthogonalMatchingPursuit.topK(new DMatrixRMaj(5, 8), new double[5], 6));
        assertTrue(e.getMessage().contains("6"), e.getMessage());
    }
}
