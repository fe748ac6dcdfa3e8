package descent.nn;

import descent.check.GradientCheck;
import descent.init.Init;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class MultitaskNetworkTest {

    private static DMatrixRMaj rand(int r, int c, long seed) {
        return FiniteDifferences.random(r, c, new Random(seed));
    }

    private static double[] grads(List<Param> ps) {
        return ps.stream().flatMapToDouble(p -> java.util.Arrays.stream(p.grad().data, 0, p.size())).toArray();
    }

    @Test
    void gradientEqualsTheSumOfTheSingleTaskGradientsComputedBySeparateNetworks() {
        Random rng = new Random(1);
        Linear shared = new Linear("shared", 4, 5, Init.xavier(), rng);
        Linear h1 = new Linear("h1", 5, 3, Init.xavier(), rng);
        Linear h2 = new Linear("h2", 5, 2, Init.xavier(), rng);
        Tanh act = new Tanh();
        MultitaskNetwork mt = new MultitaskNetwork(List.of(shared, act), List.of(
                new MultitaskNetwork.Task("classify", List.of(h1), new SoftmaxCrossEntropy(), 0.7),
                new MultitaskNetwork.Task("regress", List.of(h2), new SquaredError(), 2.5)));
        DMatrixRMaj x = rand(6, 4, 2);
        int[] y = {0, 1, 2, 2, 1, 0};
        DMatrixRMaj t = rand(6, 2, 3);
        double j = mt.lossAndGradient(MultitaskNetwork.Batch.of(x, y), MultitaskNetwork.Batch.of(x, t));
        double[] joint = grads(mt.params());
        // independent route: two ordinary Sequentials over the same layer objects, gradients weighted and added
        Sequential a = new Sequential(new SoftmaxCrossEntropy(), shared, new Tanh(), h1);
        Sequential b = new Sequential(new SquaredError(), shared, new Tanh(), h2);
        mt.zeroGrad();
        double la = a.lossAndGradient(x, y);
        double[] ga = grads(mt.params());
        mt.zeroGrad();
        double lb = b.lossAndGradient(x, t);
        double[] gb = grads(mt.params());
        assertEquals(0.7 * la + 2.5 * lb, j, 1e-12);
        assertArrayEquals(new double[]{la, lb}, mt.lastTaskLosses(), 1e-12);
        // params order: shared.W, shared.b, h1.W, h1.b, h2.W, h2.b; Sequential a leaves h2's gradient at 0 and b leaves h1's
        for (int k = 0; k < joint.length; k++) {
            assertEquals(0.7 * ga[k] + 2.5 * gb[k], joint[k], 1e-12, "entry " + k);
        }
    }

    @Test
    void finiteDifferencesWithSharedAndSeparateInputs() {
        Random rng = new Random(4);
        MultitaskNetwork mt = new MultitaskNetwork(
                List.of(new Linear("s", 3, 4, Init.xavier(), rng), new Sigmoid()),
                List.of(new MultitaskNetwork.Task("a", new SoftmaxCrossEntropy(), new Linear("a", 4, 3, Init.xavier(), rng)),
                        new MultitaskNetwork.Task("b", List.of(new Linear("b", 4, 3, Init.xavier(), rng)), new SquaredError(), 0.5),
                        new MultitaskNetwork.Task("c", List.of(), new SquaredError(), 1.5)));
        DMatrixRMaj x1 = rand(5, 3, 5), x2 = rand(7, 3, 6);
        int[] y = {0, 2, 1, 1, 0};
        GradientCheck.Report r = GradientCheck.run(mt.params(), mt.oracle(MultitaskNetwork.Batch.of(x1, y),
                MultitaskNetwork.Batch.of(x2, x2), MultitaskNetwork.Batch.of(x1, rand(5, 4, 7))),
                GradientCheck.Scheme.CENTRAL, 1e-6, 100, new Random(0));
        assertTrue(r.maxError() < 1e-6, r.toString());
    }

    @Test
    void aNullBatchLeavesTheTaskOut() {
        Random rng = new Random(9);
        Linear s = new Linear("s", 3, 4, Init.xavier(), rng), a = new Linear("a", 4, 2, Init.xavier(), rng);
        MultitaskNetwork mt = new MultitaskNetwork(List.of(s), List.of(
                new MultitaskNetwork.Task("a", new SoftmaxCrossEntropy(), a),
                new MultitaskNetwork.Task("b", new SquaredError(), new Linear("b", 4, 1, Init.xavier(), rng))));
        DMatrixRMaj x = rand(4, 3, 1);
        int[] y = {0, 1, 1, 0};
        double j = mt.lossAndGradient(MultitaskNetwork.Batch.of(x, y), null);
        assertEquals(new Sequential(new SoftmaxCrossEntropy(), s, a).loss(x, y), j, 1e-14);
        assertTrue(Double.isNaN(mt.lastTaskLosses()[1]));
    }

    @Test
    void semiSupervisedObjectiveIsCrossEntropyPlusLambdaTimesReconstruction() {
        Random rng = new Random(3);
        Linear enc = new Linear("enc", 6, 3, Init.xavier(), rng);
        Linear cls = new Linear("cls", 3, 2, Init.xavier(), rng);
        Linear dec = new Linear("dec", 3, 6, Init.xavier(), rng);
        SemiSupervisedNetwork ssl = new SemiSupervisedNetwork(List.of(enc, new Tanh()), List.of(cls), List.of(dec), 0.3);
        DMatrixRMaj xl = rand(3, 6, 1), xu = rand(8, 6, 2);
        int[] y = {1, 0, 1};
        double j = ssl.lossAndGradient(xl, y, xu);
        double[] g = grads(ssl.params());
        ssl.network().zeroGrad();
        double ce = new Sequential(new SoftmaxCrossEntropy(), enc, new Tanh(), cls).lossAndGradient(xl, y);
        double[] gce = grads(ssl.params());
        ssl.network().zeroGrad();
        double rec = new Sequential(new SquaredError(), enc, new Tanh(), dec).lossAndGradient(xu, xu);
        double[] grec = grads(ssl.params());
        assertEquals(ce + 0.3 * rec, j, 1e-12);
        for (int k = 0; k < g.length; k++) {
            assertEquals(gce[k] + 0.3 * grec[k], g[k], 1e-12, "entry " + k);
        }
        // reconstruction error by hand: ½‖x̂ − x‖² per row, mean over rows
        DMatrixRMaj xhat = ssl.reconstruct(xu);
        double byHand = 0;
        for (int k = 0; k < xu.data.length; k++) {
            byHand += 0.5 * (xhat.data[k] - xu.data[k]) * (xhat.data[k] - xu.data[k]);
        }
        assertEquals(byHand / 8, rec, 1e-12);
    }

    @Test
    void badInputIsNamed() {
        Linear s = new Linear("s", 3, 4);
        var e = assertThrows(IllegalArgumentException.class, () -> new MultitaskNetwork.Task("t", List.of(s), new SquaredError(), -1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        MultitaskNetwork mt = new MultitaskNetwork(List.of(s), List.of(new MultitaskNetwork.Task("t", new SquaredError())));
        e = assertThrows(IllegalArgumentException.class, () -> mt.lossAndGradient());
        assertTrue(e.getMessage().contains("0 batches for 1 tasks"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> mt.lossAndGradient(MultitaskNetwork.Batch.of(new DMatrixRMaj(3, 3), new DMatrixRMaj(2, 4))));
        assertTrue(e.getMessage().contains("3x3") && e.getMessage().contains("2 targets"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> mt.lossAndGradient((MultitaskNetwork.Batch) null));
        assertThrows(IllegalArgumentException.class, () -> new SemiSupervisedNetwork(List.of(s), List.of(), List.of(), Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new MultitaskNetwork(List.of(), List.of()));
    }
}
