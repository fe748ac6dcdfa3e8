package descent.grader.run;

import descent.grader.Classpath;
import descent.grader.compile.Javac;
import descent.grader.compile.Submission;
import descent.grader.exercise.ExerciseApi;
import descent.grader.report.GradeReport;
import descent.grader.tests.GradedTests;
import descent.grader.tests.GradedTests.TestClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Grades one student tree with a {@link TrustedBuild}: compiles the tree on its own ({@link Submission}), prepares
 * the student JVM ({@link Isolation}), then runs each planned test in the grader's JVM ({@link TestExecutor}) with
 * every call into student code forwarded over the {@link Session}. The verdict of each test is JUnit's in the
 * grader's JVM, failed in addition whenever the student JVM timed out, exited, crashed or misbehaved during it.
 * Whatever happens, a complete {@link GradeReport} comes back: tests not reached within the budget are reported as
 * not run.
 */
public final class GradingRun {

    /** The system property the graded tests read their grading-time seed from ({@code descent.grade.Grading.seed()}). */
    public static final String SEED_PROPERTY = "descent.grade.seed";

    /**
     * How to grade.
     *
     * @param isolation how the student JVM runs
     * @param timeoutSeconds per test
     * @param budgetSeconds for the whole run; tests not started in time are reported as not run
     * @param seed the grading-time seed hidden tests draw their inputs from
     */
    public record Options(Isolation isolation, int timeoutSeconds, int budgetSeconds, long seed) {
        public Options {
            if (timeoutSeconds <= 0) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeoutSeconds + " s");
            }
            if (budgetSeconds <= 0) {
                throw new IllegalArgumentException("budget must be positive, got " + budgetSeconds + " s");
            }
        }
    }

    private GradingRun() {
    }

    /**
     * Grades {@code tree} (shown in the report as {@code label}).
     *
     * @param started when the run started (the budget counts from there), {@link System#nanoTime()}
     */
    public static GradeReport grade(TrustedBuild build, Path tree, String label, Options options, long started) {
        long budgetEnd = started + options.budgetSeconds() * 1_000_000_000L;
        Path work;
        try {
            work = Files.createTempDirectory(build.dir(), "run");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String previousSeed = System.getProperty(SEED_PROPERTY);
        System.setProperty(SEED_PROPERTY, Long.toString(options.seed()));
        Session session = null;
        try {
            Javac javac = new Javac(build.course().root(), build.course().library());
            Set<String> exerciseClasses = new HashSet<>();
            Set<String> packages = new HashSet<>();
            for (ExerciseApi.ExerciseClass c : build.api().classes()) {
                exerciseClasses.add(c.name());
                packages.add(c.pkg());
            }
            Submission.Compiled compiled = Submission.compile(tree, work.resolve("student-classes"), javac, packages,
                    build.trustedNames(), exerciseClasses);
            Path agent = agentCopy(work);
            Isolation.Launch launch = options.isolation().prepare(agent, build.course().library(), compiled.classes(),
                    work);
            session = new Session(launch, compiled.unavailable(), compiled.sourceOf());
            Bridge.bind(build.loader(), session);
            TestExecutor executor = new TestExecutor();

            Map<String, List<GradeReport.TestResult>> byExercise = new TreeMap<>(GradedTests::compareIds);
            Map<String, String> titles = new HashMap<>();
            List<String> notes = new ArrayList<>();
            boolean budgetGone = false;
            for (TestClass t : build.selected()) {
                String id = t.idOrClass();
                titles.putIfAbsent(id, t.title());
                List<GradeReport.TestResult> results = byExercise.computeIfAbsent(id, k -> new ArrayList<>());
                String notCompiled = build.notCompiled().get(t.className());
                Class<?> c = build.testClass(t.className());
                for (TrustedBuild.Planned p : build.plan().getOrDefault(t.className(), List.of())) {
                    if (notCompiled != null || c == null) {
                        results.add(new GradeReport.TestResult(t.className(), p.method(), p.points(), false,
                                notCompiled == null ? "the test class did not load" : notCompiled, ""));
                        continue;
                    }
                    long left = budgetEnd - System.nanoTime();
                    if (left <= 0) {
                        budgetGone = true;
                        results.add(new GradeReport.TestResult(t.className(), p.method(), p.points(), false,
                                "not run: the grading budget of " + options.budgetSeconds() + " s ran out", ""));
                        continue;
                    }
                    results.add(runOne(executor, session, c, t, p, options, left));
                }
            }
            boolean stopped = byExercise.values().stream().flatMap(List::stream)
                    .anyMatch(r -> r.message().startsWith("stopped: the grading budget"));
            if (budgetGone || stopped) {
                notes.add("the grading budget of " + options.budgetSeconds() + " s ran out: "
                        + (stopped ? "the test running then was stopped" : "")
                        + (stopped && budgetGone ? ", and " : "")
                        + (budgetGone ? "the tests not started by then are reported as not run" : "")
                        + "; " + (stopped && !budgetGone ? "it scores" : "they score") + " 0");
            }
            if (!build.selected().stream().allMatch(tc -> !tc.hidden())) {
                notes.add("hidden tests drew their inputs from the grading seed " + options.seed());
            }
            List<GradeReport.ExerciseResult> exercises = new ArrayList<>();
            byExercise.forEach((id, tests) -> exercises.add(new GradeReport.ExerciseResult(id, titles.get(id), tests)));
            List<String> problems = new ArrayList<>(build.problems());
            if (!tree.toAbsolutePath().normalize().equals(build.course().signatures())) {
                // the trusted tree itself does not compile (when it is the graded tree, these are its compile errors)
                for (String e : build.api().errors()) {
                    problems.add("the exercise signatures in " + build.course().root().relativize(
                            build.course().signatures()) + "/ do not compile: " + e);
                }
            }
            String limits = "; limits: " + options.timeoutSeconds() + " s of computing per test, " + options.budgetSeconds()
                    + " s for the whole run";
            return new GradeReport(label, options.isolation().describe() + limits, exercises, compiled.errors(),
                    problems, notes, (System.nanoTime() - started) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Bridge.unbind(build.loader());
            if (session != null) {
                session.close();
            }
            if (previousSeed == null) {
                System.clearProperty(SEED_PROPERTY);
            } else {
                System.setProperty(SEED_PROPERTY, previousSeed);
            }
            Isolation.deleteTree(work);
        }
    }

    private static GradeReport.TestResult runOne(TestExecutor executor, Session session, Class<?> c, TestClass t,
            TrustedBuild.Planned p, Options options, long budgetLeftNanos) {
        Method m = TrustedBuild.method(c, p.method());
        if (m == null) {
            return new GradeReport.TestResult(t.className(), p.method(), p.points(), false,
                    "test method " + p.method() + " not found", "");
        }
        long perTest = options.timeoutSeconds() * 1_000_000_000L;
        // Near the end of the budget the test gets what is left, on the wall clock (not computing time).
        boolean budgetLimited = budgetLeftNanos < 3 * perTest;
        long timeout = Math.min(perTest, budgetLeftNanos);
        String timeoutMessage = budgetLeftNanos < perTest
                ? "stopped: the grading budget of " + options.budgetSeconds() + " s ran out during this test"
                : "timed out after " + options.timeoutSeconds() + " s of computing (an endless loop, or far too slow)";
        session.beginTest(t.className() + "#" + p.method());
        TestExecutor.Verdict v;
        try {
            v = executor.run(c, m, timeout, timeoutMessage, budgetLimited, session);
        } catch (Throwable e) {
            v = new TestExecutor.Verdict(false, "the grader could not run this test: " + e);
        }
        Session.TestEnd end = session.endTest();
        boolean passed = v.passed() && end.failure() == null;
        String message = end.failure() == null ? v.message()
                : end.afterLastCall() && !v.passed() ? v.message() + "; after the test: " + end.failure()
                : end.failure();
        StringBuilder output = new StringBuilder(end.printed());
        for (String n : end.notes()) {
            output.append(output.length() == 0 ? "" : "\n").append("[grader] ").append(n);
        }
        return new GradeReport.TestResult(t.className(), p.method(), p.points(), passed, passed ? "" : message,
                output.toString());
    }

    /** Copies the student JVM's agent ({@code descent.grader.student} and {@code .wire}) into its own directory. */
    static Path agentCopy(Path work) throws IOException {
        Path from = Classpath.agent();
        Path to = Files.createDirectories(work.resolve("agent"));
        for (String pkg : List.of("descent/grader/student", "descent/grader/wire")) {
            if (Files.isDirectory(from)) {
                Path src = from.resolve(pkg);
                try (Stream<Path> s = Files.walk(src)) {
                    for (Path p : s.toList()) {
                        Path dst = to.resolve(from.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(dst);
                        } else {
                            Files.copy(p, dst);
                        }
                    }
                }
            } else {
                try (var fs = java.nio.file.FileSystems.newFileSystem(from)) {
                    Path src = fs.getPath(pkg);
                    try (Stream<Path> s = Files.walk(src)) {
                        for (Path p : s.toList()) {
                            Path dst = to.resolve(p.toString());
                            if (Files.isDirectory(p)) {
                                Files.createDirectories(dst);
                            } else {
                                Files.copy(p, dst);
                            }
                        }
                    }
                }
            }
        }
        return to;
    }
}
