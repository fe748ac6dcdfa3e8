package descent.train;

import descent.data.Dataset;
import descent.data.Synthetic;
import descent.nn.Param;
import descent.nn.Sequential;
import descent.optim.SGD;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.LongToDoubleFunction;

import static org.junit.jupiter.api.Assertions.*;

class EarlyStoppingTest {

    /** A fake training run: θ = (i, −2i), so the parameters name the step they were taken at. */
    static final class Counter {
        final Param theta = Param.vector("theta", 0, 0);
        long i;

        void train(int n) {
            i += n;
            theta.value().data[0] = i;
            theta.value().data[1] = -2.0 * i;
        }
    }

    /** An asymmetric U (Goodfellow et al. Fig. 7.3): quadratic fall to step 300, slow linear rise after it. */
    static double uCurve(long i) {
        return i <= 300 ? 1 + (i - 300) * (i - 300) / 1e4 : 1 + (i - 300) / 1000.0;
    }

    @Test
    void findsTheKnownBestStepAndRestoresItsParameters() {
        Counter c = new Counter();
        EarlyStopping es = new EarlyStopping(List.of(c.theta), 10, 5).run(c::train, () -> uCurve(c.i));
        assertEquals(300, es.bestStep());
        assertEquals(1.0, es.bestValue(), 0);
        // five evaluations after 300 without improvement: 310 … 350
        assertEquals(350, es.lastStep());
        assertEquals(35, es.evaluations());
        assertTrue(es.patienceExhausted());
        assertArrayEquals(new double[]{300, -600}, c.theta.value().data, 0, "θ* restored");
        assertEquals(350, c.i, "training really ran to step 350");
        Table h = es.history();
        assertEquals(35, h.rowCount());
        assertEquals(30, h.booleanColumn("improved").countTrue());
    }

    @Test
    void stopsWherePatienceFirstRunsOutOnANoisyCurve() {
        Random rng = new Random(11);
        double[] curve = new double[400];
        for (int e = 0; e < curve.length; e++) {
            curve[e] = Math.exp(-e / 40.0) + 0.002 * e + 0.05 * rng.nextGaussian();
        }
        for (int p : new int[]{1, 3, 8, 20}) {
            // reference: walk the curve keeping the running minimum, stop after p non-improvements in a row
            int best = -1, bad = 0, stopAt = -1;
            double v = Double.POSITIVE_INFINITY;
            for (int e = 0; e < curve.length; e++) {
                if (curve[e] < v) {
                    v = curve[e];
                    best = e;
                    bad = 0;
                } else if (++bad == p) {
                    stopAt = e;
                    break;
                }
            }
            assertTrue(stopAt > 0, "the reference run must stop for p = " + p);
            Counter c = new Counter();
            EarlyStopping es = new EarlyStopping(List.of(c.theta), 7, p)
                    .run(c::train, () -> curve[(int) (c.i / 7) - 1]);
            assertEquals(7L * (best + 1), es.bestStep(), "i* for p = " + p);
            assertEquals(7L * (stopAt + 1), es.lastStep(), "stopping step for p = " + p);
            assertEquals(7.0 * (best + 1), c.theta.value().data[0], 0, "restored θ for p = " + p);
        }
    }

    @Test
    void tiesKeepTheEarlierStep() {
        Counter c = new Counter();
        EarlyStopping es = new EarlyStopping(List.of(c.theta), 1, 3).maxSteps(100).run(c::train, () -> c.i < 4 ? 5 - c.i : 1);
        assertEquals(4, es.bestStep());
        assertEquals(7, es.lastStep());
    }

    @Test
    void theStepCapEndsARunThatKeepsImproving() {
        Counter c = new Counter();
        EarlyStopping es = new EarlyStopping(List.of(c.theta), 10, 2).maxSteps(200).run(c::train, () -> 1.0 / (1 + c.i));
        assertEquals(200, es.lastStep());
        assertEquals(200, es.bestStep());
        assertFalse(es.patienceExhausted());
        assertTrue(es.stopped());
    }

    @Test
    void badHyperparametersAreRejectedNamingTheValue() {
        Param p = Param.vector("w", 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(List.of(p), 10, 0));
        assertTrue(e.getMessage().contains("patience") && e.getMessage().contains("0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(List.of(p), 10, -3));
        assertTrue(e.getMessage().contains("-3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(List.of(p), 0, 5));
        assertTrue(e.getMessage().contains("interval") && e.getMessage().contains("0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(List.of(), 1, 5));
        e = assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(List.of(p), 10, 5).maxSteps(5));
        assertTrue(e.getMessage().contains("5"), e.getMessage());
        EarlyStopping es = new EarlyStopping(List.of(p), 1, 1);
        e = assertThrows(IllegalArgumentException.class, () -> es.observe(1, Double.NaN));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ContinueToTarget(Double.NaN, 1, 10));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ContinueToTarget(0.5, 0, 10));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
    }

    @Test
    void snapshotsAllocateNothingPerEvaluation() {
        Param big = new Param("big", new org.ejml.data.DMatrixRMaj(100, 100)); // 80 kB per copy
        EarlyStopping es = new EarlyStopping(List.of(big), 1, 1_000_000);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (int k = 1; k <= 20; k++) { // warm up
            es.observe(k, 1.0 / k);
        }
        long before = mx.getThreadAllocatedBytes(id);
        for (int k = 21; k <= 520; k++) {
            es.observe(k, 1.0 / k); // every one improves, so every one snapshots
        }
        long allocated = mx.getThreadAllocatedBytes(id) - before;
        // 500 copies would be 40 MB; the history arrays double a few times (well under 100 kB)
        assertTrue(allocated < 200_000, "500 snapshots allocated " + allocated + " bytes");
        assertEquals(520, es.bestStep());
    }

    /** Wraps a monitor and records (step, loss, a copy of θ) at each evaluation, to check the trainer independently. */
    static final class Recorder implements Trainer.Monitor {
        final Trainer.Monitor inner;
        final Sequential net;
        final List<Long> steps = new ArrayList<>();
        final List<Double> losses = new ArrayList<>();
        final List<double[]> thetas = new ArrayList<>();

        Recorder(Trainer.Monitor inner, Sequential net) {
            this.inner = inner;
            this.net = net;
        }

        public int interval() {
            return inner.interval();
        }

        public boolean start(DoubleSupplier v) {
            return inner.start(v);
        }

        public boolean observe(long step, double v) {
            steps.add(step);
            losses.add(v);
            thetas.add(TrainerTest.flat(net));
            return inner.observe(step, v);
        }

        public void finish() {
            inner.finish();
        }
    }

    @Test
    void trainerStopsAtPatienceAndLeavesTheBestParameters() {
        Dataset data = Synthetic.blobs(30, 3, 3, 2.0, new Random(1)); // overlapping blobs: validation loss turns up
        Dataset[] parts = data.split(0.3, new Random(2));
        Sequential net = TrainerTest.net(4);
        EarlyStopping es = new EarlyStopping(net.params(), 3, 4);
        Recorder rec = new Recorder(es, net);
        History h = new Trainer(net, new SGD(net.params(), 0.3), new Random(5)).batchSize(9).epochs(400).monitor(rec)
                .progress(null).fit(parts[0], parts[1]);
        int argmin = 0;
        for (int e = 1; e < rec.losses.size(); e++) {
            if (rec.losses.get(e) < rec.losses.get(argmin)) {
                argmin = e;
            }
        }
        assertTrue(es.patienceExhausted(), "the run should end by patience, not epochs");
        assertEquals(argmin + 1 + 4, rec.losses.size(), "p = 4 evaluations after the best");
        assertEquals(rec.steps.get(argmin), es.bestStep());
        assertEquals(h.stepCount(), rec.steps.get(rec.steps.size() - 1), "no steps after the stopping evaluation");
        assertArrayEquals(rec.thetas.get(argmin), TrainerTest.flat(net), 0, "θ* in the net");
        assertEquals(es.bestValue(), Trainer.evaluate(net, parts[1])[0], 1e-12, "validation loss of the restored net");
        for (long s : rec.steps) {
            assertEquals(0, s % 3, "evaluations every n = 3 steps");
        }
    }

    @Test
    void algorithm73ContinuesUntilTheTargetOrTheCap() {
        Counter c = new Counter();
        LongToDoubleFunction val = i -> 1.0 / (1 + i / 100.0);
        ContinueToTarget ct = new ContinueToTarget(0.5, 10, 10_000).run(c::train, () -> val.applyAsDouble(c.i));
        assertTrue(ct.reached());
        assertEquals(100, ct.steps()); // 1/(1 + i/100) ≤ 0.5 ⇔ i ≥ 100
        assertEquals(0.5, ct.lastValue(), 0);

        Counter never = new Counter();
        ContinueToTarget capped = new ContinueToTarget(0.2, 10, 300).run(never::train, () -> val.applyAsDouble(never.i) + 0.3);
        assertFalse(capped.reached());
        assertEquals(300, capped.steps());

        Counter already = new Counter();
        ContinueToTarget none = new ContinueToTarget(2.0, 10, 300).run(already::train, () -> 1.0);
        assertTrue(none.reached());
        assertEquals(0, already.i, "the while test comes before any training");
    }

    @Test
    void trainerRunsAlgorithms71Then73() {
        Dataset data = Synthetic.blobs(40, 3, 3, 1.0, new Random(1));
        Dataset[] parts = data.split(0.25, new Random(2)); // [0] valid (30), [1] subtrain (90)
        Dataset valid = parts[0], subtrain = parts[1];
        Sequential net = TrainerTest.net(4);
        EarlyStopping es = new EarlyStopping(net.params(), 5, 3);
        SGD sgd = new SGD(net.params(), 0.1);
        new Trainer(net, sgd, new Random(5)).batchSize(10).epochs(50).earlyStopping(es).progress(null).fit(subtrain, valid);
        double target = Trainer.evaluate(net, subtrain)[0];
        ContinueToTarget ct = new ContinueToTarget(target, 5, 2000);
        History more = new Trainer(net, sgd, new Random(6)).batchSize(10).epochs(1000).continueToTarget(ct).progress(null)
                .fit(data, valid);
        double v = Trainer.evaluate(net, valid)[0];
        assertEquals(v, ct.lastValue(), 1e-12);
        assertEquals(ct.steps(), more.stepCount());
        if (ct.reached()) {
            assertTrue(v <= target, v + " > " + target);
        } else {
            assertEquals(2000, ct.steps());
        }
    }

    @Test
    void algorithm72StepCounts() {
        // same updates: i*; same passes: 30 steps of ⌈80/10⌉ = 8 per epoch are 3.75 epochs, ×⌈100/10⌉ = 37.5 → 38
        assertEquals(38, EarlyStopping.stepsForSameEpochs(30, 80, 100, 10));
        assertEquals(30, EarlyStopping.stepsForSameEpochs(30, 100, 100, 10));
        assertThrows(IllegalArgumentException.class, () -> EarlyStopping.stepsForSameEpochs(30, 100, 80, 10));
        Dataset data = Synthetic.blobs(40, 3, 3, 1.0, new Random(1));
        Sequential net = TrainerTest.net(4);
        History h = new Trainer(net, new SGD(net.params(), 0.1), new Random(5)).batchSize(10).epochs(100).maxSteps(38)
                .progress(null).fit(data);
        assertEquals(38, h.stepCount());
        assertEquals(4, h.epochCount(), "12 steps per epoch: 38 steps end in the 4th");
    }

    @Test
    void monitorsNeedAValidationSet() {
        Sequential net = TrainerTest.net(4);
        Dataset data = Synthetic.blobs(10, 3, 3, 1.0, new Random(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Trainer(net, new SGD(net.params(), 0.1),
                new Random(5)).earlyStopping(new EarlyStopping(net.params(), 5, 3)).progress(null).fit(data));
        assertTrue(e.getMessage().contains("validation"), e.getMessage());
    }
}
