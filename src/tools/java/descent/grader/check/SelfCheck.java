package descent.grader.check;

import descent.grader.Chapters;
import descent.grader.Course;
import descent.grader.compile.Javac;
import descent.grader.exercise.ExerciseGenerator;
import descent.grader.report.GradeReport;
import descent.grader.run.GradingRun;
import descent.grader.run.Isolation;
import descent.grader.run.TrustedBuild;
import descent.grader.tests.GradedTests;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The instructor's check of the graded tests, {@code ./descent check}. Each step prints {@code ok ...} or
 * {@code FAIL ...} lines; the last line is {@code N passed, N failed}:
 * <ol>
 * <li>the exercise signatures follow the rule the grader's forwarding needs ({@link descent.grader.exercise.ExerciseApi});</li>
 * <li>the graded test classes carry {@code @Exercise}, their tests {@code @Points};</li>
 * <li>every graded test (hidden ones included, with a fresh random seed) passes on {@code solutions/} and fails on
 * the untouched stubs (generated afresh), which must compile;</li>
 * <li>every solution region has a graded test;</li>
 * <li>every graded exercise has a {@code Grade.exercise("ID")} cell in some notebook.</li>
 * </ol>
 * Further steps (a mutation gate) add a {@link Step}.
 */
public final class SelfCheck {

    /** Prints check lines and counts them. */
    public static final class Tally {
        private final PrintStream out;
        private int passed;
        private int failed;

        Tally(PrintStream out) {
            this.out = out;
        }

        public void ok(String line) {
            out.println("ok   " + line);
            passed++;
        }

        public void fail(String line) {
            out.println("FAIL " + line);
            failed++;
        }

        public int failed() {
            return failed;
        }

        /** A remark that is neither a pass nor a failure. */
        public void note(String line) {
            out.println("note: " + line);
        }
    }

    /** One step of the check. */
    @FunctionalInterface
    public interface Step {
        void run(Course course, Tally tally);
    }

    private SelfCheck() {
    }

    /** Runs the check; returns the number of failed checks. */
    public static int run(Course course, int timeoutSeconds, PrintStream out) {
        return run(course, timeoutSeconds, out, List.of());
    }

    /** Runs the check and then {@code more} steps; returns the number of failed checks. */
    public static int run(Course course, int timeoutSeconds, PrintStream out, List<Step> more) {
        Tally tally = new Tally(out);
        if (!course.hasSolutions()) {
            tally.fail("no solutions/ directory in " + course.root() + " (check needs the instructor's copy)");
        } else {
            graded(course, timeoutSeconds, tally);
            for (Step s : more) {
                s.run(course, tally);
            }
        }
        out.println(tally.passed + " passed, " + tally.failed + " failed");
        return tally.failed;
    }

    private static void graded(Course course, int timeoutSeconds, Tally tally) {
        long t0 = System.nanoTime();
        GradedTests tests = GradedTests.read(course.gradeSources(), course.hiddenSources());
        Path stubs;
        try {
            stubs = Files.createTempDirectory("descent-stubs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long seed = new SecureRandom().nextLong() & Long.MAX_VALUE;
        try (TrustedBuild build = TrustedBuild.create(course, tests.all())) {
            ExerciseGenerator.write(course.solutions(), stubs, null);
            GradingRun.Options options = new GradingRun.Options(Isolation.light(), timeoutSeconds, 3600, seed);
            GradeReport sol = GradingRun.grade(build, course.solutions(), "solutions", options, t0);
            GradeReport stub = GradingRun.grade(build, stubs, "exercises", options, System.nanoTime());

            int classes = build.api().classes().size();
            if (build.api().violations().isEmpty() && build.api().errors().isEmpty()) {
                tally.ok("every exercise signature follows the rule (" + classes + " exercise classes)");
            }
            for (String c : sol.compileErrors()) {
                tally.fail("solutions do not compile: " + c);
            }
            for (String c : stub.compileErrors()) {
                // A stub that does not compile leaves students nothing to start from; usually a region that is not
                // the end of its method body, so the stub's throw makes the code after it unreachable.
                tally.fail("generated stub does not compile: " + c.replaceFirst("^.*?/descent-stubs[^/]*/",
                        "exercises/") + " (a solution region must be the end of its method body)");
            }
            for (String p : build.problems()) {
                tally.fail(p);
            }
            Map<String, GradeReport.TestResult> onStub = new HashMap<>();
            stub.tests().forEach(t -> onStub.put(t.testClass() + "#" + t.method(), t));
            Set<String> graded = new TreeSet<>(GradedTests::compareIds);
            Map<String, String> titles = new LinkedHashMap<>();
            for (GradeReport.ExerciseResult e : sol.exercises()) {
                graded.add(e.id());
                titles.put(e.id(), e.title());
                for (GradeReport.TestResult t : e.tests()) {
                    String name = e.id() + " " + t.testClass() + "." + t.method() + " (" + t.points() + " pts)";
                    GradeReport.TestResult s = onStub.get(t.testClass() + "#" + t.method());
                    List<String> why = new ArrayList<>();
                    if (!t.passed()) {
                        why.add("fails on solutions/: " + firstLine(t.message()));
                    }
                    if (s != null && s.passed()) {
                        why.add("passes on the untouched stub, so it cannot tell a right answer from no answer");
                    }
                    if (why.isEmpty()) {
                        tally.ok(name + ": full marks on solutions, fails on the stub");
                    } else {
                        tally.fail(name + ": " + String.join("; ", why));
                    }
                }
            }
            for (ExerciseGenerator.Region r : ExerciseGenerator.regions(course.solutions())) {
                if (!graded.contains(r.id())) {
                    tally.fail(r.file() + ":" + r.beginLine() + ": solution region " + r.id()
                            + " has no graded test class with @Exercise(id = \"" + r.id() + "\")");
                }
            }
            notebookCells(course.root().resolve("notebooks"), graded, titles, tally);
            sol.notes().forEach(tally::note);
        } finally {
            Javac.deleteQuietly(stubs);
        }
    }

    /**
     * Every graded exercise is graded by a notebook cell {@code Grade.exercise("ID")}. While some notebook of the
     * exercise's chapter is not written yet, a missing cell is a note, not a failure.
     */
    static void notebookCells(Path notebooks, Set<String> ids, Map<String, String> titles, Tally tally) {
        if (!Files.isDirectory(notebooks)) {
            return;
        }
        StringBuilder all = new StringBuilder();
        Set<Integer> numbers = new TreeSet<>();
        try (Stream<Path> s = Files.list(notebooks)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList()) {
                all.append(Files.readString(p)).append('\n');
                String name = p.getFileName().toString();
                if (name.matches("\\d\\d-.*")) {
                    numbers.add(Integer.parseInt(name.substring(0, 2)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = all.toString().replace("\\\"", "\"");
        int missing = 0;
        for (String id : ids) {
            if (text.contains("Grade.exercise(\"" + id + "\")")) {
                continue;
            }
            missing++;
            String cell = "descent.grade.Grade.exercise(\"" + id + "\")";
            Chapters.Chapter ch = Chapters.ofExercise(id).orElse(null);
            List<String> unwritten = new ArrayList<>();
            if (ch != null) {
                for (int n = ch.firstNotebook(); n <= ch.lastNotebook(); n++) {
                    if (!numbers.contains(n)) {
                        unwritten.add(String.format("%02d", n));
                    }
                }
            }
            if (!unwritten.isEmpty()) {
                tally.note(id + " (" + titles.getOrDefault(id, "") + ") has no notebook grading cell yet; notebooks "
                        + String.join(", ", unwritten) + " of chapter " + ch.number() + " are not written yet: add "
                        + cell + " to the notebook that teaches it");
            } else {
                tally.fail(id + " (" + titles.getOrDefault(id, "") + ") is graded but no notebook grades it: add a "
                        + "cell " + cell + " to the Exercises section of its chapter's notebook");
            }
        }
        if (missing == 0) {
            tally.ok("every graded exercise has a Grade.exercise(\"ID\") cell in a notebook (" + ids.size()
                    + " exercises)");
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " …";
    }
}
