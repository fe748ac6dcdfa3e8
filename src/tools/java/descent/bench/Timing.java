package descent.bench;

import descent.linalg.Blas;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * What the step-timing benchmarks ({@link BackpropBench}, {@link BatchnormBench}, {@link ConvBench}) share, written
 * once: the BLAS line, the warm-up and the timed blocks of one step, and the run of the PyTorch peer, whose side of
 * the same loop is {@code src/bench/python/benchutil.py}.
 *
 * <p>Each step returns a number that is added to a checksum the benchmark prints, so that the JIT cannot drop the
 * work; the same seed gives the same checksum on every run.
 */
final class Timing {

    private final DoubleSupplier step;
    private double checksum;

    /** Times {@code step}, one forward + backward (or whatever one unit of work is) returning a number to keep. */
    Timing(DoubleSupplier step) {
        this.step = step;
    }

    /** Runs {@code steps} untimed steps (JIT warm-up). */
    void warmUp(int steps) {
        for (int i = 0; i < steps; i++) {
            checksum += step.getAsDouble();
        }
    }

    /** Times {@code repeats} blocks of {@code iterations} steps; returns each block's milliseconds per step, in order. */
    double[] blocks(int repeats, int iterations) {
        double[] ms = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                checksum += step.getAsDouble();
            }
            ms[r] = (System.nanoTime() - t0) / 1e6 / iterations;
        }
        return ms;
    }

    /** The sum of every step's result so far, warm-up included. */
    double checksum() {
        return checksum;
    }

    /** {@code args[i]} as an integer, or {@code fallback} when there are fewer arguments. */
    static int intArg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    /** Prints which BLAS runs and warns unless {@code OPENBLAS_NUM_THREADS=1} (the one-thread comparison). */
    static void printBlas() {
        String threads = System.getenv("OPENBLAS_NUM_THREADS");
        System.out.println("BLAS: " + Blas.implementation() + ", OPENBLAS_NUM_THREADS=" + threads);
        if (!"1".equals(threads)) {
            System.out.println("warning: set OPENBLAS_NUM_THREADS=1 for a one-thread comparison");
        }
    }

    /**
     * Runs the PyTorch peer {@code src/bench/python/<script>} with {@code args} on one thread, echoes its output and
     * returns its {median, fastest} milliseconds per batch (its lines {@code ms_per_batch=} and {@code ms_min=}).
     */
    static double[] runTorch(String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "src/bench/python/" + script));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        double ms = Double.NaN;
        double min = Double.NaN;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                System.out.println("         PyTorch: " + line);
                if (line.startsWith("ms_min=")) {
                    min = Double.parseDouble(line.substring("ms_min=".length()));
                }
                if (line.startsWith("ms_per_batch=")) {
                    ms = Double.parseDouble(line.substring("ms_per_batch=".length()));
                }
            }
        }
        int code = p.waitFor();
        if (code != 0 || Double.isNaN(ms)) {
            throw new IllegalStateException("the PyTorch peer failed (exit " + code + "); is python3-torch installed?");
        }
        return new double[]{ms, min};
    }
}
