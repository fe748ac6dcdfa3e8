package descent.bench;

import descent.functions.MoreGarbowHillstrom;
import descent.functions.TestFunction;
import descent.secondorder.LBFGS;
import descent.secondorder.Minimizer;
import descent.secondorder.MoreThuenteLineSearch;
import descent.secondorder.NonlinearCG;
import descent.secondorder.Result;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Second-order methods against scipy ({@code ./descent bench optim}) on the Moré–Garbow–Hillstrom set
 * ({@link MoreGarbowHillstrom#all()}: the 18 problems plus extended Rosenbrock at n = 2, 100, 1000): Descent's
 * {@code LBFGS(10)} against scipy's {@code L-BFGS-B} (maxcor 10) and Descent's {@code NonlinearCG()} (PR+) against
 * scipy's {@code CG}, every one with analytic gradients and default options. Per problem: iterations, f+g
 * evaluations, final f, ‖g‖∞ and why it stopped. The scipy side ({@code src/bench/python/optim_scipy.py}, on the
 * separate numpy implementation {@code mgh.py}) runs in the same invocation; where L-BFGS-B stops on its
 * relative-decrease test {@code ftol} at ‖g‖∞ &gt; 1e-5, it is run again with ftol = 0 and that run — which stops on
 * the same ‖g‖∞ ≤ 1e-5 test as Descent — is the one compared. A problem counts as "≤ scipy" when Descent used no
 * more evaluations and both runs reached ‖g‖∞ ≤ 1e-5 (or both did not), or when Descent reached it and scipy did not.
 *
 * <p>Evaluation counts are deterministic, so the comparison holds on a busy machine; no times are measured.
 * The last two lines are {@code L-BFGS: ≤ scipy on A of N problems, total evaluations X vs Y} and the same for CG.
 *
 * <p>Optional arguments, printed before those last lines:
 * <ul>
 *   <li>{@code variants}: the same comparison for other nonlinear-CG choices from the literature (β formula, c₂ = 0.1
 *       of Nocedal and Wright or scipy's 0.4, Powell's restart) — one line each, against the same scipy CG run;</li>
 *   <li>{@code jitter K}: both sides again from K moved starts ({@link #moved}: every nonzero coordinate of x₀ one
 *       ulp up or down), Descent against scipy from the same moved start, and scipy from the moved start against
 *       scipy from x₀ — the control that shows how much of a difference is rounding: the same algorithm from a start
 *       one ulp away.</li>
 * </ul>
 */
public final class OptimBench {

    private OptimBench() {
    }

    private record Row(String method, int iterations, int evaluations, double f, double gradInf, String stop) {
    }

    public static void main(String[] args) throws Exception {
        boolean variants = false;
        int jitter = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("variants")) {
                variants = true;
            } else if (args[i].equals("jitter") && i + 1 < args.length && args[i + 1].matches("[1-9][0-9]?")) {
                jitter = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("OptimBench: unknown argument '" + args[i]
                        + "' (expected: variants, jitter K with 1 ≤ K ≤ 99)");
            }
        }
        System.out.printf(Locale.ROOT, "# Descent L-BFGS and nonlinear CG vs scipy on the Moré–Garbow–Hillstrom set; java %s%n",
                System.getProperty("java.version"));
        List<TestFunction> problems = MoreGarbowHillstrom.all();
        Map<String, Row> scipy = runScipy(jitter);
        System.out.println();
        System.out.println("| problem | n | method | Descent it | Descent f+g | Descent f | Descent ‖g‖∞ | Descent stop | scipy it | scipy nfev | scipy f | scipy ‖g‖∞ | scipy stop | ≤ scipy |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        int[] wins = new int[2], totalOurs = new int[2], totalScipy = new int[2], compared = new int[2];
        // runs that reach ‖g‖∞ ≤ 1e-5: Descent, scipy with default options, scipy counted (ftol = 0 where rerun)
        int[] convergedOurs = new int[2], convergedDefault = new int[2], convergedCounted = new int[2];
        String[] ours = {"L-BFGS", "CG"};
        for (int k = 0; k < 2; k++) {
            for (TestFunction f : problems) {
                Minimizer m = k == 0 ? new LBFGS(10) : new NonlinearCG();
                Result r = m.minimize(f, f.start());
                String stop = r.success() ? "‖g‖∞ ≤ 1e-5" : r.reason().description();
                Row a = new Row(m.name(), r.iterations(), r.functionEvaluations(), r.f(), r.gradientNorm(), stop);
                Row b = scipy.get((k == 0 ? "L-BFGS-B" : "CG") + "|" + f.name());
                Row b0 = k == 0 ? scipy.get("L-BFGS-B/ftol=0|" + f.name()) : null;
                if (b == null) {
                    System.out.printf(Locale.ROOT, "| %s | %d | %s | %d | %d | %.4g | %.1e | %s | – | – | – | – | – | – |%n",
                            f.name(), f.dimension(), a.method, a.iterations, a.evaluations, a.f, a.gradInf, a.stop);
                    continue;
                }
                Row reference = b0 != null ? b0 : b;
                boolean le = atMost(a.evaluations, r.success(), reference);
                compared[k]++;
                convergedOurs[k] += r.success() ? 1 : 0;
                convergedDefault[k] += b.gradInf <= 1e-5 ? 1 : 0;
                convergedCounted[k] += reference.gradInf <= 1e-5 ? 1 : 0;
                wins[k] += le ? 1 : 0;
                totalOurs[k] += a.evaluations;
                totalScipy[k] += reference.evaluations;
                String verdict = !le ? "**no**" : a.evaluations <= reference.evaluations ? "yes" : "yes (scipy ‖g‖∞ > 1e-5)";
                printRow(f, a, b, b0 == null ? verdict : "");
                if (b0 != null) {
                    printRow(f, null, b0, verdict);
                }
            }
        }
        System.out.println();
        if (variants) {
            printVariants(problems, scipy);
        }
        for (int j = 1; j <= jitter; j++) {
            printMoved(problems, scipy, j);
        }
        for (int k = 0; k < 2; k++) {
            System.out.printf(Locale.ROOT, "%s: ‖g‖∞ ≤ 1e-5 reached by Descent on %d of %d problems, by scipy with default options on %d%s%n",
                    ours[k], convergedOurs[k], compared[k], convergedDefault[k],
                    k == 0 ? String.format(Locale.ROOT, ", by scipy with ftol = 0 where it stopped on ftol on %d", convergedCounted[k]) : "");
        }
        for (int k = 0; k < 2; k++) {
            System.out.printf(Locale.ROOT, "%s: ≤ scipy on %d of %d problems, total evaluations %d vs %d%n",
                    ours[k], wins[k], compared[k], totalOurs[k], totalScipy[k]);
        }
    }

    /**
     * "≤ scipy" on one problem: fewer or as many evaluations when both reach ‖g‖∞ ≤ 1e-5 or both do not; a run that
     * reaches it against one that does not counts as ≤ whatever the counts (a failed run did not deliver the result),
     * and the other way round as not ≤.
     */
    private static boolean atMost(int evaluations, boolean converged, Row scipy) {
        boolean theirs = scipy.gradInf <= 1e-5;
        return converged == theirs ? evaluations <= scipy.evaluations : converged;
    }

    /** The scipy run a Descent run is compared with: the ftol = 0 rerun where there is one. */
    private static Row reference(Map<String, Row> scipy, boolean lbfgs, String problem, String suffix) {
        if (lbfgs) {
            Row b0 = scipy.get("L-BFGS-B/ftol=0" + suffix + "|" + problem);
            return b0 != null ? b0 : scipy.get("L-BFGS-B" + suffix + "|" + problem);
        }
        return scipy.get("CG" + suffix + "|" + problem);
    }

    /** "≤ scipy on A of N problems, total X vs Y" of a Descent method against scipy runs. */
    private static String tally(List<TestFunction> problems, Map<String, Row> scipy, boolean lbfgs, String suffix,
                                java.util.function.Function<TestFunction, Minimizer> method, int moved) {
        int wins = 0, n = 0, ours = 0, theirs = 0;
        for (TestFunction f : problems) {
            Row b = reference(scipy, lbfgs, f.name(), suffix);
            if (b == null) {
                continue;
            }
            Result r = method.apply(f).minimize(f, moved(f.start(), moved));
            int e = r.functionEvaluations();
            n++;
            wins += atMost(e, r.success(), b) ? 1 : 0;
            ours += e;
            theirs += b.evaluations;
        }
        return String.format(Locale.ROOT, "≤ scipy on %d of %d problems, total evaluations %d vs %d", wins, n, ours, theirs);
    }

    private static void printVariants(List<TestFunction> problems, Map<String, Row> scipy) {
        System.out.println("Nonlinear CG variants (each the same on every problem) against the same scipy CG runs:");
        NonlinearCG.Beta[] betas = {NonlinearCG.Beta.POLAK_RIBIERE_PLUS, NonlinearCG.Beta.POLAK_RIBIERE,
                NonlinearCG.Beta.HESTENES_STIEFEL, NonlinearCG.Beta.FLETCHER_REEVES};
        for (NonlinearCG.Beta beta : betas) {
            for (double c2 : new double[]{0.4, 0.1}) {
                for (double nu : new double[]{0, 0.1}) {
                    java.util.function.Function<TestFunction, Minimizer> make = f -> new NonlinearCG(beta)
                            .restartWhenNotOrthogonal(nu)
                            .lineSearch(new MoreThuenteLineSearch(1e-4, c2, 1e-14, 0, 1e10, 20));
                    String name = make.apply(problems.get(0)).name().replace(")", ", c₂ = " + c2 + ")");
                    System.out.printf(Locale.ROOT, "  %-52s %s%n", name + ":", tally(problems, scipy, false, "", make, 0));
                }
            }
        }
        System.out.println();
    }

    private static void printMoved(List<TestFunction> problems, Map<String, Row> scipy, int k) {
        String suffix = "@" + k;
        for (int m = 0; m < 2; m++) {
            boolean lbfgs = m == 0;
            int wins = 0, n = 0, moved = 0, original = 0;
            for (TestFunction f : problems) {
                Row a = reference(scipy, lbfgs, f.name(), suffix), b = reference(scipy, lbfgs, f.name(), "");
                if (a == null || b == null) {
                    continue;
                }
                n++;
                wins += atMost(a.evaluations, a.gradInf <= 1e-5, b) ? 1 : 0;
                moved += a.evaluations;
                original += b.evaluations;
            }
            if (n == 0) {
                continue;
            }
            String ours = tally(problems, scipy, lbfgs, suffix, f -> lbfgs ? new LBFGS(10) : new NonlinearCG(), k);
            System.out.printf(Locale.ROOT, "start %d moved one ulp, %s: Descent %s; scipy from there ≤ scipy from x₀ on %d of %d, total %d vs %d%n",
                    k, lbfgs ? "L-BFGS" : "CG", ours, wins, n, moved, original);
        }
        System.out.println();
    }

    /**
     * x₀ with every nonzero coordinate moved one ulp, up or down by bit 16 of the linear congruential sequence
     * s ← (1103515245·s + 12345) mod 2³¹ started at s = k (the rule of {@code optim_scipy.py --jitter}); k = 0 is x₀.
     */
    static double[] moved(double[] x0, int k) {
        double[] x = x0.clone();
        if (k == 0) {
            return x;
        }
        long s = k;
        for (int j = 0; j < x.length; j++) {
            s = (1103515245L * s + 12345L) & 0x7FFFFFFFL;
            if (x[j] != 0) {
                x[j] = ((s >> 16) & 1) == 1 ? Math.nextUp(x[j]) : Math.nextDown(x[j]);
            }
        }
        return x;
    }

    private static void printRow(TestFunction f, Row a, Row b, String verdict) {
        String left = a == null
                ? String.format(Locale.ROOT, "| ″ | | scipy again with ftol = 0 | | | | | ")
                : String.format(Locale.ROOT, "| %s | %d | %s | %d | %d | %.4g | %.1e | %s | ", f.name(), f.dimension(),
                a.method, a.iterations, a.evaluations, a.f, a.gradInf, a.stop);
        System.out.println(left + String.format(Locale.ROOT, "%d | %d | %.4g | %.1e | %s | %s |", b.iterations,
                b.evaluations, b.f, b.gradInf, b.stop, verdict));
    }

    private static Map<String, Row> runScipy(int jitter) throws Exception {
        Map<String, Row> rows = new HashMap<>();
        File script = new File("src/bench/python/optim_scipy.py");
        if (!script.isFile()) {
            System.out.println("# scipy side skipped: " + script.getAbsolutePath() + " not found (run from the project root)");
            return rows;
        }
        ProcessBuilder pb = jitter > 0
                ? new ProcessBuilder("/usr/bin/python3", script.getPath(), "--jitter", Integer.toString(jitter))
                : new ProcessBuilder("/usr/bin/python3", script.getPath());
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
            String[] t = line.split("\t");
            if (t.length == 9) {
                String stop = t[8].replace("CONVERGENCE: ", "").replace("NORM_OF_PROJECTED_GRADIENT_<=_PGTOL", "‖g‖∞ ≤ 1e-5")
                        .replace("REL_REDUCTION_OF_F_<=_FACTR*EPSMCH", "ftol (relative decrease)")
                        .replace("Optimization terminated successfully.", "‖g‖∞ ≤ 1e-5")
                        .replace("Desired error not necessarily achieved due to precision loss.", "line search failed (precision loss)");
                rows.put(t[0] + "|" + t[1], new Row(t[0], Integer.parseInt(t[2]), Integer.parseInt(t[3]),
                        Double.parseDouble(t[6]), Double.parseDouble(t[5]), stop));
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
