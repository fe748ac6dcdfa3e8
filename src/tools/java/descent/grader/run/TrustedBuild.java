package descent.grader.run;

import descent.grade.Exercise;
import descent.grade.Points;
import descent.grader.Course;
import descent.grader.compile.Javac;
import descent.grader.exercise.ExerciseApi;
import descent.grader.exercise.StubWriter;
import descent.grader.tests.GradedTests;
import descent.grader.tests.GradedTests.TestClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trusted half of grading, built once and usable for several submissions (the self-check grades the solutions
 * and the stubs with one build): the exercise signatures read from the trusted tree, forwarding stubs written from
 * them, and the selected graded tests compiled against the stubs into the grader's private directory (mode 700), and
 * loaded there by a class loader that looks in that directory first. No student file is read here.
 */
public final class TrustedBuild implements AutoCloseable {

    /** One test method to run, with its points. */
    public record Planned(TestClass testClass, String method, int points) {
    }

    private final Course course;
    private final ExerciseApi api;
    private final List<TestClass> selected;
    private final Path dir;
    private final URLClassLoader loader;
    private final Map<String, String> notCompiled = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final Set<String> trustedNames = new HashSet<>();
    private final Map<String, Class<?>> loaded = new LinkedHashMap<>();
    private final Map<String, List<Planned>> plan = new LinkedHashMap<>();

    private TrustedBuild(Course course, ExerciseApi api, List<TestClass> selected, Path dir, URLClassLoader loader) {
        this.course = course;
        this.api = api;
        this.selected = selected;
        this.dir = dir;
        this.loader = loader;
    }

    /** Builds the trusted half for the {@code selected} graded test classes of {@code course}. */
    public static TrustedBuild create(Course course, List<TestClass> selected) {
        Path dir;
        try {
            dir = Files.createTempDirectory("descent-grader", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } catch (IOException | UnsupportedOperationException e) {
            try {
                dir = Files.createTempDirectory("descent-grader");
            } catch (IOException e2) {
                throw new UncheckedIOException(e2);
            }
        }
        Javac javac = new Javac(course.root(), course.trusted());
        ExerciseApi api = ExerciseApi.read(course.signatures(), javac, course.library());
        Path classes = dir.resolve("classes");
        List<Path> stubs = StubWriter.write(api.classes(), dir.resolve("stubs"));
        List<Path> sources = new ArrayList<>(stubs);
        Set<String> packages = new HashSet<>();
        selected.forEach(t -> {
            sources.add(t.file());
            packages.add(t.pkg());
        });
        // helpers beside the graded tests (classes without tests) in the same packages
        Set<Path> testFiles = new HashSet<>(selected.stream().map(TestClass::file).toList());
        GradedTests all = GradedTests.read(course.gradeSources(), course.hiddenSources());
        Set<Path> allTests = new HashSet<>(all.all().stream().map(TestClass::file).toList());
        for (Path base : List.of(course.gradeSources(), course.hiddenSources())) {
            for (Path f : Javac.javaFiles(base)) {
                String pkg = base.relativize(f).getParent() == null ? "" : base.relativize(f).getParent().toString()
                        .replace('/', '.');
                if (!testFiles.contains(f) && !allTests.contains(f) && packages.contains(pkg)) {
                    sources.add(f);
                }
            }
        }
        try {
            Files.createDirectories(classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Javac.Result r = javac.compile(sources, classes);
        URLClassLoader loader;
        try {
            loader = new TestLoader(classes);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        TrustedBuild b = new TrustedBuild(course, api, selected, dir, loader);
        for (ExerciseApi.Violation v : api.violations()) {
            b.problems.add(v.toString());
        }
        for (Map.Entry<Path, List<String>> e : r.errors().entrySet()) {
            if (stubs.contains(e.getKey())) {
                b.problems.add("the forwarding stub written from " + e.getKey().getFileName()
                        + " does not compile (a signature the grader cannot forward?): " + e.getValue().get(0));
            }
        }
        // every class compiled from the graded tests' directories: student classes may not take these names
        for (Map.Entry<String, Path> e : r.classes().entrySet()) {
            if (!stubs.contains(e.getValue())) {
                b.trustedNames.add(e.getKey());
            }
        }
        for (TestClass t : all.all()) {
            b.trustedNames.add(t.className());
        }
        for (TestClass t : selected) {
            List<String> errs = r.errors().get(t.file());
            if (errs != null) {
                String hint = api.violations().stream().anyMatch(v -> v.where().contains("/" + t.pkg() + "/"))
                        ? " (the exercise breaks the signature rule: see the check's output)" : "";
                b.notCompiled.put(t.className(), "the graded test does not compile: " + errs.get(0) + hint);
                List<Planned> p = new ArrayList<>();
                t.methods().forEach(m -> p.add(new Planned(t, m.name(), m.points())));
                b.plan.put(t.className(), p);
                continue;
            }
            b.load(t);
        }
        return b;
    }

    private void load(TestClass t) {
        List<Planned> p = new ArrayList<>();
        plan.put(t.className(), p);
        Class<?> c;
        try {
            c = Class.forName(t.className(), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            notCompiled.put(t.className(), "the graded test class could not be loaded: " + e);
            t.methods().forEach(m -> p.add(new Planned(t, m.name(), m.points())));
            return;
        }
        loaded.put(t.className(), c);
        if (c.getAnnotation(Exercise.class) == null) {
            problems.add(t.className() + " has no @Exercise(id = ..., title = ...)");
        }
        List<Method> tests = new ArrayList<>();
        for (Method m : c.getDeclaredMethods()) {
            if (isTest(m)) {
                tests.add(m);
            }
        }
        List<String> order = t.methods().stream().map(GradedTests.TestMethod::name).toList();
        tests.sort(Comparator.comparing((Method m) -> order.contains(m.getName()) ? order.indexOf(m.getName())
                : Integer.MAX_VALUE).thenComparing(Method::getName));
        Set<String> seen = new HashSet<>();
        for (Method m : tests) {
            Points pts = m.getAnnotation(Points.class);
            if (pts == null) {
                problems.add(t.className() + "." + m.getName() + " has no @Points(n)");
            } else if (pts.value() <= 0) {
                problems.add(t.className() + "." + m.getName() + " has @Points(" + pts.value()
                        + "); points must be positive");
            }
            if (seen.add(m.getName())) {
                p.add(new Planned(t, m.getName(), pts == null ? 0 : pts.value()));
            }
        }
        if (tests.isEmpty()) {
            problems.add(t.className() + " has no test methods");
        }
    }

    private static boolean isTest(Method m) {
        for (Annotation a : m.getAnnotations()) {
            if (a.annotationType().isAnnotationPresent(org.junit.platform.commons.annotation.Testable.class)) {
                return true;
            }
        }
        return false;
    }

    public Course course() {
        return course;
    }

    public ExerciseApi api() {
        return api;
    }

    public List<TestClass> selected() {
        return selected;
    }

    /** The test methods to run, per test class, in source order. */
    public Map<String, List<Planned>> plan() {
        return plan;
    }

    /** Test classes that did not compile, with the message their tests fail with. */
    public Map<String, String> notCompiled() {
        return notCompiled;
    }

    /** Defects of the graded tests or of the exercise signatures (the self-check fails on them). */
    public List<String> problems() {
        return problems;
    }

    /** Binary names of every class compiled from the graded tests' directories. */
    public Set<String> trustedNames() {
        return trustedNames;
    }

    /** The loaded test class, or null when it did not compile. */
    Class<?> testClass(String name) {
        return loaded.get(name);
    }

    ClassLoader loader() {
        return loader;
    }

    Path dir() {
        return dir;
    }

    /** Method {@code name} of a loaded test class. */
    static Method method(Class<?> c, String name) {
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            // ignored
        }
        Isolation.deleteTree(dir);
    }

    /**
     * Loads the compiled tests and stubs before asking the parent, so a copy of the same classes elsewhere on the
     * grader's classpath (Maven's test-classes holds the graded tests compiled against the solutions) cannot win.
     */
    private static final class TestLoader extends URLClassLoader {
        TestLoader(Path dir) throws MalformedURLException {
            super("graded-tests", new URL[]{dir.toUri().toURL()}, TrustedBuild.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null && !name.startsWith("java.") && !name.startsWith("descent.")
                        && !name.startsWith("org.junit.") && !name.startsWith("org.opentest4j.")) {
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
}
