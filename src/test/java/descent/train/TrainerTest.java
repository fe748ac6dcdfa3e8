package descent.train;

import descent.data.Dataset;
import descent.data.Synthetic;
import descent.init.Init;
import descent.nn.Linear;
import descent.nn.ReLU;
import descent.nn.Sequential;
import descent.nn.SoftmaxCrossEntropy;
import descent.optim.Adam;
import descent.optim.Averaging;
import descent.optim.SGD;
import descent.optim.Schedule;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class TrainerTest {

    static Sequential net(long seed) {
        Random rng = new Random(seed);
        return new Sequential(new SoftmaxCrossEntropy(), new Linear("l1", 2, 16, Init.he(), rng), new ReLU(),
                new Linear("l2", 16, 3, Init.xavier(), rng));
    }

    @Test
    void trainsBlobsAndRecordsEveryStepAndEpoch() {
        Dataset data = Synthetic.blobs(40, 3, 3, 0.6, new Random(1));
        Sequential net = net(2);
        double before = Trainer.evaluate(net, data)[0];
        History h = new Trainer(net, new SGD(net.params(), 0.1), new Random(3)).batchSize(16).epochs(5).progress(null).fit(data);
        assertEquals(5, h.epochs().rowCount());
        assertEquals(5 * 8, h.steps().rowCount()); // 120 examples in batches of 16: 7 full + 1 of 8
        assertTrue(h.last("trainLoss") < 0.5 * before, "loss " + before + " → " + h.last("trainLoss"));
        assertTrue(h.last("trainAccuracy") > 0.95, "accuracy " + h.last("trainAccuracy"));
        assertTrue(Double.isNaN(h.last("valLoss")));
    }

    @Test
    void sameSeedSameHistory() {
        Dataset data = Synthetic.spirals(30, 3, 0.1, new Random(1));
        Sequential a = net(5), b = net(5);
        double[] ha = new Trainer(a, new Adam(a.params(), 0.01), new Random(7)).epochs(3).progress(null).fit(data).stepLosses();
        double[] hb = new Trainer(b, new Adam(b.params(), 0.01), new Random(7)).epochs(3).progress(null).fit(data).stepLosses();
        assertArrayEquals(ha, hb, 0);
        Sequential c = net(5);
        double[] hc = new Trainer(c, new Adam(c.params(), 0.01), new Random(8)).epochs(3).progress(null).fit(data).stepLosses();
        assertFalse(java.util.Arrays.equals(ha, hc), "a different shuffling seed should give different minibatches");
    }

    @Test
    void scheduleClippingAndAveragingAreApplied() {
        Dataset data = Synthetic.blobs(20, 3, 3, 0.6, new Random(1));
        Sequential net = net(2);
        Dataset[] parts = data.split(0.75, new Random(0));
        History h = new Trainer(net, new SGD(net.params(), 1), new Random(3)).batchSize(15).epochs(4)
                .schedule(Schedule.inverseTime(0.2, 1)).clipNorm(1.0).averaging(Averaging.exponential(net.params(), 0.9))
                .progress(null).fit(parts[0], parts[1]);
        double[] lr = h.steps().doubleColumn("lr").asDoubleArray();
        for (int k = 0; k < lr.length; k++) {
            assertEquals(0.2 / (1 + k), lr[k], 1e-15);
        }
        assertFalse(Double.isNaN(h.last("valAccuracy")));
        assertFalse(Double.isNaN(h.last("avgLoss")));
    }

    @Test
    void clippingBoundsEveryStep() {
        Dataset data = Synthetic.blobs(20, 3, 3, 0.6, new Random(1));
        Sequential net = net(2);
        double[] before = flat(net);
        new Trainer(net, new SGD(net.params(), 0.5), new Random(3)).batchSize(60).epochs(1).clipNorm(0.01).progress(null).fit(data);
        double[] after = flat(net);
        double s = 0;
        for (int i = 0; i < after.length; i++) {
            s += (after[i] - before[i]) * (after[i] - before[i]);
        }
        assertTrue(Math.sqrt(s) <= 0.5 * 0.01 + 1e-12, "one SGD step moved " + Math.sqrt(s));
    }

    @Test
    void divergenceNamesEpochAndStep() {
        Dataset data = Synthetic.blobs(20, 3, 3, 0.6, new Random(1));
        Sequential net = net(2);
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> new Trainer(net, new SGD(net.params(), 1e200), new Random(3)).batchSize(10).epochs(3).progress(null).fit(data));
        assertTrue(e.getMessage().contains("epoch 1") && e.getMessage().contains("step"), e.getMessage());
    }

    static double[] flat(Sequential net) {
        return net.params().stream().flatMapToDouble(p -> java.util.Arrays.stream(p.value().data, 0, p.size())).toArray();
    }
}
