package descent.bench;

import descent.functions.Rosenbrock;
import descent.secondorder.LBFGS;
import descent.secondorder.Minimizer;
import descent.secondorder.NonlinearCG;
import descent.secondorder.Result;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Second-order methods against scipy ({@code ./descent bench optim}): Descent's L-BFGS (m = 10) and nonlinear CG
 * (Polak–Ribière+) next to scipy's {@code L-BFGS-B} and {@code CG} (analytic gradients, default options), on the
 * 2-D Rosenbrock function from (−1.2, 1) and the extended Rosenbrock function (Moré–Garbow–Hillstrom problem 21)
 * with n = 10, 100, 1000 from (−1.2, 1, …). Prints iterations, f+g evaluations, final ‖g‖∞ and the median wall
 * time of each side, with the ratios. The scipy side runs in the same invocation:
 * {@code /usr/bin/python3 src/bench/python/optim_scipy.py}.
 *
 * <p>Usage: {@code java descent.bench.OptimBench [repeats]} (default 11 timed runs per cell, after warm-up).
 */
public final class OptimBench {

    private OptimBench() {
    }

    private record Row(int iterations, int evaluations, int gradients, double gradInf, double f, double seconds) {
    }

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        int[] ns = {2, 10, 100, 1000};
        System.out.printf(Locale.ROOT, "# Descent second-order vs scipy; java %s, %s, %d cores, repeats %d%n",
                System.getProperty("java.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), repeats);
        Map<String, Row> ours = new HashMap<>();
        for (String method : List.of("L-BFGS", "CG")) {
            for (int n : ns) {
                ours.put(method + " " + n, run(method, n, repeats));
            }
        }
        Map<String, Row> scipy = runScipy(repeats);
        System.out.println();
        System.out.println("| problem | method | Descent it | scipy it | Descent f+g | scipy nfev (njev) | Descent ‖g‖∞ | scipy ‖g‖∞ | Descent ms | scipy ms | time ratio (scipy/Descent) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (String method : List.of("L-BFGS", "CG")) {
            String peer = method.equals("L-BFGS") ? "L-BFGS-B" : "CG";
            for (int n : ns) {
                Row a = ours.get(method + " " + n), b = scipy.get(peer + " " + n);
                String problem = n == 2 ? "Rosenbrock 2-D" : "ext. Rosenbrock n=" + n;
                String label = method.equals("L-BFGS") ? "L-BFGS (m=10) vs L-BFGS-B" : "CG PR+ vs CG";
                if (b == null) {
                    System.out.printf(Locale.ROOT, "| %s | %s | %d | – | %d | – | %.1e | – | %.3f | – | – |%n", problem, label,
                            a.iterations, a.evaluations, a.gradInf, a.seconds * 1e3);
                } else {
                    System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %d | %d (%d) | %.1e | %.1e | %.3f | %.3f | %.1f× |%n",
                            problem, label, a.iterations, b.iterations, a.evaluations, b.evaluations, b.gradients,
                            a.gradInf, b.gradInf, a.seconds * 1e3, b.seconds * 1e3, b.seconds / a.seconds);
                }
            }
        }
    }

    private static Minimizer minimizer(String method) {
        return method.equals("L-BFGS") ? new LBFGS(10) : new NonlinearCG(NonlinearCG.Beta.POLAK_RIBIERE_PLUS);
    }

    private static Row run(String method, int n, int repeats) {
        Rosenbrock f = new Rosenbrock(n);
        Result result = null;
        for (int warm = 0; warm < 200; warm++) {
            result = minimizer(method).minimize(f, f.start());
        }
        double[] times = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            result = minimizer(method).minimize(f, f.start());
            times[r] = (System.nanoTime() - t0) * 1e-9;
        }
        Arrays.sort(times);
        return new Row(result.iterations(), result.functionEvaluations(), result.gradientEvaluations(),
                result.gradientNorm(), result.f(), times[repeats / 2]);
    }

    private static Map<String, Row> runScipy(int repeats) throws Exception {
        Map<String, Row> rows = new HashMap<>();
        File script = new File("src/bench/python/optim_scipy.py");
        if (!script.isFile()) {
            System.out.println("# scipy side skipped: " + script.getAbsolutePath() + " not found (run from the project root)");
            return rows;
        }
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", script.getPath(), String.valueOf(repeats));
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
            }
        }
        int code = p.waitFor();
        for (String line : lines) {
            if (line.startsWith("#")) {
                System.out.println(line);
                continue;
            }
            String[] t = line.trim().split("\\s+");
            if (t.length == 8) {
                rows.put(t[0] + " " + t[1], new Row(Integer.parseInt(t[2]), Integer.parseInt(t[3]), Integer.parseInt(t[4]),
                        Double.parseDouble(t[5]), Double.parseDouble(t[6]), Double.parseDouble(t[7])));
            } else {
                System.out.println("# scipy: " + line);
            }
        }
        if (code != 0) {
            System.out.println("# scipy side exited with code " + code);
        }
        return rows;
    }
}
