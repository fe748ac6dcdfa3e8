package descent.regularize.adversarial;

import descent.check.GradientCheck;
import descent.init.Init;
import descent.nn.Linear;
import descent.nn.Param;
import descent.nn.ReLU;
import descent.nn.Sequential;
import descent.nn.SoftmaxCrossEntropy;
import descent.nn.Tanh;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class AdversarialTest {

    static DMatrixRMaj random(int r, int c, Random rng) {
        DMatrixRMaj m = new DMatrixRMaj(r, c);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextGaussian();
        }
        return m;
    }

    static Sequential mlp(long seed) {
        Random r = new Random(seed);
        return new Sequential(new SoftmaxCrossEntropy(), new Linear("fc1", 4, 5, Init.normal(0.8), r), new Tanh(),
                new Linear("fc2", 5, 3, Init.normal(0.8), r));
    }

    static final DMatrixRMaj X = random(6, 4, new Random(1));
    static final int[] Y = {0, 1, 2, 2, 1, 0};

    @Test
    void inputGradientMatchesCentralDifferencesOfTheLoss() {
        Sequential net = mlp(2);
        DMatrixRMaj g = new DMatrixRMaj(1, 1);
        double loss = net.lossAndInputGradient(X, Y, g);
        assertEquals(net.loss(X, Y), loss, 1e-14);
        assertEquals(6, g.numRows);
        assertEquals(4, g.numCols);
        double h = 1e-6;
        for (int i = 0; i < X.data.length; i++) {
            double keep = X.data[i];
            X.data[i] = keep + h;
            double plus = net.loss(X, Y);
            X.data[i] = keep - h;
            double minus = net.loss(X, Y);
            X.data[i] = keep;
            double fd = (plus - minus) / (2 * h);
            assertTrue(GradientCheck.relativeError(g.data[i], fd, 1e-9) < 1e-6, "entry " + i + ": " + g.data[i] + " vs " + fd);
        }
    }

    @Test
    void onALinearModelTheScoreChangesByEpsilonTimesTheL1NormOfW() {
        // two-class softmax regression: the score z1 − z0 = (w1 − w0)ᵀx + (b1 − b0); FGSM on label 0 raises it
        Random r = new Random(4);
        int n = 50;
        Linear lin = new Linear("lin", n, 2, Init.normal(1), r);
        Sequential net = new Sequential(new SoftmaxCrossEntropy(), lin);
        DMatrixRMaj x = random(3, n, r);
        double eps = 0.05;
        DMatrixRMaj adv = FastGradientSign.unclipped(eps).perturb(net, x, new int[]{0, 0, 0});
        double l1 = 0;
        for (int i = 0; i < n; i++) {
            l1 += Math.abs(lin.weight().value().get(i, 1) - lin.weight().value().get(i, 0));
        }
        DMatrixRMaj before = net.forward(x).copy(), after = net.forward(adv);
        for (int e = 0; e < 3; e++) {
            double delta = (after.get(e, 1) - after.get(e, 0)) - (before.get(e, 1) - before.get(e, 0));
            assertEquals(eps * l1, delta, 1e-10, "example " + e + ": Δ(score) = ε‖w‖₁");
            for (int i = 0; i < n; i++) {
                assertEquals(eps, Math.abs(adv.get(e, i) - x.get(e, i)), 1e-15, "every coordinate moves by exactly ε");
            }
        }
    }

    @Test
    void clippingKeepsTheInputRangeAndEpsilonZeroIsTheIdentity() {
        Sequential net = mlp(3);
        DMatrixRMaj x = new DMatrixRMaj(6, 4);
        Random r = new Random(5);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = r.nextDouble();
        }
        DMatrixRMaj adv = new FastGradientSign(0.3, 0, 1).perturb(net, x, Y);
        DMatrixRMaj g = new DMatrixRMaj(1, 1);
        net.lossAndInputGradient(x, Y, g);
        for (int i = 0; i < x.data.length; i++) {
            double expected = Math.min(1, Math.max(0, x.data[i] + 0.3 * Math.signum(g.data[i])));
            assertEquals(expected, adv.data[i], 0);
            assertTrue(adv.data[i] >= 0 && adv.data[i] <= 1);
        }
        assertArrayEquals(x.data, new FastGradientSign(0, 0, 1).perturb(net, x, Y).data, 0);
    }

    @Test
    void adversarialTrainingGradientIsTheAlphaMixOfCleanAndPerturbedGradients() {
        Sequential net = mlp(6);
        FastGradientSign fgsm = FastGradientSign.unclipped(0.2);
        double alpha = 0.3;
        AdversarialTraining at = new AdversarialTraining(net, fgsm, alpha);
        double value = at.oracle(net, X, Y).evaluate();
        List<Param> ps = net.params();
        double[][] mixed = new double[ps.size()][];
        for (int i = 0; i < ps.size(); i++) {
            mixed[i] = ps.get(i).grad().data.clone();
        }
        // independently: the perturbed batch, then the two gradients
        DMatrixRMaj adv = fgsm.perturb(net, X, Y);
        double lc = net.lossAndGradient(X, Y);
        double[][] gc = new double[ps.size()][];
        for (int i = 0; i < ps.size(); i++) {
            gc[i] = ps.get(i).grad().data.clone();
        }
        double la = net.lossAndGradient(adv, Y);
        assertEquals(alpha * lc + (1 - alpha) * la, value, 1e-13);
        assertTrue(la > lc, "the attack raises the loss: " + la + " vs " + lc);
        for (int i = 0; i < ps.size(); i++) {
            for (int j = 0; j < mixed[i].length; j++) {
                assertEquals(alpha * gc[i][j] + (1 - alpha) * ps.get(i).grad().data[j], mixed[i][j], 1e-13);
            }
        }
        // α = 1 is plain training
        AdversarialTraining clean = new AdversarialTraining(net, fgsm, 1.0);
        assertEquals(net.loss(X, Y), clean.oracle(net, X, Y).evaluate(), 1e-14);
    }

    @Test
    void badArgumentsAreRejectedWithTheirValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FastGradientSign.unclipped(-0.1));
        assertTrue(e.getMessage().contains("-0.1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FastGradientSign.unclipped(Double.NaN));
        e = assertThrows(IllegalArgumentException.class, () -> new FastGradientSign(0.1, 1, 0));
        assertTrue(e.getMessage().contains("[1.0, 0.0]"), e.getMessage());
        Sequential net = mlp(1);
        e = assertThrows(IllegalArgumentException.class, () -> new AdversarialTraining(net, FastGradientSign.unclipped(0.1), 1.5));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        AdversarialTraining at = new AdversarialTraining(net, FastGradientSign.unclipped(0.1), 0.5);
        assertThrows(IllegalArgumentException.class, () -> at.oracle(mlp(2), X, Y));
    }
}
