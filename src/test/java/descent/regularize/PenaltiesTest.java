package descent.regularize;

import descent.init.Init;
import descent.nn.Linear;
import descent.nn.Param;
import descent.nn.ReLU;
import descent.nn.Sequential;
import descent.nn.SoftmaxCrossEntropy;
import descent.data.Dataset;
import descent.optim.SGD;
import descent.train.Trainer;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Penalties: values and gradients against hand calculations, finite differences and the prior identities. */
class PenaltiesTest {

    static Param param(String name, Param.Role role, double... v) {
        return new Param(name, new DMatrixRMaj(1, v.length, true, v.clone()), role);
    }

    /** Central differences of penalty.value() for every entry of every tensor, against addGradient(). */
    static void checkGradient(Penalty penalty, List<Param> params, double tol) {
        for (Param p : params) {
            p.zeroGrad();
        }
        double v = penalty.addGradient();
        assertEquals(penalty.value(), v, 1e-12 * Math.max(1, Math.abs(v)), "addGradient returns the value");
        for (Param p : params) {
            double[] w = p.value().data;
            for (int j = 0; j < p.size(); j++) {
                double h = 1e-6, keep = w[j];
                w[j] = keep + h;
                double up = penalty.value();
                w[j] = keep - h;
                double down = penalty.value();
                w[j] = keep;
                double fd = (up - down) / (2 * h);
                assertEquals(fd, p.grad().data[j], tol * Math.max(1, Math.abs(fd)), p.name() + "[" + j + "]");
            }
        }
    }

    @Test
    void l2ValueAndGradientByHandAndBiasesAreExcludedByDefault() {
        Param w = param("W", Param.Role.WEIGHT, 1, -2, 3);
        Param b = param("b", Param.Role.BIAS, 5, 5);
        L2Penalty l2 = new L2Penalty(List.of(w, b), 0.5);
        assertEquals(List.of(w), l2.params());
        // (0.5/2)(1 + 4 + 9) = 3.5; the bias contributes nothing
        assertEquals(3.5, l2.value(), 1e-15);
        w.zeroGrad();
        b.zeroGrad();
        l2.addGradient();
        assertArrayEquals(new double[]{0.5, -1, 1.5}, w.grad().data, 1e-15);
        assertArrayEquals(new double[]{0, 0}, b.grad().data, 0);
        // including the bias on purpose: + 0.25·50
        l2.include(b);
        assertEquals(3.5 + 12.5, l2.value(), 1e-15);
    }

    @Test
    void linearLayerMarksItsBiasAndTheNetworkPenaltySkipsIt() {
        Linear fc = new Linear("fc", 3, 2, Init.he(), new Random(1));
        assertEquals(Param.Role.WEIGHT, fc.weight().role());
        assertEquals(Param.Role.BIAS, fc.bias().role());
        assertEquals(List.of(fc.weight()), new L2Penalty(fc.params(), 1).params());
        assertEquals(List.of(fc.weight()), Penalty.weights(fc.params()));
    }

    @Test
    void perLayerCoefficientsAndReferencePoint() {
        Param w1 = param("W1", Param.Role.WEIGHT, 1, 2);
        Param w2 = param("W2", Param.Role.WEIGHT, -1, 4);
        L2Penalty l2 = new L2Penalty(List.of(w1, w2), 0.1).coefficient(w2, 2.0).reference(w1, new double[]{1, 0});
        // 0.1/2·((1−1)² + 2²) + 2/2·(1 + 16) = 0.2 + 17
        assertEquals(17.2, l2.value(), 1e-14);
        checkGradient(l2, List.of(w1, w2), 1e-7);
        assertEquals(2.0, l2.coefficient(w2), 0);
        assertArrayEquals(new double[]{1, 0}, l2.reference(w1), 0);
        assertEquals(null, l2.reference(w2));
        // per-layer through the Layer overload
        Linear fc = new Linear("fc", 2, 2);
        L2Penalty net = new L2Penalty(fc.params(), 0.1).coefficient(fc, 0.7);
        assertEquals(0.7, net.coefficient(fc.weight()), 0);
        assertThrows(IllegalArgumentException.class, () -> net.coefficient(fc.bias(), 1.0), "the bias is not penalized");
    }

    @Test
    void l1SubgradientAndFiniteDifferencesAwayFromKinks() {
        Param w = param("W", Param.Role.WEIGHT, 0.5, -2, 0, 3);
        L1Penalty l1 = new L1Penalty(List.of(w), 0.3);
        assertEquals(0.3 * 5.5, l1.value(), 1e-15);
        w.zeroGrad();
        l1.addGradient();
        // eq. 7.20: α sign(w), sign(0) = 0
        assertArrayEquals(new double[]{0.3, -0.3, 0, 0.3}, w.grad().data, 0);
        Param v = param("V", Param.Role.WEIGHT, 0.5, -2, 0.25, 3);
        checkGradient(new L1Penalty(List.of(v), 0.3).reference(v, new double[]{0, -1, 1, 0}), List.of(v), 1e-7);
    }

    @Test
    void l1ProximalStepIsTheSoftThresholdAroundTheReference() {
        Param w = param("W", Param.Role.WEIGHT, 0.5, -2, 0.05, 3);
        L1Penalty l1 = new L1Penalty(List.of(w), 2.0);
        l1.proximalStep(0.1);                    // threshold εα = 0.2
        assertArrayEquals(new double[]{0.3, -1.8, 0, 2.8}, w.value().data, 1e-15);
        Param v = param("V", Param.Role.WEIGHT, 1.1, 0.95);
        new L1Penalty(List.of(v), 1.0).reference(v, new double[]{1, 1}).proximalStep(0.3);
        assertArrayEquals(new double[]{1, 1}, v.value().data, 0, "within εα of the reference: lands on it exactly");
    }

    @Test
    void gaussianPriorMatchesScipyAndIsotropicIsTheL2Penalty() {
        // src/test/python/regularize_fixtures.py: scipy.stats.multivariate_normal.logpdf
        GaussianPrior g = new GaussianPrior(new double[]{0.5, -1}, new DMatrixRMaj(new double[][]{{2, 0.3}, {0.3, 0.5}}));
        double[] grad = new double[2];
        assertEquals(-3.2440184299704278, g.logDensity(new double[]{1, 0.2}, grad), 1e-13);
        assertArrayEquals(new double[]{0.1208791208791209, -2.4725274725274726}, grad, 1e-13);
        // the penalty is the generalized Tikhonov term ½(w − μ)ᵀΣ⁻¹(w − μ) (the normalizer is removed)
        Param w = param("W", Param.Role.WEIGHT, 1, 0.2);
        PriorPenalty pen = new PriorPenalty(List.of(w), g);
        double tikhonov = -3.2440184299704278 - g.logNormalizer();
        assertEquals(-tikhonov, pen.value(), 1e-13);
        checkGradient(pen, List.of(w), 1e-7);
        // isotropic precision α: −log p + log Z = (α/2)‖w‖², gradient αw — the L² penalty (draft ch. 7, §7.2.3)
        Param a = param("A", Param.Role.WEIGHT, 0.3, -1.2, 2.0);
        Param b = param("B", Param.Role.WEIGHT, 0.3, -1.2, 2.0);
        PriorPenalty gp = new PriorPenalty(List.of(a), GaussianPrior.isotropic(3, 0.7));
        L2Penalty l2 = new L2Penalty(List.of(b), 0.7);
        assertEquals(l2.value(), gp.value(), 1e-14);
        a.zeroGrad();
        b.zeroGrad();
        gp.addGradient();
        l2.addGradient();
        assertArrayEquals(b.grad().data, a.grad().data, 1e-14);
    }

    @Test
    void laplacePriorMatchesScipyAndEquation724() {
        LaplacePrior lp = new LaplacePrior(new double[]{0, 1, -1}, new double[]{0.5, 2, 1});
        assertEquals(-6.679441541679836, lp.logDensity(new double[]{0.3, -1, 2}, null), 1e-13);
        // eq. 7.24: Σ log Laplace(wᵢ; 0, 1/α) = −α‖w‖₁ + n log α − n log 2
        double alpha = 1.7;
        double[] w = {0.4, -2.5, 0, 1.25};
        double expected = -alpha * (0.4 + 2.5 + 0 + 1.25) + 4 * Math.log(alpha) - 4 * Math.log(2);
        assertEquals(expected, LaplacePrior.isotropic(4, alpha).logDensity(w, null), 1e-13);
        // as a penalty: α‖w‖₁, the L¹ penalty, with the same subgradient
        Param a = param("A", Param.Role.WEIGHT, w);
        Param b = param("B", Param.Role.WEIGHT, w);
        PriorPenalty lap = new PriorPenalty(List.of(a), LaplacePrior.isotropic(4, alpha));
        L1Penalty l1 = new L1Penalty(List.of(b), alpha);
        assertEquals(l1.value(), lap.value(), 1e-13);
        a.zeroGrad();
        b.zeroGrad();
        lap.addGradient();
        l1.addGradient();
        assertArrayEquals(b.grad().data, a.grad().data, 1e-15);
    }

    @Test
    void aPriorOfYourOwnThroughTheLogPriorHook() {
        // a Cauchy prior, log p(w) = Σ −log(π(1 + wᵢ²)): the penalty is Σ log(1 + wᵢ²) + d log π
        LogPrior cauchy = new LogPrior() {
            public int dimension() {
                return 2;
            }

            public double logDensity(double[] w, double[] g) {
                double s = 0;
                for (int i = 0; i < 2; i++) {
                    s -= Math.log(Math.PI * (1 + w[i] * w[i]));
                    if (g != null) {
                        g[i] = -2 * w[i] / (1 + w[i] * w[i]);
                    }
                }
                return s;
            }
        };
        Param w = param("W", Param.Role.WEIGHT, 0.5, -3);
        PriorPenalty pen = new PriorPenalty(List.of(w), cauchy);
        assertEquals(Math.log(1.25) + Math.log(10) + 2 * Math.log(Math.PI), pen.value(), 1e-14);
        checkGradient(pen, List.of(w), 1e-7);
    }

    @Test
    void tyingPenaltyByHandAndFiniteDifferences() {
        Param a = param("A", Param.Role.WEIGHT, 1, 2);
        Param b = param("B", Param.Role.WEIGHT, 0, 4);
        TyingPenalty t = new TyingPenalty(a, b, 0.5);
        assertEquals(0.5 * (1 + 4), t.value(), 1e-15);
        checkGradient(t, List.of(a, b), 1e-7);
        assertThrows(IllegalArgumentException.class, () -> new TyingPenalty(a, param("C", Param.Role.WEIGHT, 1), 1));
        assertThrows(IllegalArgumentException.class, () -> new TyingPenalty(a, a, 1));
    }

    @Test
    void sumAddsValuesAndGradients() {
        Param w = param("W", Param.Role.WEIGHT, 1, -2);
        Penalty s = Penalty.sum(new L2Penalty(List.of(w), 1), new L1Penalty(List.of(w), 0.5));
        assertEquals(2.5 + 1.5, s.value(), 1e-15);
        checkGradient(s, List.of(w), 1e-7);
        assertEquals("L2 + L1", s.name());
    }

    @Test
    void badCoefficientsAndShapesAreRefusedWithTheValue() {
        Param w = param("W", Param.Role.WEIGHT, 1, 2);
        var e = assertThrows(IllegalArgumentException.class, () -> new L2Penalty(List.of(w), -0.1));
        assertTrue(e.getMessage().contains("-0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new L1Penalty(List.of(w), Double.NaN));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new L2Penalty(List.of(w), 1).coefficient(w, Double.POSITIVE_INFINITY));
        assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new L2Penalty(List.of(w), 1).reference(w, new double[3]));
        assertTrue(e.getMessage().contains("2 entries") && e.getMessage().contains("got 3"), e.getMessage());
        // a covariance that is not positive definite: the message names the eigenvalue (−1 here)
        e = assertThrows(IllegalArgumentException.class,
                () -> new GaussianPrior(new double[2], new DMatrixRMaj(new double[][]{{0, 1}, {1, 0}})));
        assertTrue(e.getMessage().contains("positive definite") && e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new GaussianPrior(new double[2], new DMatrixRMaj(new double[][]{{1, 0.5}, {0.2, 1}})));
        assertTrue(e.getMessage().contains("symmetric"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LaplacePrior(new double[2], new double[]{1, 0}));
        assertTrue(e.getMessage().contains("η_1") && e.getMessage().contains("0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PriorPenalty(List.of(w), GaussianPrior.isotropic(3, 1)));
        assertTrue(e.getMessage().contains("dimension 3"), e.getMessage());
    }

    @Test
    void trainerAddsThePenaltyToEveryMinibatchStep() {
        // one full-batch SGD step with the trainer + L2 equals the hand-made step (1 − εα)W − ε∇J, b − ε∇J
        Random rng = new Random(3);
        DMatrixRMaj x = new DMatrixRMaj(8, 3);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rng.nextGaussian();
        }
        int[] y = {0, 1, 0, 1, 1, 0, 0, 1};
        Sequential a = net(5), b = net(5);
        double eps = 0.1, alpha = 0.3;
        new Trainer(a, new SGD(a.params(), eps), new Random(0)).batchSize(8).epochs(1).progress(null)
                .penalty(new L2Penalty(a.params(), alpha)).fit(new Dataset("d", x, y, 2));
        b.lossAndGradient(x, y);
        for (Param p : b.params()) {
            double decay = p.role() == Param.Role.WEIGHT ? eps * alpha : 0;
            for (int j = 0; j < p.size(); j++) {
                p.value().data[j] = (1 - decay) * p.value().data[j] - eps * p.grad().data[j];
            }
        }
        for (int k = 0; k < a.params().size(); k++) {
            assertArrayEquals(b.params().get(k).value().data, a.params().get(k).value().data, 1e-14);
        }
    }

    private static Sequential net(long seed) {
        Random r = new Random(seed);
        return new Sequential(new SoftmaxCrossEntropy(), new Linear("fc1", 3, 4, Init.he(), r), new ReLU(),
                new Linear("fc2", 4, 2, Init.he(), r));
    }

    @Test
    void addGradientAllocatesNothing() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Sequential n = net(1);
        Param w = n.params().get(0);
        Penalty p = Penalty.sum(new L2Penalty(n.params(), 0.1).coefficient(w, 0.2), new L1Penalty(n.params(), 0.01),
                new PriorPenalty(List.of(w), GaussianPrior.isotropic(w.size(), 2)),
                new PriorPenalty(List.of(w), LaplacePrior.isotropic(w.size(), 2)));
        for (int i = 0; i < 20000; i++) {
            p.addGradient();
        }
        long tid = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 1000; i++) {
            p.addGradient();
        }
        long perCall = (bean.getThreadAllocatedBytes(tid) - before) / 1000;
        assertTrue(perCall < 16, "addGradient allocated " + perCall + " bytes per call");
    }
}
