package descent.train;

import descent.data.Dataset;
import descent.data.FashionMnist;
import descent.init.Init;
import descent.nn.Linear;
import descent.nn.Param;
import descent.nn.ReLU;
import descent.nn.Sequential;
import descent.nn.SoftmaxCrossEntropy;
import descent.nn.norm.BatchNorm;
import descent.optim.Adam;
import descent.optim.Momentum;
import descent.optim.Optimizer;
import descent.optim.Schedule;
import descent.regularize.dropout.Dropout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Checkpoints: an interrupted and resumed run equals the uninterrupted one bit for bit (parameters, batch-norm running
 * statistics, Adam's state, early stopping, history); the same seed gives the same bits; bad files are refused with
 * the file named; a failed write leaves the previous checkpoint intact.
 */
class CheckpointTest {

    @TempDir
    Path dir;

    static final Dataset DATA = FashionMnist.train(1200);
    static final Dataset[] PARTS = DATA.split(0.75, new Random(11));

    /**
     * 784-32-BN-ReLU-dropout-16-ReLU-dropout-10 from {@code seed}: batch norm and dropout have layer state beyond
     * their parameters (running statistics, the mask generators).
     */
    static Sequential net(long seed) {
        Random rng = new Random(seed);
        return new Sequential(new SoftmaxCrossEntropy(), new Linear("fc1", 784, 32, Init.he(), rng),
                BatchNorm.pytorch("bn1", 32), new ReLU(), Dropout.inverted(0.8, new Random(rng.nextLong())),
                new Linear("fc2", 32, 16, Init.he(), rng), new ReLU(), Dropout.inverted(0.9, new Random(rng.nextLong())),
                new Linear("fc3", 16, 10, Init.xavier(), rng));
    }

    /** A run of {@code epochs} epochs with Adam, a cosine schedule over 4 epochs and early stopping every epoch. */
    static Trainer trainer(Sequential net, Optimizer opt, EarlyStopping stop, long seed, int epochs) {
        int perEpoch = (PARTS[0].size() + 63) / 64;
        return new Trainer(net, opt, new Random(seed)).batchSize(64).epochs(epochs)
                .schedule(Schedule.cosine(0.01, 0, 4L * perEpoch)).earlyStopping(stop).progress(null);
    }

    static EarlyStopping stopping(Sequential net) {
        return new EarlyStopping(net.params(), (PARTS[0].size() + 63) / 64, 3).withLayerStateOf(net);
    }

    static double[][] values(Sequential net) {
        return net.params().stream().map(p -> p.value().data.clone()).toArray(double[][]::new);
    }

    static void assertBitIdentical(double[][] expected, double[][] actual, String what) {
        assertEquals(expected.length, actual.length);
        for (int t = 0; t < expected.length; t++) {
            for (int j = 0; j < expected[t].length; j++) {
                if (Double.doubleToRawLongBits(expected[t][j]) != Double.doubleToRawLongBits(actual[t][j])) {
                    fail(what + ": tensor " + t + " entry " + j + " is " + actual[t][j] + ", uninterrupted run " + expected[t][j]);
                }
            }
        }
    }

    @Test
    void resumingContinuesBitIdentically() {
        // the uninterrupted run: 4 epochs
        Sequential a = net(1);
        Adam adamA = new Adam(a.params(), 0.01);
        EarlyStopping stopA = stopping(a);
        History ha = trainer(a, adamA, stopA, 7, 4).fit(PARTS[0], PARTS[1]);

        // the interrupted run: 2 epochs with a checkpoint after each ...
        Path file = dir.resolve("run.ckpt");
        Sequential b1 = net(1);
        trainer(b1, new Adam(b1.params(), 0.01), stopping(b1), 7, 2).checkpoint(file).fit(PARTS[0], PARTS[1]);
        Checkpoint ck = Checkpoint.load(file);
        assertEquals(2, ck.epoch());

        // ... then fresh objects (another initialization, another shuffling seed) resumed from the file
        Sequential b = net(99);
        Adam adamB = new Adam(b.params(), 0.01);
        EarlyStopping stopB = stopping(b);
        History hb = trainer(b, adamB, stopB, 12345, 4).resume(ck).fit(PARTS[0], PARTS[1]);

        assertBitIdentical(values(a), values(b), "parameters after resuming");
        BatchNorm bnA = (BatchNorm) a.layers().get(1), bnB = (BatchNorm) b.layers().get(1);
        assertBitIdentical(new double[][]{bnA.runningMean(), bnA.runningVariance()},
                new double[][]{bnB.runningMean(), bnB.runningVariance()}, "batch-norm running statistics");
        assertEquals(bnA.batchesSeen(), bnB.batchesSeen());
        assertEquals(adamA.t(), adamB.t());
        assertEquals(adamA.steps(), adamB.steps());
        assertEquals(Double.doubleToRawLongBits(adamA.learningRate()), Double.doubleToRawLongBits(adamB.learningRate()));
        assertEquals(stopA.bestStep(), stopB.bestStep());
        assertEquals(stopA.bestValue(), stopB.bestValue(), 0);
        assertEquals(stopA.evaluations(), stopB.evaluations());
        assertEquals(ha.epochs().toString(), hb.epochs().toString());
        assertArrayEquals(ha.stepLosses(), hb.stepLosses(), 0);
        assertEquals(4, hb.epochCount());

        // and a resumed run that was given no checkpoint is a different run: the test can fail
        Sequential c = net(99);
        trainer(c, new Adam(c.params(), 0.01), stopping(c), 12345, 2).fit(PARTS[0], PARTS[1]);
        assertFalse(Arrays.deepEquals(values(a), values(c)));
    }

    @Test
    void sameSeedGivesTheSameBitsOnOneThread() {
        Sequential a = net(3), b = net(3);
        History ha = trainer(a, new Adam(a.params(), 0.01), stopping(a), 5, 2).fit(PARTS[0], PARTS[1]);
        History hb = trainer(b, new Adam(b.params(), 0.01), stopping(b), 5, 2).fit(PARTS[0], PARTS[1]);
        assertBitIdentical(values(a), values(b), "same seed, second run");
        assertArrayEquals(ha.stepLosses(), hb.stepLosses(), 0);
        Sequential c = net(3);
        trainer(c, new Adam(c.params(), 0.01), stopping(c), 6, 2).fit(PARTS[0], PARTS[1]);
        assertFalse(Arrays.deepEquals(values(a), values(c)), "another shuffling seed must give other bits");
    }

    @Test
    void savedStateRoundTripsThroughTheFile() {
        Sequential net = net(4);
        Momentum opt = new Momentum(net.params(), 0.05, 0.9);
        Path file = dir.resolve("m.ckpt");
        new Trainer(net, opt, new Random(2)).batchSize(100).epochs(1).progress(null).checkpoint(file).fit(PARTS[0]);
        Checkpoint ck = Checkpoint.load(file);
        assertEquals(1, ck.epoch());
        assertEquals(9, ck.step()); // 900 examples in batches of 100
        assertEquals(net.toString(), ck.network());
        Sequential other = net(5);
        Momentum opt2 = new Momentum(other.params(), 0.05, 0.9);
        new Trainer(other, opt2, new Random(0)).epochs(1).progress(null).resume(ck).fit(PARTS[0]);
        // epochs(1) and the checkpoint holds epoch 1: nothing left to train, the state is just restored
        assertBitIdentical(values(net), values(other), "restored parameters");
        for (int i = 0; i < net.params().size(); i++) {
            assertArrayEquals(opt.velocity(i), opt2.velocity(i), 0, "velocity of " + net.params().get(i).name());
        }
    }

    @Test
    void aCheckpointOfAnotherNetworkIsRefused() {
        Path file = dir.resolve("x.ckpt");
        Sequential net = net(1);
        new Trainer(net, new Adam(net.params()), new Random(1)).batchSize(300).progress(null).checkpoint(file).fit(PARTS[0]);
        Random rng = new Random(0);
        Sequential wider = new Sequential(new SoftmaxCrossEntropy(), new Linear("fc1", 784, 64, Init.he(), rng),
                BatchNorm.pytorch("bn1", 64), new ReLU(), new Linear("fc2", 64, 10, Init.xavier(), rng));
        assertNotEquals(wider.toString(), net.toString());
        Trainer t = new Trainer(wider, new Adam(wider.params()), new Random(1)).epochs(2).progress(null)
                .resume(Checkpoint.load(file));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.fit(PARTS[0]));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("784→32"), e.getMessage());
    }

    @Test
    void foreignTruncatedAndCorruptFilesAreRefusedNamingTheFile() throws Exception {
        Path good = dir.resolve("good.ckpt");
        Sequential net = net(1);
        new Trainer(net, new Adam(net.params()), new Random(1)).batchSize(300).progress(null).checkpoint(good).fit(PARTS[0]);
        byte[] bytes = Files.readAllBytes(good);

        Path foreign = dir.resolve("notes.txt");
        Files.writeString(foreign, "epoch 3, loss 0.31\n", StandardCharsets.UTF_8);
        String m = assertThrows(IllegalStateException.class, () -> Checkpoint.load(foreign)).getMessage();
        assertTrue(m.contains(foreign.toString()) && m.contains("not a Descent checkpoint"), m);

        Path truncated = dir.resolve("truncated.ckpt");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        m = assertThrows(IllegalStateException.class, () -> Checkpoint.load(truncated)).getMessage();
        assertTrue(m.contains(truncated.toString()) && m.contains("truncated"), m);

        Path header = dir.resolve("header.ckpt");
        Files.write(header, Arrays.copyOf(bytes, Checkpoint.MAGIC.length + 3));
        m = assertThrows(IllegalStateException.class, () -> Checkpoint.load(header)).getMessage();
        assertTrue(m.contains(header.toString()) && m.contains("truncated"), m);

        Path corrupt = dir.resolve("corrupt.ckpt");
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x10;
        Files.write(corrupt, flipped);
        m = assertThrows(IllegalStateException.class, () -> Checkpoint.load(corrupt)).getMessage();
        assertTrue(m.contains(corrupt.toString()) && m.contains("corrupt") && m.contains("CRC-32"), m);

        Path missing = dir.resolve("missing.ckpt");
        m = assertThrows(IllegalStateException.class, () -> Checkpoint.load(missing)).getMessage();
        assertTrue(m.contains(missing.toString()) && m.contains("does not exist"), m);
    }

    @Test
    void aFullDiskLeavesThePreviousCheckpointIntactAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("run.ckpt");
        Sequential net = net(1);
        new Trainer(net, new Adam(net.params()), new Random(1)).batchSize(300).progress(null).checkpoint(file).fit(PARTS[0]);
        byte[] before = Files.readAllBytes(file);
        Checkpoint next = Checkpoint.capture(net, new Adam(net.params()), new Random(2), null, new History(), 5, 50,
                new int[PARTS[0].size()]);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> next.save(file, 1000));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("No space left on device")
                && e.getMessage().contains("previous checkpoint"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "the previous checkpoint must survive");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file.getFileName().toString()), files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file may be left behind");
        }
        assertEquals(1, Checkpoint.load(file).epoch());
    }

    @Test
    void aReadOnlyDirectoryIsReportedAndThePreviousCheckpointSurvives() throws Exception {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Path file = ro.resolve("run.ckpt");
        Sequential net = net(1);
        new Trainer(net, new Adam(net.params()), new Random(1)).batchSize(300).progress(null).checkpoint(file).fit(PARTS[0]);
        byte[] before = Files.readAllBytes(file);
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root ignores directory permissions: the full-disk test above covers the same path then
            assumeFalse(Files.isWritable(ro), "running as root: permissions are not enforced");
            Checkpoint next = Checkpoint.capture(net, new Adam(net.params()), new Random(2), null, new History(), 2, 6,
                    new int[PARTS[0].size()]);
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> next.save(file));
            assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("read-only"), e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(file));
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void optimizersWithoutCheckpointSupportSaySo() {
        Sequential net = net(1);
        var rms = new descent.optim.RMSProp(net.params());
        assertFalse(rms.supportsCheckpoints());
        Trainer t = new Trainer(net, rms, new Random(1)).batchSize(300).progress(null).checkpoint(dir.resolve("r.ckpt"));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> t.fit(PARTS[0]));
        assertTrue(e.getMessage().contains("RMSProp"), e.getMessage());
        for (Param p : net.params()) {
            assertNotNull(p.value());
        }
    }

    @Test
    void aNaNInTheInputNamesTheExampleAndDiffersFromADivergingLoss() {
        Dataset data = PARTS[0].select(java.util.stream.IntStream.range(0, 300).toArray(), "subset");
        data.x().data[137 * 784 + 400] = Double.NaN; // example 137, after the data set checked its input
        Sequential net = net(1);
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () ->
                new Trainer(net, new Adam(net.params()), new Random(1)).batchSize(50).progress(null).fit(data));
        assertTrue(nan.getMessage().contains("example 137") && nan.getMessage().contains("NaN")
                && nan.getMessage().contains("feature 400") && nan.getMessage().contains("row "), nan.getMessage());

        Dataset clean = PARTS[0].select(java.util.stream.IntStream.range(0, 300).toArray(), "clean");
        Sequential big = net(1);
        ArithmeticException div = assertThrows(ArithmeticException.class, () ->
                new Trainer(big, new descent.optim.SGD(big.params(), 1e150), new Random(1)).batchSize(50).epochs(3)
                        .progress(null).fit(clean));
        assertTrue(div.getMessage().startsWith("training diverged") && !div.getMessage().contains("example"),
                div.getMessage());
    }
}
