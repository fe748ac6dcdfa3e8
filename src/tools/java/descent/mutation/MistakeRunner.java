package descent.mutation;

import descent.grade.Points;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Grades one typical mistake: patches its replacements into a copy of the exercise's solution file(s), compiles the
 * patched file in memory, and runs the exercise's graded tests against it in this JVM (a class loader of its own
 * holds the patched classes and the chapter's test classes, so nothing leaks between mistakes). The instructor
 * writes the mistakes, so in-process is safe; students' code is graded by {@code descent.grader.run.GradingRun} in a
 * separate JVM. The test messages are the same either way: they come from the graded tests.
 */
public final class MistakeRunner {

    /** What one mistake scored: points kept out of the total, and the failing tests with their messages. */
    public record Result(int kept, int total, Map<String, String> failures, String problem) {

        /** A mistake that could not be graded (it does not apply or does not compile). */
        static Result broken(String problem) {
            return new Result(0, 0, Map.of(), problem);
        }
    }

    private final Path testClasses;
    private final JavaCompiler javac;
    private final StandardJavaFileManager files;
    private final long timeoutMillis;

    /**
     * @param testClasses   the compiled solutions and graded tests ({@code target/test-classes})
     * @param classpath     the library classpath the graded tests need (its {@code target/classes} and jars)
     * @param timeoutMillis longest CPU time a mistake's tests may use (a mistake that loops forever loses every point);
     *        wall time is capped at five times that
     */
    public MistakeRunner(Path testClasses, List<String> classpath, long timeoutMillis) {
        this.testClasses = testClasses;
        this.timeoutMillis = timeoutMillis;
        this.javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run with a JDK, not a JRE");
        }
        this.files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        List<File> cp = new ArrayList<>();
        cp.add(testClasses.toFile());
        classpath.forEach(e -> cp.add(new File(e)));
        try {
            files.setLocation(StandardLocation.CLASS_PATH, cp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies, compiles and grades one mistake of {@code item}. */
    public Result run(Course.Item item, MutantsFile.Mistake mistake) {
        Map<Path, String> patched;
        try {
            patched = patch(item, mistake);
        } catch (IllegalArgumentException e) {
            return Result.broken(e.getMessage());
        }
        Map<String, byte[]> classes = new HashMap<>();
        String error = compile(patched, classes);
        if (error != null) {
            return Result.broken("the mistake does not compile: " + error);
        }
        return grade(item, classes);
    }

    /**
     * The patched text of every solution file a replacement touches. Each text replacement's old text must occur
     * exactly once inside the exercise's regions (of the named file, if given); a region replacement must name
     * exactly one region of the exercise.
     *
     * @throws IllegalArgumentException naming the mistake's line when a replacement does not apply
     */
    static Map<Path, String> patch(Course.Item item, MutantsFile.Mistake mistake) {
        Map<Path, String> texts = new LinkedHashMap<>();
        for (Course.Region region : item.regions()) {
            texts.computeIfAbsent(region.file(), MistakeRunner::read);
        }
        for (MutantsFile.Replacement r : mistake.replacements()) {
            List<Path> files = texts.keySet().stream()
                    .filter(f -> r.file() == null || f.getFileName().toString().equals(r.file())).toList();
            if (files.isEmpty()) {
                throw new IllegalArgumentException(mistake.where() + ": exercise " + item.id() + " has no solution file "
                        + r.file());
            }
            if (r.from() == null) {
                List<Object[]> hits = new ArrayList<>();   // {file, span}
                for (Path f : files) {
                    for (int[] span : spans(texts.get(f), item.id(), r.region())) {
                        hits.add(new Object[]{f, span});
                    }
                }
                if (hits.size() != 1) {
                    throw new IllegalArgumentException(mistake.where() + ": 'replace region' names " + hits.size()
                            + " regions of " + item.id() + (r.region() == null ? "" : " titled \"" + r.region() + "\"")
                            + (hits.isEmpty() ? "" : " (give the title: replace region \"<title>\" with)"));
                }
                Path f = (Path) hits.get(0)[0];
                int[] span = (int[]) hits.get(0)[1];
                String text = texts.get(f);
                String indent = " ".repeat(span[2]);
                StringBuilder body = new StringBuilder();
                for (String l : r.to().split("\n", -1)) {
                    if (!l.isEmpty()) {
                        body.append(indent).append(l);
                    }
                    body.append('\n');
                }
                body.setLength(body.length() - 1);   // the split left one empty piece after the final newline
                texts.put(f, text.substring(0, span[0]) + body + text.substring(span[1]));
                continue;
            }
            List<Object[]> hits = new ArrayList<>();   // {file, offset}
            for (Path f : files) {
                String text = texts.get(f);
                for (int[] span : spans(text, item.id(), null)) {
                    for (int at = text.indexOf(r.from(), span[0]); at >= 0 && at + r.from().length() <= span[1];
                         at = text.indexOf(r.from(), at + 1)) {
                        hits.add(new Object[]{f, at});
                    }
                }
            }
            if (hits.size() != 1) {
                throw new IllegalArgumentException(mistake.where() + ": `" + r.from() + "` occurs " + hits.size()
                        + " times in the solution region(s) of " + item.id() + (r.file() != null ? " in " + r.file() : "")
                        + (hits.isEmpty() ? " (did the solution change?)" : " (quote more of the line)"));
            }
            Path f = (Path) hits.get(0)[0];
            int at = (Integer) hits.get(0)[1];
            String text = texts.get(f);
            texts.put(f, text.substring(0, at) + r.to() + text.substring(at + r.from().length()));
        }
        texts.entrySet().removeIf(e -> e.getValue().equals(read(e.getKey())));
        return texts;
    }

    private static final Pattern BEGIN = Pattern.compile("BEGIN SOLUTION\\s+(\\S+)\\s*(.*?)\\s*(\\*/)?\\s*$");

    /**
     * The regions of exercise {@code id} in a source text (only the one titled {@code title}, when given): for each,
     * {start offset of the line after BEGIN, start offset of the END line, indentation of the BEGIN line}.
     */
    static List<int[]> spans(String text, String id, String title) {
        List<int[]> out = new ArrayList<>();
        int at = 0;
        int[] open = null;
        while (at < text.length()) {
            int nl = text.indexOf('\n', at);
            int next = nl < 0 ? text.length() : nl + 1;
            String line = text.substring(at, nl < 0 ? text.length() : nl);
            int b = line.indexOf("BEGIN SOLUTION");
            if (b >= 0) {
                Matcher m = BEGIN.matcher(line.substring(b));
                if (m.find() && m.group(1).equals(id) && (title == null || m.group(2).equals(title))) {
                    open = new int[]{next, -1, line.length() - line.stripLeading().length()};
                }
            } else if (line.contains("END SOLUTION") && open != null) {
                open[1] = at;
                out.add(open);
                open = null;
            }
            at = next;
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles the sources into {@code out} (binary name → bytes); returns the first error, or null. */
    private String compile(Map<Path, String> sources, Map<String, byte[]> out) {
        List<JavaFileObject> units = new ArrayList<>();
        for (Map.Entry<Path, String> e : sources.entrySet()) {
            String text = e.getValue();
            units.add(new SimpleJavaFileObject(e.getKey().toUri(), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                }
            });
        }
        JavaFileManager memory = new ForwardingJavaFileManager<>(files) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return new ByteArrayOutputStream() {
                            @Override
                            public void close() {
                                out.put(className, toByteArray());
                            }
                        };
                    }
                };
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok = javac.getTask(null, memory, diagnostics, List.of("--release", "17", "-nowarn", "-proc:none",
                "-encoding", "UTF-8"), null, units).call();
        if (ok) {
            return null;
        }
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String src = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":" + d.getLineNumber() + ": ";
                return src + d.getMessage(null);
            }
        }
        return "javac failed";
    }

    /** Runs the exercise's graded tests with the patched classes and totals their points. */
    private Result grade(Course.Item item, Map<String, byte[]> patched) {
        Set<String> packages = new TreeSet<>();
        item.testClasses().forEach(t -> packages.add(packageOf(t)));
        item.solutionClasses().forEach(c -> packages.add(packageOf(c)));
        ClassLoader parent = MistakeRunner.class.getClassLoader();
        ChapterLoader loader = new ChapterLoader(testClasses, packages, patched, parent);
        List<Class<?>> tests = new ArrayList<>();
        Map<String, Integer> points = new LinkedHashMap<>();
        try {
            for (String t : item.testClasses()) {
                Class<?> c = Class.forName(t, false, loader);
                tests.add(c);
                for (Method m : c.getDeclaredMethods()) {
                    Points p = m.getAnnotation(Points.class);
                    if (p != null) {
                        points.put(c.getSimpleName() + "." + m.getName(), p.value());
                    }
                }
            }
        } catch (ClassNotFoundException | LinkageError e) {
            return Result.broken("cannot load the graded tests with the mistake: " + e);
        }
        Map<String, String> failures = new LinkedHashMap<>();
        Map<String, Boolean> passed = new HashMap<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (!id.isTest() || id.getSource().isEmpty() || !(id.getSource().get() instanceof MethodSource ms)) {
                    return;
                }
                String name = ms.getClassName().substring(ms.getClassName().lastIndexOf('.') + 1) + "." + ms.getMethodName();
                boolean ok = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
                passed.merge(name, ok, Boolean::logicalAnd);
                if (!ok) {
                    Throwable t = result.getThrowable().orElse(null);
                    failures.putIfAbsent(name, t == null ? result.getStatus().toString()
                            : (t.getMessage() == null ? t.toString() : t.getMessage()));
                }
            }
        };
        AtomicReference<Throwable> crash = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            Thread.currentThread().setContextClassLoader(loader);
            try {
                Launcher launcher = LauncherFactory.create();
                LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                        .selectors(tests.stream().map(DiscoverySelectors::selectClass).toList())
                        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                        .build();
                launcher.execute(request, listener);
            } catch (Throwable t) {
                crash.set(t);
            }
        }, "mistake " + item.id());
        runner.setDaemon(true);
        runner.start();
        // The budget is the runner thread's CPU time, not wall time: on a loaded machine (several graders or builds
        // sharing 2 cores) a correct-but-slowed run must not be mistaken for a loop. Wall time is capped at 5× the
        // budget in case the tests wait without computing.
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpuTime = mx.isThreadCpuTimeSupported() && mx.isThreadCpuTimeEnabled();
        long wallStart = System.nanoTime();
        try {
            while (runner.isAlive()) {
                runner.join(250);
                long wall = (System.nanoTime() - wallStart) / 1_000_000;
                long cpu = cpuTime ? Math.max(0, mx.getThreadCpuTime(runner.getId())) / 1_000_000 : wall;
                if (cpu > timeoutMillis || wall > 5 * timeoutMillis) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (runner.isAlive()) {
            runner.interrupt();
            return new Result(0, points.values().stream().mapToInt(Integer::intValue).sum(),
                    Map.of("(all)", "timed out after " + timeoutMillis / 1000 + " s of CPU time"), null);
        }
        if (crash.get() != null) {
            return Result.broken("the test engine failed: " + crash.get());
        }
        int kept = 0;
        int total = 0;
        for (Map.Entry<String, Integer> e : points.entrySet()) {
            total += e.getValue();
            if (Boolean.TRUE.equals(passed.get(e.getKey()))) {
                kept += e.getValue();
            } else {
                failures.putIfAbsent(e.getKey(), "did not run");
            }
        }
        return new Result(kept, total, failures, null);
    }

    private static String packageOf(String cls) {
        int dot = cls.lastIndexOf('.');
        return dot < 0 ? "" : cls.substring(0, dot);
    }

    /**
     * Loads the chapter packages (solutions and graded tests) itself, child first, with the patched classes in place
     * of the compiled ones; everything else (the library, JUnit) comes from the parent.
     */
    private static final class ChapterLoader extends ClassLoader {
        private final Path testClasses;
        private final Set<String> packages;
        private final Map<String, byte[]> patched;

        ChapterLoader(Path testClasses, Set<String> packages, Map<String, byte[]> patched, ClassLoader parent) {
            super("mistake", parent);
            this.testClasses = testClasses;
            this.packages = packages;
            this.patched = patched;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null && packages.contains(packageOf(name))) {
                    byte[] bytes = patched.get(name);
                    if (bytes == null) {
                        Path file = testClasses.resolve(name.replace('.', '/') + ".class");
                        if (Files.isRegularFile(file)) {
                            try (InputStream in = Files.newInputStream(file)) {
                                bytes = in.readAllBytes();
                            } catch (IOException e) {
                                throw new ClassNotFoundException(name, e);
                            }
                        }
                    }
                    if (bytes != null) {
                        c = defineClass(name, bytes, 0, bytes.length);
                    }
                }
                if (c == null) {
                    return super.loadClass(name, resolve);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
