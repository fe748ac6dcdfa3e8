package descent.grader;

import descent.grade.Exercise;
import descent.grade.Points;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Grades one tree ({@code exercises/} or {@code solutions/}) with the graded tests in {@code src/grade/java}.
 * <ol>
 * <li>Compiles the tree and the selected graded tests against the library classpath into a temporary directory.
 * A file that does not compile is left out and the rest compiled again, so one broken exercise costs only the
 * exercises whose tests need it.</li>
 * <li>Runs the tests in a child JVM ({@link GradeChild}, 512 MB heap), one test method at a time. The parent
 * watches the child's protocol file: a test running longer than the timeout has the child killed and fails
 * "timed out after N s"; a child that exits or crashes mid-test fails that test ("called System.exit(N)" or
 * "crashed"). Either way a new child runs the remaining tests.</li>
 * <li>Collects pass/fail per test with its {@link Points} into a {@link GradeReport}.</li>
 * </ol>
 * Nothing the graded code does (loops, exceptions, exits, output) can stop the report from being produced.
 */
public final class Grader {

    /** Heap of the child JVM that runs graded code. */
    public static final String CHILD_HEAP = "-Xmx512m";

    private final Path root;
    private final Path tree;
    private final Path gradeSources;
    private final int timeoutSeconds;
    private final List<String> libraryClasspath;

    /**
     * @param root the project root (paths in messages are relative to it)
     * @param tree the tree to grade, e.g. {@code root/exercises}
     * @param timeoutSeconds per test method
     */
    public Grader(Path root, Path tree, int timeoutSeconds) {
        this(root, tree, root.resolve("src/grade/java"), timeoutSeconds, Classpath.library());
    }

    Grader(Path root, Path tree, Path gradeSources, int timeoutSeconds, List<String> libraryClasspath) {
        if (timeoutSeconds <= 0) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeoutSeconds + " s");
        }
        this.root = root.toAbsolutePath().normalize();
        this.tree = tree.toAbsolutePath().normalize();
        this.gradeSources = gradeSources.toAbsolutePath().normalize();
        this.timeoutSeconds = timeoutSeconds;
        this.libraryClasspath = libraryClasspath;
    }

    /** A graded test class as read from its source text (available even when it does not compile). */
    record TestClassSource(Path file, String className, String id, String title, List<String[]> methods) {
    }

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern EXERCISE = Pattern.compile(
            "@(?:descent\\.grade\\.)?Exercise\\s*\\(([^)]*)\\)");
    private static final Pattern ATTR = Pattern.compile("(id|title)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern METHOD = Pattern.compile(
            "((?:@[\\w.]+(?:\\s*\\((?:[^()\"]|\"(?:[^\"\\\\]|\\\\.)*\")*\\))?\\s*)+)"
                    + "(?:(?:public|protected|private|static|final)\\s+)*void\\s+(\\w+)\\s*\\(");
    private static final Pattern POINTS = Pattern.compile("@(?:descent\\.grade\\.)?Points\\s*\\(\\s*(?:value\\s*=\\s*)?(\\d+)\\s*\\)");
    private static final Pattern TESTISH = Pattern.compile("@(?:[\\w.]*\\.)?(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b");

    /** The graded test classes under {@code src/grade/java}, read from their sources, sorted by class name. */
    List<TestClassSource> testSources() {
        List<TestClassSource> out = new ArrayList<>();
        if (!Files.isDirectory(gradeSources)) {
            return out;
        }
        for (Path file : javaFiles(gradeSources)) {
            String src;
            try {
                src = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Matcher pm = PACKAGE.matcher(src);
            String pkg = pm.find() ? pm.group(1) + "." : "";
            String name = file.getFileName().toString().replaceAll("\\.java$", "");
            String id = null;
            String title = "";
            Matcher em = EXERCISE.matcher(src);
            if (em.find()) {
                Matcher am = ATTR.matcher(em.group(1));
                while (am.find()) {
                    if (am.group(1).equals("id")) {
                        id = am.group(2);
                    } else {
                        title = am.group(2).replace("\\\"", "\"");
                    }
                }
            }
            List<String[]> methods = new ArrayList<>();
            Matcher mm = METHOD.matcher(src);
            while (mm.find()) {
                if (TESTISH.matcher(mm.group(1)).find()) {
                    Matcher p = POINTS.matcher(mm.group(1));
                    methods.add(new String[]{mm.group(2), p.find() ? p.group(1) : "0"});
                }
            }
            if (id == null && methods.isEmpty()) {
                continue; // a helper class, not a graded test
            }
            out.add(new TestClassSource(file, pkg + name, id, title, methods));
        }
        out.sort(Comparator.comparing(TestClassSource::className));
        return out;
    }

    /**
     * Which test classes a selection names: an exercise id ({@code 01.2}), a chapter number ({@code 01}) or a
     * chapter package ({@code backprop}). An empty selection means all.
     *
     * @throws IllegalArgumentException for a selector that matches nothing, listing what exists
     */
    List<TestClassSource> select(List<String> selectors) {
        List<TestClassSource> all = testSources();
        if (selectors.isEmpty()) {
            return all;
        }
        List<TestClassSource> out = new ArrayList<>();
        for (String s : selectors) {
            boolean hit = false;
            for (TestClassSource t : all) {
                String pkg = t.className().contains(".") ? t.className().substring(0, t.className().lastIndexOf('.')) : "";
                String id = t.id() == null ? "" : t.id();
                if (id.equals(s) || id.startsWith(s + ".") || pkg.equals(s) || t.className().equals(s)
                        || t.className().endsWith("." + s)) {
                    hit = true;
                    if (!out.contains(t)) {
                        out.add(t);
                    }
                }
            }
            if (!hit) {
                Set<String> known = new TreeSet<>();
                Set<String> ids = new TreeSet<>(Grader::compareIds);
                all.forEach(t -> {
                    known.add(t.className().contains(".") ? t.className().substring(0, t.className().lastIndexOf('.')) : "");
                    if (t.id() != null) {
                        ids.add(t.id());
                    }
                });
                List<String> names = new ArrayList<>(known);
                names.addAll(ids);
                throw new IllegalArgumentException("no graded exercise or chapter '" + s + "'; known: "
                        + String.join(", ", names));
            }
        }
        return out;
    }

    /** Grades every graded test. */
    public GradeReport grade() {
        return grade(List.of());
    }

    /** Grades the exercises and chapters named by {@code selectors} (all when empty). */
    public GradeReport grade(List<String> selectors) {
        long t0 = System.nanoTime();
        List<TestClassSource> selected = select(selectors);
        Path work;
        try {
            work = Files.createTempDirectory("descent-grade");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path classes = work.resolve("classes");
            Files.createDirectories(classes);
            List<Path> sources = new ArrayList<>(Files.isDirectory(tree) ? javaFiles(tree) : List.of());
            selected.forEach(t -> sources.add(t.file()));
            Map<Path, List<String>> errors = compile(sources, classes);

            // Errors in the graded tests that only echo a broken tree file are left out: the tree file's error
            // is the one to fix.
            List<String> compileErrors = new ArrayList<>();
            errors.forEach((file, list) -> {
                if (file.startsWith(tree)) {
                    compileErrors.addAll(list);
                }
            });
            for (TestClassSource t : selected) {
                if (errors.containsKey(t.file()) && compileMessage(t, errors).equals(
                        "does not compile: " + errors.get(t.file()).get(0))) {
                    compileErrors.addAll(errors.get(t.file()));
                }
            }
            List<String> problems = new ArrayList<>();
            Map<String, String> notCompiled = new HashMap<>();
            List<String> plan = new ArrayList<>();
            Map<String, Integer> points = new HashMap<>();
            Map<String, List<String>> methodsOf = new LinkedHashMap<>();
            Map<String, String[]> exerciseOf = new HashMap<>();

            try (URLClassLoader loader = new ChildFirstLoader(classes)) {
                for (TestClassSource t : selected) {
                    List<String> names = new ArrayList<>();
                    methodsOf.put(t.className(), names);
                    exerciseOf.put(t.className(), new String[]{t.id(), t.title()});
                    if (errors.containsKey(t.file())) {
                        notCompiled.put(t.className(), compileMessage(t, errors));
                        for (String[] m : t.methods()) {
                            names.add(m[0]);
                            points.put(t.className() + "#" + m[0], Integer.parseInt(m[1]));
                        }
                        continue;
                    }
                    Class<?> c = Class.forName(t.className(), false, loader);
                    Exercise ex = c.getAnnotation(Exercise.class);
                    if (ex == null) {
                        problems.add(t.className() + " has no @Exercise(id = ..., title = ...)");
                    } else {
                        exerciseOf.put(t.className(), new String[]{ex.id(), ex.title()});
                    }
                    List<Method> tests = new ArrayList<>();
                    for (Method m : c.getDeclaredMethods()) {
                        if (isTest(m)) {
                            tests.add(m);
                        }
                    }
                    // Source order where the source parse found the method, then by name.
                    List<String> order = t.methods().stream().map(m -> m[0]).toList();
                    tests.sort(Comparator.comparing((Method m) -> order.contains(m.getName())
                            ? order.indexOf(m.getName()) : Integer.MAX_VALUE).thenComparing(Method::getName));
                    for (Method m : tests) {
                        Points p = m.getAnnotation(Points.class);
                        if (p == null) {
                            problems.add(t.className() + "." + m.getName() + " has no @Points(n)");
                        } else if (p.value() <= 0) {
                            problems.add(t.className() + "." + m.getName() + " has @Points(" + p.value()
                                    + "); points must be positive");
                        }
                        String key = t.className() + "#" + m.getName();
                        if (!names.contains(m.getName())) {
                            names.add(m.getName());
                            points.put(key, p == null ? 0 : p.value());
                            plan.add(key);
                        }
                    }
                    if (tests.isEmpty()) {
                        problems.add(t.className() + " has no test methods");
                    }
                }
            }

            Map<String, String[]> outcomes = run(plan, classes, work);

            Map<String, List<GradeReport.TestResult>> byExercise = new TreeMap<>(Grader::compareIds);
            Map<String, String> titles = new HashMap<>();
            for (Map.Entry<String, List<String>> e : methodsOf.entrySet()) {
                String cls = e.getKey();
                String[] ex = exerciseOf.get(cls);
                String id = ex[0] == null ? cls : ex[0];
                titles.putIfAbsent(id, ex[1] == null ? "" : ex[1]);
                List<GradeReport.TestResult> list = byExercise.computeIfAbsent(id, k -> new ArrayList<>());
                for (String m : e.getValue()) {
                    String key = cls + "#" + m;
                    int pts = points.getOrDefault(key, 0);
                    if (notCompiled.containsKey(cls)) {
                        list.add(new GradeReport.TestResult(cls, m, pts, false, notCompiled.get(cls)));
                    } else {
                        String[] o = outcomes.getOrDefault(key, new String[]{"FAIL", "the test did not run"});
                        list.add(new GradeReport.TestResult(cls, m, pts, o[0].equals("PASS"), o[1],
                                o.length > 2 ? o[2] : ""));
                    }
                }
            }
            List<GradeReport.ExerciseResult> exercises = new ArrayList<>();
            byExercise.forEach((id, tests) -> exercises.add(new GradeReport.ExerciseResult(id, titles.get(id), tests)));
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new GradeReport(root.relativize(tree).toString().replace('\\', '/'), exercises, compileErrors,
                    problems, seconds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled test class vanished: " + e.getMessage(), e);
        } finally {
            deleteRecursively(work);
        }
    }

    /** Exercise ids in reading order: 01.2 before 01.10. */
    static int compareIds(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static boolean isTest(Method m) {
        for (Annotation a : m.getAnnotations()) {
            if (a.annotationType().isAnnotationPresent(org.junit.platform.commons.annotation.Testable.class)) {
                return true;
            }
        }
        return false;
    }

    /** The message for a test class that did not compile: the first error of a tree file it uses, else its own. */
    private String compileMessage(TestClassSource t, Map<Path, List<String>> errors) {
        String src;
        try {
            src = Files.readString(t.file());
        } catch (IOException e) {
            src = "";
        }
        List<String> cited = new ArrayList<>();
        for (Map.Entry<Path, List<String>> e : errors.entrySet()) {
            Path f = e.getKey();
            if (f.startsWith(tree)) {
                String simple = f.getFileName().toString().replaceAll("\\.java$", "");
                if (Pattern.compile("\\b" + Pattern.quote(simple) + "\\b").matcher(src).find()) {
                    cited.add(e.getValue().get(0));
                }
            }
        }
        if (cited.isEmpty()) {
            cited.add(errors.get(t.file()).get(0));
        }
        return "does not compile: " + String.join("\n", cited);
    }

    /**
     * Compiles {@code sources} into {@code out}, dropping files with errors and retrying until the rest compiles.
     *
     * @return the errors of every dropped file, as {@code path:line: message} relative to the root
     */
    Map<Path, List<String>> compile(List<Path> sources, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in " + System.getProperty("java.home")
                    + ": the grader needs a JDK, not a JRE");
        }
        Map<Path, List<String>> failed = new LinkedHashMap<>();
        List<Path> remaining = new ArrayList<>(sources);
        while (!remaining.isEmpty()) {
            clear(out);
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                    StandardCharsets.UTF_8)) {
                List<String> options = List.of("-d", out.toString(), "-classpath",
                        String.join(File.pathSeparator, libraryClasspath), "-proc:none", "-encoding", "UTF-8",
                        "-nowarn", "-Xlint:none", "-Xmaxerrs", "10000", "-implicit:none", "-sourcepath", "");
                Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(remaining);
                boolean ok = javac.getTask(null, fm, diagnostics, options, null, units).call();
                if (ok) {
                    break;
                }
            }
            Map<Path, List<String>> round = new LinkedHashMap<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR || d.getSource() == null) {
                    continue;
                }
                Path p = Path.of(d.getSource().toUri()).toAbsolutePath().normalize();
                String rel = p.startsWith(root) ? root.relativize(p).toString().replace('\\', '/') : p.toString();
                String msg = d.getMessage(Locale.ROOT).lines().findFirst().orElse("");
                round.computeIfAbsent(p, k -> new ArrayList<>()).add(rel + ":" + d.getLineNumber() + ": " + msg);
            }
            if (round.isEmpty()) {
                // Errors without a source file (bad options, missing classpath): nothing can compile.
                List<String> all = new ArrayList<>();
                diagnostics.getDiagnostics().forEach(d -> all.add(d.getMessage(Locale.ROOT)));
                for (Path p : remaining) {
                    failed.put(p, List.of("compiler error: " + String.join("; ", all)));
                }
                break;
            }
            failed.putAll(round);
            remaining.removeAll(round.keySet());
        }
        return failed;
    }

    /** Runs the planned test methods in child JVMs; returns {PASS|FAIL, message} per {@code class#method}. */
    Map<String, String[]> run(List<String> plan, Path classes, Path work) throws IOException {
        Map<String, String[]> results = new LinkedHashMap<>();
        List<String> remaining = new ArrayList<>(plan);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cp = new ArrayList<>();
        cp.add(classes.toString());
        cp.addAll(libraryClasspath);
        int round = 0;
        while (!remaining.isEmpty()) {
            round++;
            Path protocol = work.resolve("protocol-" + round + ".txt");
            Path planFile = work.resolve("plan-" + round + ".txt");
            Files.write(planFile, remaining, StandardCharsets.UTF_8);
            Files.createFile(protocol);
            String nonce = UUID.randomUUID().toString();
            ProcessBuilder pb = new ProcessBuilder(java, CHILD_HEAP, "-Xss8m", "-XX:+UseSerialGC",
                    "-Djava.awt.headless=true", "-cp", String.join(File.pathSeparator, cp),
                    GradeChild.class.getName(), protocol.toString(), planFile.toString());
            pb.directory(work.toFile());
            // One BLAS thread: graded tests are small, and the machine may be shared.
            pb.environment().putIfAbsent("OPENBLAS_NUM_THREADS", "1");
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process child = pb.start();
            try (OutputStream in = child.getOutputStream()) {
                in.write((nonce + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // The child died before reading its nonce; handled below like any crash.
            }
            String running = null;
            long runningSince = 0;
            long lastEvent = System.nanoTime();
            long silence = Math.max(60, 2L * timeoutSeconds) * 1_000_000_000L;
            boolean silent = false;
            boolean timedOut = false;
            boolean shutdown = false;
            boolean ended = false;
            int seen = 0;
            boolean progress = false;
            while (true) {
                boolean alive = child.isAlive();
                String text;
                try {
                    text = Files.readString(protocol, StandardCharsets.UTF_8);
                } catch (IOException | UncheckedIOException e) {
                    text = ""; // graded code deleted or mangled the file: what was lost counts as not run
                }
                // Only complete lines count; a partial last line is read again next time.
                List<String> lines = text.substring(0, text.lastIndexOf('\n') + 1).lines().toList();
                for (int i = seen; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (!line.startsWith(nonce + "\t")) {
                        continue;
                    }
                    String[] f = line.substring(nonce.length() + 1).split("\t", -1);
                    lastEvent = System.nanoTime();
                    switch (f[0]) {
                        case "START" -> {
                            running = f[1] + "#" + f[2];
                            runningSince = System.nanoTime();
                            progress = true;
                        }
                        case "DONE" -> {
                            String key = f[1] + "#" + f[2];
                            results.put(key, new String[]{f[3], GradeChild.unescape(f.length > 4 ? f[4] : ""),
                                GradeChild.unescape(f.length > 5 ? f[5] : "")});
                            remaining.remove(key);
                            running = null;
                        }
                        case "SHUTDOWN" -> shutdown = true;
                        case "END" -> ended = true;
                        default -> {
                        }
                    }
                }
                seen = lines.size();
                if (!alive) {
                    break;
                }
                boolean overdue = running != null && System.nanoTime() - runningSince > timeoutSeconds * 1_000_000_000L;
                // Between tests the child only talks to JUnit; silence there means the JVM itself is stuck.
                silent = running == null && System.nanoTime() - lastEvent > silence;
                if (overdue || silent) {
                    timedOut = true;
                    child.descendants().forEach(ProcessHandle::destroyForcibly);
                    child.destroyForcibly();
                    try {
                        child.waitFor();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    break;
                }
                try {
                    child.waitFor(40, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    child.destroyForcibly();
                    throw new IllegalStateException("grading interrupted");
                }
            }
            if (ended || remaining.isEmpty()) {
                break;
            }
            int code = timedOut ? -1 : child.exitValue();
            if (silent && !remaining.isEmpty()) {
                results.put(remaining.get(0), new String[]{"FAIL", "the grading JVM stopped responding before this test "
                        + "started"});
                remaining.remove(0);
            } else if (running != null) {
                String message;
                if (timedOut) {
                    message = "timed out after " + timeoutSeconds + " s (an endless loop, or far too slow)";
                } else if (shutdown) {
                    message = "called System.exit(" + code + "); graded code must return or throw, never exit the JVM";
                } else {
                    message = "crashed: the JVM running it stopped with exit code " + code
                            + " (Runtime.halt, or a fatal error in the JVM)";
                }
                results.put(running, new String[]{"FAIL", message});
                remaining.remove(running);
            } else if (!progress) {
                // The child could not even start a test: give up on the rest rather than loop.
                for (String key : remaining) {
                    results.put(key, new String[]{"FAIL", "the grading JVM stopped before running this test (exit code "
                            + code + ")"});
                }
                remaining.clear();
            }
        }
        return results;
    }

    /** Loads the compiled classes before asking the parent, so a stale copy elsewhere on the classpath cannot win. */
    private static final class ChildFirstLoader extends URLClassLoader {
        ChildFirstLoader(Path dir) throws MalformedURLException {
            super(new URL[]{dir.toUri().toURL()}, Grader.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null && !name.startsWith("java.") && !name.startsWith("descent.grade.") && !name.startsWith("descent.grader.")
                        && !name.startsWith("org.junit.")) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException e) {
                        // fall through to the parent
                    }
                }
                if (c == null) {
                    c = super.loadClass(name, false);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    static List<Path> javaFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void clear(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(dir)) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    static void deleteRecursively(Path dir) {
        try {
            clear(dir);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A temporary directory left behind is not worth failing a grading run for.
        }
    }

    @Override
    public String toString() {
        return "Grader[" + tree + ", timeout " + timeoutSeconds + " s, classpath " + Arrays.toString(
                libraryClasspath.toArray()) + "]";
    }
}
