package descent.init;

import descent.init.datadependent.Lsuv;
import descent.nn.Linear;
import descent.nn.ReLU;
import descent.nn.Sequential;
import descent.nn.SoftmaxCrossEntropy;
import descent.nn.Tanh;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Each rule's sample variance against the variance it declares, and each declared variance against the formula of
 * the text (not against the code's own expression): a factor of 2 or 3, a missing square root or fan-out used for
 * fan-in would fail. 300×100 = 30000 draws give a relative standard error of √(2/30000) ≈ 0.8 % for the variance
 * of a normal, so 4 % is five standard errors.
 */
class InitRulesTest {

    static double variance(DMatrixRMaj w) {
        double s = 0, ss = 0;
        int n = w.getNumElements();
        for (int k = 0; k < n; k++) {
            s += w.data[k];
            ss += w.data[k] * w.data[k];
        }
        return ss / n - (s / n) * (s / n);
    }

    static double maxAbs(DMatrixRMaj w) {
        return CommonOps_DDRM.elementMaxAbs(w);
    }

    private static void sampled(Init rule, int r, int s, double expectedVariance) {
        DMatrixRMaj w = new DMatrixRMaj(r, s);
        rule.fill(w, new Random(7));
        assertEquals(expectedVariance, rule.variance(r, s), 1e-15 * expectedVariance, rule + ": declared variance");
        assertEquals(expectedVariance, variance(w), 0.04 * expectedVariance, rule + ": sample variance");
    }

    @Test
    void everyRuleHasTheVarianceOfItsFormula() {
        int r = 300, s = 100;
        sampled(Init.normal(0.01), r, s, 1e-4);
        sampled(Init.uniform(0.05), r, s, 0.05 * 0.05 / 3);
        sampled(Init.fanInNormal(), r, s, 1.0 / r);
        sampled(Init.lecunNormal(), r, s, 1.0 / r);
        sampled(Init.fanInUniform(), r, s, 1.0 / (3 * r));      // Aggarwal §3.3.3: 1/(3r), not 1/r
        sampled(Init.lecunUniform(), r, s, 1.0 / r);
        sampled(Init.glorotNormal(), r, s, 2.0 / (r + s));
        sampled(Init.glorotUniform(), r, s, 0.005);              // Goodfellow et al. eq. 8.23 with m = 300, n = 100
        sampled(Init.heNormal(), r, s, 2.0 / r);
        sampled(Init.heUniform(), r, s, 2.0 / r);
        sampled(Init.truncatedNormal(0.05), r, s, 0.05 * 0.05 * 0.7737413035499232); // scipy truncnorm(−2, 2).var()
        sampled(Init.varianceScaling(1, Init.Mode.FAN_IN, Init.Distribution.NORMAL), r, s, 1.0 / r);
        sampled(Init.varianceScaling(1, Init.Mode.FAN_OUT, Init.Distribution.UNIFORM), r, s, 1.0 / s);
        sampled(Init.varianceScaling(2, Init.Mode.FAN_AVG, Init.Distribution.TRUNCATED_NORMAL), r, s, 2.0 / 200);
        sampled(Init.orthogonal(1.5), r, s, 2.25 / r);
        sampled(Init.orthogonal(1.0), s, r, 1.0 / r);
        sampled(Init.sparse(60, 1.0), r, 2000, 60.0 / r);   // 6·10⁵ entries: sparse draws are heavier-tailed
    }

    @Test
    void aliasesMatchTheirFormulas() {
        DMatrixRMaj a = new DMatrixRMaj(40, 30), b = new DMatrixRMaj(40, 30);
        Init.xavier().fill(a, new Random(3));
        Init.glorotNormal().fill(b, new Random(3));
        assertArrayEquals(b.data, a.data, 0);
        Init.he().fill(a, new Random(3));
        Init.varianceScaling(2, Init.Mode.FAN_IN, Init.Distribution.NORMAL).fill(b, new Random(3));
        assertArrayEquals(b.data, a.data, 1e-15);
        Init.xavierUniform().fill(a, new Random(3));
        Init.varianceScaling(1, Init.Mode.FAN_AVG, Init.Distribution.UNIFORM).fill(b, new Random(3));
        assertArrayEquals(b.data, a.data, 1e-15);
    }

    @Test
    void uniformRulesStayInsideTheirLimits() {
        DMatrixRMaj w = new DMatrixRMaj(300, 100);
        Init.glorotUniform().fill(w, new Random(1));
        double limit = Math.sqrt(6.0 / 400);
        assertTrue(maxAbs(w) <= limit && maxAbs(w) > 0.99 * limit, "eq. 8.23 limit " + limit + ", max " + maxAbs(w));
        Init.truncatedNormal(0.05).fill(w, new Random(1));
        assertTrue(maxAbs(w) <= 0.1 && maxAbs(w) > 0.099, "truncated at 2σ = 0.1, max " + maxAbs(w));
    }

    @Test
    void orthogonalGivesOrthonormalColumnsOrRows() {
        for (int[] shape : new int[][]{{50, 20}, {20, 50}, {30, 30}}) {
            DMatrixRMaj w = new DMatrixRMaj(shape[0], shape[1]);
            Init.orthogonal(2.0).fill(w, new Random(5));
            boolean tall = shape[0] >= shape[1];
            int k = Math.min(shape[0], shape[1]);
            DMatrixRMaj g = new DMatrixRMaj(k, k);
            if (tall) {
                CommonOps_DDRM.multTransA(w, w, g);
            } else {
                CommonOps_DDRM.multTransB(w, w, g);
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    assertEquals(i == j ? 4.0 : 0.0, g.get(i, j), 1e-12, "g²I entry " + i + "," + j + " for " + shape[0] + "x" + shape[1]);
                }
            }
        }
    }

    @Test
    void sparseHasExactlyKNonZerosPerUnit() {
        DMatrixRMaj w = new DMatrixRMaj(40, 25);
        Init.sparse(6, 1.0).fill(w, new Random(2));
        for (int j = 0; j < 25; j++) {
            int nz = 0;
            for (int i = 0; i < 40; i++) {
                nz += w.get(i, j) != 0 ? 1 : 0;
            }
            assertEquals(6, nz, "unit " + j);
        }
        assertThrows(IllegalArgumentException.class, () -> Init.sparse(41, 1.0).fill(w, new Random(1)));
    }

    @Test
    void identityAndConstant() {
        DMatrixRMaj w = new DMatrixRMaj(3, 4);
        Init.identity(2).fill(w, new Random(1));
        assertArrayEquals(new double[]{2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0}, w.data, 0);
        Init.constant(0.3).fill(w, new Random(1));
        for (double v : w.data) {
            assertEquals(0.3, v, 0);
        }
    }

    @Test
    void badInputNamesTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Init.heNormal().fill(new DMatrixRMaj(0, 5), new Random(1)));
        assertTrue(e.getMessage().contains("fan-in 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Init.glorotNormal().variance(0, 3));
        assertTrue(e.getMessage().contains("got 0 and 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Init.normal(-0.5));
        assertTrue(e.getMessage().contains("-0.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Init.orthogonal(0));
        assertThrows(IllegalArgumentException.class, () -> Init.sparse(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Init.constant(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Init.varianceScaling(1, null, Init.Distribution.NORMAL));
    }

    @Test
    void biasFromClassMarginals() {
        // numpy (src/test/python/setup_fixtures.py): counts 50/30/15/5
        int[] counts = {50, 30, 15, 5};
        double[] b = Bias.logMarginals(counts);
        assertArrayEquals(new double[]{-0.6931471805599453, -1.203972804325936, -1.8971199848858813, -2.995732273553991}, b, 1e-15);
        // softmax(b) = c, and the cross-entropy of predicting c is H(c) = 1.1421200429883351 < log 4
        double z = 0;
        for (double v : b) {
            z += Math.exp(v);
        }
        double loss = 0;
        for (int k = 0; k < 4; k++) {
            assertEquals(counts[k] / 100.0, Math.exp(b[k]) / z, 1e-15);
            loss -= counts[k] / 100.0 * Math.log(Math.exp(b[k]) / z);
        }
        assertEquals(1.1421200429883351, loss, 1e-14);
        assertEquals(1.1421200429883351, Bias.entropy(new double[]{0.5, 0.3, 0.15, 0.05}), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bias.logMarginals(new int[]{3, 0}));
        assertTrue(e.getMessage().contains("class 1"), e.getMessage());
        assertArrayEquals(new int[]{1, 2, 0}, Bias.counts(new int[]{1, 0, 1}, 3));
        assertEquals(Math.log(0.2 / 0.8), Bias.logit(0.2), 1e-15);
        Bias.GaussianOutput g = Bias.gaussianOutput(new double[]{1, 3, 5});
        assertEquals(3, g.bias(), 1e-15);
        assertEquals(3.0 / 8, g.precision(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Bias.gaussianOutput(new double[]{2, 2}));
        assertThrows(IllegalArgumentException.class, () -> Bias.logit(1));
    }

    @Test
    void lsuvBringsEveryLinearOutputToUnitVariance() {
        Random rng = new Random(4);
        Sequential net = new Sequential(new SoftmaxCrossEntropy(),
                new Linear("a", 20, 30, Init.normal(0.01), rng), new Tanh(),
                new Linear("b", 30, 30, Init.normal(3.0), rng), new ReLU(),
                new Linear("c", 30, 5, Init.orthogonal(1), rng));
        // a bias that differs between units adds variance the weights' scale does not touch: more than one round
        double[] bias = ((Linear) net.layers().get(2)).bias().value().data;
        for (int j = 0; j < bias.length; j++) {
            bias[j] = 0.4 * Math.sin(j);
        }
        DMatrixRMaj x = new DMatrixRMaj(200, 20);
        for (int k = 0; k < x.data.length; k++) {
            x.data[k] = rng.nextGaussian();
        }
        List<Lsuv.Step> steps = new Lsuv().apply(net, x);
        assertEquals(3, steps.size());
        // independent: run the network's own forward pass and measure the Linear outputs
        DMatrixRMaj z = x;
        for (int i = 0; i < net.layers().size(); i++) {
            z = net.layers().get(i).forward(z, new descent.nn.Cache()).copy();
            if (net.layers().get(i) instanceof Linear) {
                assertEquals(1.0, variance(z), 0.01, "layer " + i);
            }
        }
        assertTrue(steps.get(0).stdBefore() < 0.1, steps.get(0).toString());
        assertTrue(steps.get(1).rescalings() >= 2, steps.get(1).toString());
        assertThrows(IllegalArgumentException.class, () -> new Lsuv(0, 0.01, 10));
    }
}
