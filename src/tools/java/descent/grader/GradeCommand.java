package descent.grader;

import descent.grader.report.GradeReport;
import descent.grader.report.ResultsFile;
import descent.grader.report.Terminal;
import descent.grader.run.GradingRun;
import descent.grader.run.Isolation;
import descent.grader.run.TrustedBuild;
import descent.grader.tests.GradedTests;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./descent grade}: grades a student tree and writes the score table, {@code results.json} (Gradescope's
 * format) and the HTML report. The zero-score {@code results.json} is written first, before anything that could
 * fail; every outcome, a refusal or an internal error included, replaces it with the grader's own report.
 */
final class GradeCommand {

    /** Default per-test timeout, seconds. */
    static final int TIMEOUT = 10;
    /** Default overall budget, seconds. */
    static final int BUDGET = 600;

    private GradeCommand() {
    }

    /** Parsed options of {@code grade}. */
    record Args(boolean solutions, boolean hardened, Path submission, int timeout, int budget, Long seed, Path results,
            List<Path> hide, List<String> selectors) {
    }

    static Args parse(List<String> args, Path root) {
        boolean solutions = false;
        boolean hardened = false;
        Path submission = null;
        int timeout = TIMEOUT;
        int budget = BUDGET;
        Long seed = null;
        Path results = root.resolve("target/grade/results.json");
        List<Path> hide = new ArrayList<>();
        List<String> selectors = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--solutions" -> solutions = true;
                case "--hardened" -> hardened = true;
                case "--timeout" -> timeout = Cli.seconds(args, ++i, "--timeout");
                case "--budget" -> budget = Cli.seconds(args, ++i, "--budget");
                case "--seed" -> {
                    String v = Cli.value(args, ++i, "--seed");
                    try {
                        seed = Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        throw new Cli.UsageException("--seed needs a whole number, got '" + v + "'");
                    }
                }
                case "--results" -> results = Path.of(Cli.value(args, ++i, "--results")).toAbsolutePath();
                case "--submission" -> submission = Path.of(Cli.value(args, ++i, "--submission")).toAbsolutePath();
                case "--hide" -> hide.add(Path.of(Cli.value(args, ++i, "--hide")).toAbsolutePath());
                default -> {
                    if (a.startsWith("-")) {
                        throw new Cli.UsageException("grade: unknown option '" + a + "'");
                    }
                    selectors.add(a);
                }
            }
        }
        if (solutions && submission != null) {
            throw new Cli.UsageException("--solutions and --submission name two different trees; give one");
        }
        return new Args(solutions, hardened, submission, timeout, budget, seed, results, hide, selectors);
    }

    static int run(List<String> argv, Path root, PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        Args a = parse(argv, root);
        Course course = Course.at(root);
        Path tree = a.submission() != null ? a.submission() : a.solutions() ? course.solutions() : course.exercises();
        String label = tree.startsWith(course.root()) ? course.root().relativize(tree).toString().replace('\\', '/')
                : tree.toString();
        String mode = a.hardened() ? "hardened" : "light";
        // First of all: a results.json that says nothing was graded, so a grader that dies leaves a zero, not a forgery.
        ResultsFile.write(a.results(), ResultsFile.zero("grading did not finish (" + mode + " mode)"));
        if (!Files.isDirectory(tree)) {
            String why = "no " + label + "/ directory" + (a.solutions() || a.submission() != null ? ""
                    : " (run " + descent.grader.exercise.ExerciseGenerator.COMMAND + ")");
            ResultsFile.write(a.results(), ResultsFile.zero("not graded: " + why));
            err.println("error: " + why);
            return 2;
        }
        GradedTests tests = GradedTests.read(course.gradeSources(), a.hardened() ? course.hiddenSources() : null);
        List<GradedTests.TestClass> selected;
        try {
            selected = tests.select(a.selectors());
        } catch (IllegalArgumentException e) {
            ResultsFile.write(a.results(), ResultsFile.zero("not graded: " + e.getMessage()));
            throw e;
        }
        Isolation isolation;
        try {
            if (a.hardened()) {
                if (!course.hasSolutions() && tree.equals(course.exercises())) {
                    throw new IllegalStateException("hardened grading needs exercise signatures it can trust: the "
                            + "instructor's solutions/, or this course's untouched exercises/ with the student's files "
                            + "given by --submission DIR");
                }
                List<Path> hide = new ArrayList<>(a.hide());
                hide.add(course.root());
                hide.add(a.results().toAbsolutePath().getParent());
                hide.add(tree);
                isolation = Isolation.hardened(hide);
            } else {
                isolation = Isolation.light();
            }
        } catch (IllegalStateException e) {
            ResultsFile.write(a.results(), ResultsFile.zero("not graded: " + e.getMessage()));
            err.println("error: " + e.getMessage());
            return 2;
        }
        long seed = a.seed() != null ? a.seed() : new SecureRandom().nextLong() & Long.MAX_VALUE;
        out.println("grading " + label + "/ (" + isolation.name() + " mode, timeout " + a.timeout() + " s per test, "
                + "budget " + a.budget() + " s)");
        GradeReport report;
        try (TrustedBuild build = TrustedBuild.create(course, selected)) {
            report = GradingRun.grade(build, tree, label, new GradingRun.Options(isolation, a.timeout(), a.budget(),
                    seed), started);
        } catch (RuntimeException | Error e) {
            ResultsFile.write(a.results(), ResultsFile.zero("not graded: the grader failed: " + e));
            throw e;
        }
        out.print(report.text());
        write(report, a.results());
        out.println("wrote " + a.results());
        for (String p : report.problems()) {
            err.println("warning: " + Terminal.clean(p));
        }
        long passed = report.tests().stream().filter(GradeReport.TestResult::passed).count();
        out.println(passed + " passed, " + (report.tests().size() - passed) + " failed");
        return report.fullMarks() ? 0 : 1;
    }

    /** results.json and, beside it, report.html, report.txt, report-table.html and score.txt, each atomically. */
    static void write(GradeReport report, Path results) {
        ResultsFile.write(results.resolveSibling("report.html"), "<!doctype html>\n<meta charset=\"utf-8\">\n"
                + "<title>Descent grade</title>\n" + report.html());
        // What Grade.exercise(..) shows in a notebook: the table as text and as an HTML fragment, and the score.
        ResultsFile.write(results.resolveSibling("report.txt"), report.text());
        ResultsFile.write(results.resolveSibling("report-table.html"), report.html());
        ResultsFile.write(results.resolveSibling("score.txt"), report.earned() + " " + report.possible() + "\n");
        ResultsFile.write(results, report.gradescopeJson());
    }
}
