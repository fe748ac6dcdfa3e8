package descent.mutation;

import descent.grade.Project;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The mutation gate behind {@code ./descent mutants} and {@code ./descent check --mutants}: proves that each
 * exercise's graded tests tell wrong answers from the right one.
 * <ol>
 * <li>PIT mutates the code inside the exercise's BEGIN/END SOLUTION regions (mutators {@value Pit#MUTATORS}) and
 * runs only that exercise's graded tests against each mutant. Every mutant must be killed, or declared equivalent
 * with a reason in the exercise's {@code .mutants} file beside its graded test; a declared mutant that is killed, or
 * that no longer exists, is an error too.</li>
 * <li>Each typical mistake in the {@code .mutants} file is patched into the solution and graded: it must lose
 * points (no more than its {@code keeps at most} allows), and a failing test's message must contain its
 * {@code message} text.</li>
 * </ol>
 * Prints a table per exercise and every survivor (line, mutator, source line, PIT's description), writes the same
 * text to {@code target/mutants/report.txt} and PIT's XML to {@code target/mutants/pit/mutations.xml}, and closes
 * with {@code N passed, N failed} (one check per exercise and one per mistake). Exit status 0 when all pass, 1 when
 * any fails, 2 on a usage error.
 */
public final class MutationGate {

    static final String USAGE = """
            usage: descent mutants [--threads N] [--no-pit] [--no-mistakes] [EXERCISE|CHAPTER ...]
                   descent check --mutants [same options]
              PIT mutates the solution regions and runs each exercise's own graded tests; every mutant must be
              killed or declared equivalent (with a reason) in src/grade/java/<chapter>/<Name>Test.mutants, and
              every typical mistake listed there must lose points with a message that names it.
              EXERCISE is an id (01.13), CHAPTER a package (backprop) or number (01); default: the whole course.
              --threads N     PIT's test JVMs and the threads grading mistakes (default 2)
              --no-pit        only the typical mistakes        --no-mistakes   only PIT
              Needs the compiled solutions and graded tests (mvn test-compile) and PIT's classpath in
              target/pitest/classpath.txt (mvn -Ppitest dependency:build-classpath@pitest); ./descent does both.
            exit status: 0 every check passed, 1 a check failed, 2 usage or internal error
            """;

    private MutationGate() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** One exercise's verdict from PIT. */
    record Verdict(Course.Item item, int mutants, int killed, int equivalent, List<Survivor> survivors,
                   List<String> problems) {
        boolean ok() {
            return survivors.isEmpty() && problems.isEmpty();
        }
    }

    /** A mutant no graded test of its exercise noticed. */
    record Survivor(PitReport.Mutant mutant, String sourceLine, String key) {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        int threads = 2;
        boolean pit = true;
        boolean mistakes = true;
        Path pitClasspath = null;
        List<String> words = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "-h", "--help" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    case "--threads" -> threads = Integer.parseInt(value(args, ++i, "--threads"));
                    case "--pit-classpath" -> pitClasspath = Path.of(value(args, ++i, "--pit-classpath"));
                    case "--no-pit" -> pit = false;
                    case "--no-mistakes" -> mistakes = false;
                    case "--mutants" -> { }   // from "./descent check --mutants"
                    default -> {
                        if (args[i].startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        words.add(args[i]);
                    }
                }
            }
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        Path root = Project.root();
        Path testClasses = root.resolve("target/test-classes");
        Path work = root.resolve("target/mutants");
        try {
            if (pit && pitClasspath == null) {
                pitClasspath = root.resolve("target/pitest/classpath.txt");
            }
            Course course = Course.read(root, testClasses);
            List<Course.Item> items = course.select(words);
            return gate(course, items, pit ? readClasspath(pitClasspath) : null, mistakes, threads, work, out);
        } catch (IllegalArgumentException | MutantsFile.FormatException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("internal error: " + e.getMessage());
            e.printStackTrace(err);
            return 2;
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static List<String> readClasspath(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("PIT's classpath file " + file + " is missing: run ./descent mutants "
                    + "(or mvn -Ppitest dependency:build-classpath@pitest)");
        }
        try {
            return Arrays.stream(Files.readString(file).strip().split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> libraryClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isBlank()).toList();
    }

    /** Runs the gate on {@code items}; PIT is skipped when {@code pitClasspath} is null. Returns the exit status. */
    static int gate(Course course, List<Course.Item> items, List<String> pitClasspath, boolean runMistakes,
                    int threads, Path work, PrintStream console) {
        Path root = course.root();
        Path gradeSources = root.resolve("src/grade/java");
        StringBuilder report = new StringBuilder();
        Map<String, MutantsFile> files = new LinkedHashMap<>();
        for (Course.Item item : items) {
            Path f = item.sidecar(gradeSources);
            files.put(item.id(), MutantsFile.read(f, root.relativize(f).toString()));
        }
        List<String> strays = strayMutantsFiles(course, gradeSources);
        int passed = 0;
        int failed = 0;
        for (String s : strays) {
            line(report, console, "FAIL " + s);
            failed++;
        }

        if (pitClasspath != null) {
            line(report, console, "PIT " + pitVersion(pitClasspath) + " on the solution regions of " + items.size()
                    + " exercise(s), each with its own graded tests only; mutators " + Pit.MUTATORS + "; "
                    + threads + " threads");
            long t0 = System.nanoTime();
            Set<String> isolated = isolated(course, items, root.resolve("target/test-classes"));
            Path xml = new Pit(root, work, root.resolve("target/test-classes"), pitClasspath, libraryClasspath())
                    .run(items, isolated, threads);
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<Verdict> verdicts = analyse(course, items, files, PitReport.read(xml));
            table(verdicts, report, console);
            int mutants = verdicts.stream().mapToInt(Verdict::mutants).sum();
            line(report, console, String.format(Locale.ROOT, "PIT took %.1f s for %d mutants of %d exercises "
                            + "(%.2f s per exercise, %.0f ms per mutant, %d threads); report %s", seconds, mutants,
                    items.size(), seconds / Math.max(1, items.size()), 1000 * seconds / Math.max(1, mutants), threads,
                    root.relativize(xml)));
            for (Verdict v : verdicts) {
                if (v.ok()) {
                    passed++;
                } else {
                    failed++;
                }
            }
        }

        if (runMistakes) {
            long t0 = System.nanoTime();
            line(report, console, "");
            line(report, console, "typical mistakes (patched into the solution and graded: each must lose points, "
                    + "and a failing test's message must name it)");
            List<Course.Item> owners = new ArrayList<>();
            List<MutantsFile.Mistake> mistakes = new ArrayList<>();
            for (Course.Item item : items) {
                for (MutantsFile.Mistake m : files.get(item.id()).mistakes()) {
                    owners.add(item);
                    mistakes.add(m);
                }
            }
            // one runner (compiler and file manager) per thread; results printed in file order
            Path testClasses = root.resolve("target/test-classes");
            ThreadLocal<MistakeRunner> runners = ThreadLocal.withInitial(
                    () -> new MistakeRunner(testClasses, libraryClasspath(), 20_000));
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "mistakes");
                t.setDaemon(true);
                return t;
            });
            List<Future<MistakeRunner.Result>> results = new ArrayList<>();
            for (int i = 0; i < mistakes.size(); i++) {
                Course.Item item = owners.get(i);
                MutantsFile.Mistake m = mistakes.get(i);
                results.add(pool.submit(() -> runners.get().run(item, m)));
            }
            for (int i = 0; i < mistakes.size(); i++) {
                Course.Item item = owners.get(i);
                MutantsFile.Mistake m = mistakes.get(i);
                MistakeRunner.Result r;
                try {
                    r = results.get(i).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while grading the typical mistakes", e);
                } catch (ExecutionException e) {
                    r = MistakeRunner.Result.broken("grading it failed: " + e.getCause());
                }
                String problem = judge(m, r);
                String verdict = problem == null ? "ok  " : "FAIL";
                String score = r.problem() == null ? String.format(Locale.ROOT, "keeps %d/%d, fails %s", r.kept(),
                        r.total(), String.join(" ", r.failures().keySet().stream()
                                .map(k -> k.substring(k.indexOf('.') + 1)).toList())) : "";
                line(report, console, String.format(Locale.ROOT, "  %s %-6s %s: %s%s", verdict, item.id(),
                        m.name(), score, problem == null ? "" : "\n         " + problem));
                if (problem == null) {
                    passed++;
                } else {
                    failed++;
                }
            }
            pool.shutdown();
            List<String> none = items.stream().filter(i -> files.get(i.id()).mistakes().isEmpty()).map(Course.Item::id).toList();
            if (!none.isEmpty()) {
                line(report, console, "  (no typical mistakes listed for " + String.join(", ", none) + ")");
            }
            line(report, console, String.format(Locale.ROOT, "mistakes took %.1f s for %d mistakes (%d threads)",
                    (System.nanoTime() - t0) / 1e9, mistakes.size(), threads));
        }
        line(report, console, passed + " passed, " + failed + " failed");
        try {
            Files.createDirectories(work);
            Files.writeString(work.resolve("report.txt"), report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return failed == 0 ? 0 : 1;
    }

    /** Why a mistake's result is not acceptable, or null when it is. */
    static String judge(MutantsFile.Mistake m, MistakeRunner.Result r) {
        if (r.problem() != null) {
            return r.problem();
        }
        if (r.kept() >= r.total()) {
            return "keeps full marks: the graded tests cannot tell this mistake from the solution (" + m.where() + ")";
        }
        if (m.keepsAtMost() >= 0 && r.kept() > m.keepsAtMost()) {
            return "keeps " + r.kept() + " of " + r.total() + " points, more than the " + m.keepsAtMost()
                    + " allowed: move points to the tests it fails (" + m.where() + ")";
        }
        for (String test : m.fails()) {
            if (r.failures().keySet().stream().noneMatch(k -> k.equals(test) || k.endsWith("." + test))) {
                return "passes " + test + ", one of the tests meant for it (" + m.where() + "); it fails "
                        + r.failures().keySet();
            }
        }
        for (String text : m.messages()) {
            if (r.failures().values().stream().noneMatch(msg -> msg.contains(text))) {
                return "no failing test's message contains '" + text + "' (" + m.where() + "); the messages were: "
                        + r.failures();
            }
        }
        return null;
    }

    /** Sorts PIT's mutants into exercises and checks them against the declared equivalents. */
    static List<Verdict> analyse(Course course, List<Course.Item> items, Map<String, MutantsFile> files,
                                 List<PitReport.Mutant> mutants) {
        Map<String, List<PitReport.Mutant>> byExercise = new HashMap<>();
        Map<PitReport.Mutant, Course.Region> regionOf = new HashMap<>();
        for (PitReport.Mutant m : mutants) {
            Course.Region r = course.regionOf(m.className(), m.line());
            if (r == null || m.status().equals("NON_VIABLE")) {
                continue;
            }
            regionOf.put(m, r);
            byExercise.computeIfAbsent(r.exerciseId(), k -> new ArrayList<>()).add(m);
        }
        Map<Path, List<String>> sources = new HashMap<>();
        List<Verdict> out = new ArrayList<>();
        for (Course.Item item : items) {
            List<PitReport.Mutant> ms = byExercise.getOrDefault(item.id(), List.of());
            // key of each mutant: file, source line, description and, when several share those, #k in PIT's order
            Map<PitReport.Mutant, String> lineOf = new HashMap<>();
            Map<PitReport.Mutant, Integer> occurrence = new HashMap<>();
            Map<String, List<PitReport.Mutant>> same = new LinkedHashMap<>();
            for (PitReport.Mutant m : ms) {
                List<String> src = sources.computeIfAbsent(regionOf.get(m).file(), MutationGate::readLines);
                lineOf.put(m, m.line() <= src.size() ? src.get(m.line() - 1).strip() : "");
                same.computeIfAbsent(m.className() + ":" + m.line() + ":" + m.description(), k -> new ArrayList<>()).add(m);
            }
            for (List<PitReport.Mutant> group : same.values()) {
                group.sort(Comparator.comparingInt(PitReport.Mutant::index));
                for (int k = 0; k < group.size(); k++) {
                    occurrence.put(group.get(k), group.size() == 1 ? 0 : k + 1);
                }
            }
            Set<PitReport.Mutant> declared = new LinkedHashSet<>();
            List<String> problems = new ArrayList<>();
            for (MutantsFile.Equivalent e : files.get(item.id()).equivalents()) {
                List<PitReport.Mutant> hits = ms.stream().filter(m -> m.file().equals(e.file())
                        && lineOf.get(m).equals(e.line()) && m.description().equals(e.description())
                        && (e.occurrence() == 0 || occurrence.get(m) == e.occurrence())).toList();
                if (hits.isEmpty()) {
                    problems.add("declared equivalent, but PIT made no such mutant (did the solution line change?): "
                            + e.key() + " (" + e.where() + ")");
                }
                for (PitReport.Mutant m : hits) {
                    if (m.detected()) {
                        problems.add("declared equivalent, but " + (m.killingTest().isEmpty() ? "a test"
                                : m.killingTest()) + " kills it, so it is not: remove " + e.key() + " (" + e.where() + ")");
                    } else {
                        declared.add(m);
                    }
                }
            }
            int killed = 0;
            List<Survivor> survivors = new ArrayList<>();
            for (PitReport.Mutant m : ms) {
                if (m.detected()) {
                    killed++;
                } else if (!declared.contains(m)) {
                    int k = occurrence.get(m);
                    survivors.add(new Survivor(m, lineOf.get(m), m.file() + " `" + lineOf.get(m) + "` " + m.description()
                            + (k > 0 ? " #" + k : "")));
                }
            }
            survivors.sort(Comparator.comparingInt((Survivor s) -> s.mutant().line()).thenComparingInt(s -> s.mutant().index()));
            out.add(new Verdict(item, ms.size(), killed, declared.size(), survivors, problems));
        }
        return out;
    }

    private static void table(List<Verdict> verdicts, StringBuilder report, PrintStream console) {
        int width = Math.max(5, verdicts.stream().mapToInt(v -> v.item().title().length()).max().orElse(5));
        String fmt = "%-8s %-" + width + "s %8s %7s %11s %9s %7s";
        line(report, console, String.format(Locale.ROOT, fmt, "exercise", "title", "mutants", "killed", "equivalent",
                "survived", "score"));
        int mutants = 0;
        int killed = 0;
        int equivalent = 0;
        int survived = 0;
        for (Verdict v : verdicts) {
            line(report, console, String.format(Locale.ROOT, fmt, v.item().id(), v.item().title(), v.mutants(),
                    v.killed(), v.equivalent(), v.survivors().size(), score(v.killed(), v.mutants() - v.equivalent()))
                    + (v.ok() ? "" : "   FAIL"));
            mutants += v.mutants();
            killed += v.killed();
            equivalent += v.equivalent();
            survived += v.survivors().size();
        }
        line(report, console, String.format(Locale.ROOT, fmt, "total", "", mutants, killed, equivalent, survived,
                score(killed, mutants - equivalent)));
        boolean any = false;
        for (Verdict v : verdicts) {
            for (Survivor s : v.survivors()) {
                if (!any) {
                    line(report, console, "");
                    line(report, console, "survivors: give the graded test an input that tells each from the solution "
                            + "(or, if none can, declare it equivalent in the exercise's .mutants file with a reason)");
                    any = true;
                }
                PitReport.Mutant m = s.mutant();
                line(report, console, String.format(Locale.ROOT, "  %-6s %s:%d %s (%s)", v.item().id(),
                        m.file(), m.line(), m.mutator(), m.status().toLowerCase(Locale.ROOT)));
                line(report, console, "         `" + s.sourceLine() + "`: " + m.description());
                line(report, console, "         declare as: equivalent " + s.key());
            }
        }
        for (Verdict v : verdicts) {
            for (String p : v.problems()) {
                line(report, console, "  " + v.item().id() + " " + p);
            }
        }
    }

    private static String score(int killed, int of) {
        return of == 0 ? "—" : String.format(Locale.ROOT, "%.0f%%", Math.floor(100.0 * killed / of));
    }

    /**
     * The solution classes that an exercise other than their own uses, from its graded tests or its solution: their
     * mutants get a test JVM of their own, because PIT leaves a class mutated after its last mutant ran. Found by
     * looking for each class's internal name in the compiled class files.
     */
    static Set<String> isolated(Course course, List<Course.Item> items, Path testClasses) {
        Map<String, Set<String>> owners = new HashMap<>();   // a class may hold regions of several exercises
        for (Course.Item i : course.items()) {
            i.solutionClasses().forEach(c -> owners.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(i.id()));
        }
        Set<String> out = new LinkedHashSet<>();
        for (Course.Item item : items) {
            List<String> users = new ArrayList<>(item.testClasses());
            users.addAll(item.solutionClasses());
            for (String user : users) {
                for (Path file : classFiles(testClasses, user)) {
                    String bytes;
                    try {
                        bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    for (Map.Entry<String, Set<String>> e : owners.entrySet()) {
                        if (!e.getValue().contains(item.id()) && mentions(bytes, e.getKey().replace('.', '/'))) {
                            out.add(e.getKey());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static boolean mentions(String bytes, String internalName) {
        for (int at = bytes.indexOf(internalName); at >= 0; at = bytes.indexOf(internalName, at + 1)) {
            int end = at + internalName.length();
            char c = end == bytes.length() ? ';' : bytes.charAt(end);
            // a class file byte after the name: ';' or '$' in descriptors, the next constant's tag (a control byte)
            // after a name entry; a letter, digit or '_' means a longer name (ClipByNormTest is not ClipByNorm)
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> classFiles(Path testClasses, String cls) {
        Path file = testClasses.resolve(cls.replace('.', '/') + ".class");
        Path dir = file.getParent();
        String simple = cls.substring(cls.lastIndexOf('.') + 1);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.equals(simple + ".class") || (n.startsWith(simple + "$") && n.endsWith(".class"));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code .mutants} files that belong to no graded test class (a typo in the name would silently drop them). */
    private static List<String> strayMutantsFiles(Course course, Path gradeSources) {
        Set<Path> known = new LinkedHashSet<>();
        for (Course.Item i : course.items()) {
            for (String t : i.testClasses()) {
                known.add(gradeSources.resolve(t.replace('.', '/') + MutantsFile.SUFFIX));
            }
        }
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(gradeSources)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(gradeSources)) {
            s.filter(p -> p.toString().endsWith(MutantsFile.SUFFIX)).sorted().forEach(p -> {
                if (!known.contains(p)) {
                    out.add(course.root().relativize(p) + ": no graded test class " + p.getFileName().toString()
                            .replace(MutantsFile.SUFFIX, "") + " with @Exercise beside it, so nothing reads this file");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pitVersion(List<String> classpath) {
        for (String e : classpath) {
            String n = Path.of(e).getFileName().toString();
            if (n.startsWith("pitest-") && n.matches("pitest-\\d.*\\.jar")) {
                return n.substring("pitest-".length(), n.length() - ".jar".length());
            }
        }
        return "";
    }

    private static void line(StringBuilder report, PrintStream console, String s) {
        report.append(s).append('\n');
        console.println(s);
        console.flush();
    }
}
