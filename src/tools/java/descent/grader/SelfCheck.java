package descent.grader;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The instructor's check that every graded test can tell a right answer from no answer: each test must pass on
 * {@code solutions/} and fail on the untouched stubs (generated afresh from {@code solutions/}, so a student's edits
 * in {@code exercises/} do not matter). Also checks the annotations ({@code @Exercise} on every class,
 * {@code @Points} on every test) and that every solution region has a graded test.
 * Prints one line per check and closes with {@code N passed, N failed}.
 */
public final class SelfCheck {

    private SelfCheck() {
    }

    /** Runs the check; returns the number of failed checks. */
    public static int run(Path root, int timeoutSeconds, List<String> libraryClasspath, PrintStream out) {
        Path solutions = root.resolve("solutions");
        Path gradeSources = root.resolve("src/grade/java");
        int passed = 0;
        int failed = 0;
        if (!Files.isDirectory(solutions)) {
            out.println("FAIL no solutions/ directory in " + root + " (check needs the instructor's copy)");
            out.println("0 passed, 1 failed");
            return 1;
        }
        Path stubs;
        try {
            stubs = Files.createTempDirectory("descent-stubs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ExerciseGenerator.write(solutions, stubs);
            GradeReport sol = new Grader(root, solutions, gradeSources, timeoutSeconds, libraryClasspath).grade();
            GradeReport stub = new Grader(root, stubs, gradeSources, timeoutSeconds, libraryClasspath).grade();
            Map<String, GradeReport.TestResult> onStub = new HashMap<>();
            stub.tests().forEach(t -> onStub.put(t.testClass() + "#" + t.method(), t));

            for (String c : sol.compileErrors()) {
                out.println("FAIL solutions do not compile: " + c);
                failed++;
            }
            for (String c : stub.compileErrors()) {
                // A stub that does not compile leaves students nothing to start from; usually a region that is not
                // the end of its method body, so the stub's throw makes the code after it unreachable.
                out.println("FAIL generated stub does not compile: " + c.replaceFirst("^.*?/descent-stubs[^/]*/",
                        "exercises/") + " (a solution region must be the end of its method body)");
                failed++;
            }
            for (String p : sol.problems()) {
                out.println("FAIL " + p);
                failed++;
            }
            Set<String> graded = new HashSet<>();
            for (GradeReport.ExerciseResult e : sol.exercises()) {
                graded.add(e.id());
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
                        out.println("ok   " + name + ": full marks on solutions, fails on the stub");
                        passed++;
                    } else {
                        out.println("FAIL " + name + ": " + String.join("; ", why));
                        failed++;
                    }
                }
            }
            for (ExerciseGenerator.Region r : ExerciseGenerator.regions(solutions)) {
                if (!graded.contains(r.id())) {
                    out.println("FAIL " + r.file() + ":" + r.beginLine() + ": solution region " + r.id()
                            + " has no graded test class with @Exercise(id = \"" + r.id() + "\")");
                    failed++;
                }
            }
        } finally {
            Grader.deleteRecursively(stubs);
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " …";
    }
}
