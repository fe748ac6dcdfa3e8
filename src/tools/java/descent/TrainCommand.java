package descent;

import descent.data.Dataset;
import descent.data.FashionMnist;
import descent.linalg.Blas;
import descent.nn.Sequential;
import descent.optim.Optimizer;
import descent.train.Checkpoint;
import descent.train.EarlyStopping;
import descent.train.History;
import descent.train.Recipe;
import descent.train.Trainer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code ./descent train}: the capstone run. Trains {@link Recipe} on the 60 000 Fashion-MNIST training images minus
 * a validation split, one progress line per epoch, a checkpoint after every epoch, then evaluates the best network (by
 * validation error) once on the 10 000 test images and ends with {@code test accuracy 0.XXXX}. Writes the history, the
 * confusion matrix and the misclassified test examples as CSV next to the checkpoint.
 */
public final class TrainCommand {

    static final String HELP = """
            Usage: ./descent train [OPTIONS]

            Trains a 784-512-256-10 network with batch normalization and dropout on Fashion-MNIST (60 000 training images, of which
            --validation are held out for early stopping and model selection), prints one line per epoch (loss, train and
            validation accuracy, learning rate, seconds, images/s), writes a checkpoint after every epoch, evaluates the
            network with the lowest validation error once on the 10 000 test images and ends with "test accuracy 0.XXXX".
            The test set is never used for any choice. Same seed and one thread: the same bits every run.

            Options (defaults in brackets):
              --epochs N          passes over the training part [20]
              --batch N           minibatch size [128]
              --lr X              peak learning rate of AdamW (warm-up, then cosine to 0) [0.002]
              --weight-decay X    AdamW weight decay, PyTorch's convention [0.0001]
              --hidden A,B,...    hidden layer widths [512,256]
              --no-batchnorm      leave batch normalization out
              --keep P            dropout keep probability after each hidden ReLU, 1 for no dropout [0.8]
              --patience N        early stopping: epochs without a lower validation error [6]
              --validation N      training images held out for validation [6000]
              --seed N            seed of the split, the initialization and the shuffling [1]
              --threads N         BLAS threads (the launcher sets OPENBLAS_NUM_THREADS from it) [2]
              --data DIR          the Fashion-MNIST files [/usr/share/datasets/fashion-mnist]
              --out DIR           where checkpoint.ckpt, history.csv, confusion.csv, misclassified.csv go [target/train]
              --checkpoint FILE   checkpoint file [OUT/checkpoint.ckpt]
              --resume FILE       continue the run saved in FILE (same options as the run that wrote it)
              -h, --help          this text
            """;

    private TrainCommand() {
    }

    /** The parsed options. */
    record Options(Recipe recipe, int threads, Path data, Path out, Path checkpoint, Path resume) {
    }

    public static void main(String[] args) {
        try {
            Options o = parse(args);
            if (o == null) {
                System.out.print(HELP);
                return;
            }
            run(o, System.out);
        } catch (UsageException e) {
            System.err.println("descent train: " + e.getMessage());
            System.err.println("Run ./descent train --help for the options.");
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("descent train: " + e.getMessage());
            System.exit(1);
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String m) {
            super(m);
        }
    }

    /** Parses the command line; null for --help. */
    static Options parse(String[] args) {
        Recipe d = Recipe.defaults();
        int[] hidden = d.hidden();
        boolean bn = d.batchNorm();
        double keep = d.keep();
        int epochs = d.epochs(), batch = d.batchSize(), patience = d.patience(), validation = d.validation(), threads = 2;
        double lr = d.learningRate(), wd = d.weightDecay();
        long seed = d.seed();
        Path data = FashionMnist.DEFAULT_DIR, out = Path.of("target/train"), checkpoint = null, resume = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            if (a.startsWith("--") && a.contains("=")) {
                value = a.substring(a.indexOf('=') + 1);
                a = a.substring(0, a.indexOf('='));
            }
            switch (a) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--no-batchnorm" -> bn = false;
                case "--epochs", "--keep", "--batch", "--lr", "--weight-decay", "--hidden", "--patience", "--validation", "--seed",
                        "--threads", "--data", "--out", "--checkpoint", "--resume" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException("option " + a + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (a) {
                        case "--epochs" -> epochs = intValue(a, value, 1);
                        case "--keep" -> keep = positive(a, value);
                        case "--batch" -> batch = intValue(a, value, 2);
                        case "--lr" -> lr = positive(a, value);
                        case "--weight-decay" -> wd = nonNegative(a, value);
                        case "--hidden" -> hidden = widths(value);
                        case "--patience" -> patience = intValue(a, value, 1);
                        case "--validation" -> validation = intValue(a, value, 1);
                        case "--seed" -> seed = longValue(a, value);
                        case "--threads" -> threads = intValue(a, value, 1);
                        case "--data" -> data = Path.of(value);
                        case "--out" -> out = Path.of(value);
                        case "--checkpoint" -> checkpoint = Path.of(value);
                        default -> resume = Path.of(value);
                    }
                }
                default -> throw new UsageException("unknown option '" + args[i] + "'");
            }
        }
        Recipe r;
        try {
            r = new Recipe(hidden, bn, keep, epochs, batch, lr, wd, Math.min(d.warmupEpochs(), epochs - 1), patience, validation, seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new Options(r, threads, data, out, checkpoint == null ? out.resolve("checkpoint.ckpt") : checkpoint, resume);
    }

    private static int intValue(String opt, String v, int min) {
        long x = longValue(opt, v);
        if (x < min || x > Integer.MAX_VALUE) {
            throw new UsageException(opt + " must be an integer ≥ " + min + ", got '" + v + "'");
        }
        return (int) x;
    }

    private static long longValue(String opt, String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(opt + " needs an integer, got '" + v + "'");
        }
    }

    private static double positive(String opt, String v) {
        double x = number(opt, v);
        if (!(x > 0)) {
            throw new UsageException(opt + " must be > 0, got '" + v + "'");
        }
        return x;
    }

    private static double nonNegative(String opt, String v) {
        double x = number(opt, v);
        if (!(x >= 0)) {
            throw new UsageException(opt + " must be ≥ 0, got '" + v + "'");
        }
        return x;
    }

    private static double number(String opt, String v) {
        try {
            double x = Double.parseDouble(v.trim());
            if (!Double.isFinite(x)) {
                throw new NumberFormatException();
            }
            return x;
        } catch (NumberFormatException e) {
            throw new UsageException(opt + " needs a finite number, got '" + v + "'");
        }
    }

    private static int[] widths(String v) {
        try {
            int[] w = Arrays.stream(v.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            if (w.length == 0 || Arrays.stream(w).anyMatch(x -> x < 1)) {
                throw new NumberFormatException();
            }
            return w;
        } catch (NumberFormatException e) {
            throw new UsageException("--hidden needs widths ≥ 1 separated by commas, e.g. 256,128; got '" + v + "'");
        }
    }

    /** The run; returns the test accuracy. */
    static double run(Options o, PrintStream out) {
        long t0 = System.nanoTime();
        Recipe r = o.recipe();
        String env = System.getenv("OPENBLAS_NUM_THREADS");
        out.printf(Locale.ROOT, "descent train: %s, BLAS %s, OPENBLAS_NUM_THREADS=%s%n", describe(r), Blas.implementation(), env);
        if (env != null && !env.equals(String.valueOf(o.threads()))) {
            out.println("warning: --threads " + o.threads() + " but OPENBLAS_NUM_THREADS=" + env
                    + " (the BLAS reads the variable when it loads; run through ./descent train)");
        }
        // fail before minutes of work: a checkpoint to resume that cannot be read, a directory that cannot be written
        Checkpoint ck = o.resume() == null ? null : Checkpoint.load(o.resume());
        Path ckDir = o.checkpoint().toAbsolutePath().getParent();
        try {
            Files.createDirectories(o.out());
            Files.createDirectories(ckDir);
            Files.delete(Files.createTempFile(ckDir, ".probe", ".tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoints to " + ckDir + " (" + e + "); choose another with "
                    + "--checkpoint FILE or --out DIR", e);
        }
        Dataset[] parts = FashionMnist.trainValidation(o.data(), r.validation(), new Random(r.seed()));
        Dataset train = parts[0], validation = parts[1];
        Dataset test = FashionMnist.load(o.data(), false, Integer.MAX_VALUE);
        out.printf(Locale.ROOT, "data: %d training, %d validation, %d test images (%.0f MB held once)%n", train.size(),
                validation.size(), test.size(), 8.0 * 784 * (train.size() + validation.size() + test.size()) / (1 << 20));

        Sequential net = r.network(new Random(r.seed() + 1));
        Optimizer opt = r.optimizer(net);
        EarlyStopping stop = r.earlyStopping(net, train.size());
        Trainer trainer = r.trainer(net, opt, stop, train.size(), new Random(r.seed() + 2)).progress(out);
        trainer.checkpoint(o.checkpoint());
        if (ck != null) {
            out.printf(Locale.ROOT, "resuming %s after epoch %d (step %d)%n", o.resume(), ck.epoch(), ck.step());
            trainer.resume(ck);
        }
        out.println("network: " + net + " (" + net.parameterCount() + " parameters), " + opt.name());
        History h = trainer.fit(train, validation);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;

        // model selection: the trainer left the network holding θ* (lowest validation error); the test set, once
        int[] predicted = Recipe.predict(net, test);
        int[][] confusion = Recipe.confusion(test.labels(), predicted, 10);
        int correct = 0;
        for (int c = 0; c < 10; c++) {
            correct += confusion[c][c];
        }
        double accuracy = (double) correct / test.size();
        writeArtifacts(o.out(), h, confusion, test.labels(), predicted, stop);
        out.printf(Locale.ROOT, "best validation error %.4f after epoch %d of %d%s; artifacts in %s%n", stop.bestValue(),
                stop.bestStep() / r.stepsPerEpoch(train.size()), h.epochCount(),
                stop.patienceExhausted() ? " (stopped early)" : "", o.out());
        out.printf(Locale.ROOT, "time %.1f s, peak heap %.0f MB%n", trainSeconds, peakHeapMegabytes());
        out.printf(Locale.ROOT, "test accuracy %.4f%n", accuracy);
        return accuracy;
    }

    static String describe(Recipe r) {
        return String.format(Locale.ROOT, "784-%s-10%s%s, AdamW ε=%s wd=%s, batch %d, %d epochs (warm-up %d, cosine), "
                        + "early stopping p=%d on %d validation images, seed %d",
                String.join("-", Arrays.stream(r.hidden()).mapToObj(String::valueOf).toList()),
                r.batchNorm() ? " with batch norm" : "", r.keep() < 1 ? ", dropout keep " + r.keep() : "", r.learningRate(), r.weightDecay(), r.batchSize(), r.epochs(),
                r.warmupEpochs(), r.patience(), r.validation(), r.seed());
    }

    static double peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }

    private static void writeArtifacts(Path dir, History h, int[][] confusion, int[] truth, int[] predicted,
                                       EarlyStopping stop) {
        try {
            h.epochs().write().csv(dir.resolve("history.csv").toString());
            List<String> lines = new ArrayList<>();
            lines.add("true\\predicted," + String.join(",", FashionMnist.CLASS_NAMES));
            for (int t = 0; t < 10; t++) {
                StringBuilder sb = new StringBuilder(FashionMnist.CLASS_NAMES[t]);
                for (int p = 0; p < 10; p++) {
                    sb.append(',').append(confusion[t][p]);
                }
                lines.add(sb.toString());
            }
            Files.write(dir.resolve("confusion.csv"), lines, StandardCharsets.UTF_8);
            List<String> wrong = new ArrayList<>();
            wrong.add("index,true,predicted");
            for (int i = 0; i < truth.length; i++) {
                if (truth[i] != predicted[i]) {
                    wrong.add(i + "," + truth[i] + "," + predicted[i]);
                }
            }
            Files.write(dir.resolve("misclassified.csv"), wrong, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run's CSV files to " + dir + ": " + e.getMessage(), e);
        }
    }
}
