package descent.nn;

import descent.check.GradientCheck;
import descent.init.Init;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class SequentialTest {

    private static Sequential net(Random rng, Reduction red) {
        return new Sequential(new SoftmaxCrossEntropy(red),
                new Linear("fc1", 6, 5, Init.xavier(), rng), new Tanh(),
                new Linear("fc2", 5, 4, Init.xavier(), rng), new Sigmoid(),
                new Linear("fc3", 4, 3, Init.xavier(), rng));
    }

    @Test
    void backpropMatchesAFullGradientCheck() {
        Random rng = new Random(5);
        Sequential net = net(rng, Reduction.MEAN);
        DMatrixRMaj x = FiniteDifferences.random(7, 6, rng);
        int[] y = {0, 1, 2, 2, 1, 0, 1};
        GradientCheck.Report report = GradientCheck.run(net.params(), net.oracle(x, y),
                GradientCheck.Scheme.CENTRAL, 1e-5, 1000, rng);
        assertEquals(net.parameterCount(), report.entries().size());
        assertTrue(report.passes(GradientCheck.STRICT), report.toString());
    }

    @Test
    void networkIsAnObjectiveThroughParamsObjective() {
        Random rng = new Random(6);
        Sequential net = net(rng, Reduction.SUM);
        DMatrixRMaj x = FiniteDifferences.random(4, 6, rng);
        int[] y = {2, 0, 1, 1};
        ParamsObjective f = new ParamsObjective(net.params(), net.oracle(x, y));
        double[] w = f.read(new double[f.dimension()]);
        double[] g = new double[f.dimension()];
        double value = f.valueAndGradient(w, g);
        assertEquals(net.loss(x, y), value, 1e-12);
        double[] est = GradientCheck.gradient(f::value, w.clone(), 1e-5, GradientCheck.Scheme.CENTRAL);
        for (int k = 0; k < g.length; k++) {
            assertTrue(GradientCheck.relativeError(g[k], est[k], 1e-10) < 1e-6, "entry " + k);
        }
    }

    @Test
    void sumReductionIsBatchSizeTimesMean() {
        DMatrixRMaj x = FiniteDifferences.random(9, 6, new Random(3));
        int[] y = {0, 1, 2, 0, 1, 2, 0, 1, 2};
        Sequential mean = net(new Random(1), Reduction.MEAN);
        Sequential sum = net(new Random(1), Reduction.SUM);
        assertEquals(9 * mean.lossAndGradient(x, y), sum.lossAndGradient(x, y), 1e-10);
        for (int p = 0; p < mean.params().size(); p++) {
            double[] a = mean.params().get(p).grad().data;
            double[] b = sum.params().get(p).grad().data;
            for (int k = 0; k < a.length; k++) {
                assertEquals(9 * a[k], b[k], 1e-10);
            }
        }
    }

    @Test
    void sharedLayerAppearsOnceAndItsGradientSumsOverCopies() {
        // §3.2.9: the same Linear used twice; its gradient is the sum of the two uses' gradients.
        Random rng = new Random(2);
        Linear shared = new Linear("tied", 3, 3, Init.xavier(), rng);
        Sequential net = new Sequential(new SquaredError(), shared, new Tanh(), shared);
        assertEquals(2, net.params().size());
        DMatrixRMaj x = FiniteDifferences.random(4, 3, rng);
        DMatrixRMaj t = FiniteDifferences.random(4, 3, rng);
        GradientCheck.Report r = GradientCheck.run(net.params(), net.oracle(x, t), GradientCheck.Scheme.CENTRAL, 1e-5, 100, rng);
        assertTrue(r.passes(GradientCheck.STRICT), r.toString());
    }

    @Test
    void nonFiniteLossNamesTheStep() {
        Sequential net = net(new Random(1), Reduction.MEAN);
        DMatrixRMaj x = FiniteDifferences.random(2, 6, new Random(2));
        net.lossAndGradient(x, new int[]{0, 1});
        net.params().get(4).value().data[0] = Double.NaN; // fc3.W, as a diverging run leaves it
        NonFiniteLossException e = assertThrows(NonFiniteLossException.class, () -> net.lossAndGradient(x, new int[]{0, 1}));
        assertEquals(2, e.step());
        assertTrue(e.getMessage().contains("step 2") && e.getMessage().contains("learning rate"), e.getMessage());
        // NaN in the input is the data's fault, and said so (row and column)
        x.data[3] = Double.NaN;
        NonFiniteInputException in = assertThrows(NonFiniteInputException.class, () -> net.lossAndGradient(x, new int[]{0, 1}));
        assertEquals(0, in.row());
        assertEquals(3, in.column());
    }
}
