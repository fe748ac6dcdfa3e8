package descent.grader;

import descent.grade.Project;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The grading commands behind {@code ./descent exercises|grade|check|release}.
 * Exit status: 0 success (full marks), 1 a check failed or points were lost, 2 usage or internal error.
 */
public final class Cli {

    static final String USAGE = """
            usage: descent exercises [--check]
                     write exercises/ from solutions/ (--check: only verify that exercises/ is current)
                   descent grade [--solutions] [--timeout S] [--results FILE] [CHAPTER|EXERCISE ...]
                     grade exercises/ (or solutions/) with the graded tests; prints the score table and writes
                     target/grade/results.json (Gradescope format) and target/grade/report.html.
                     Exit 0 full marks, 1 points lost.
                   descent check [--timeout S]
                     every graded test passes on solutions/ and fails on the untouched stubs; every test class
                     has @Exercise and every test @Points. Last line: N passed, N failed
                   descent release DIR
                     write the student copy of the course (everything but solutions/) to DIR
            exit status: 0 success, 1 points lost or a check failed, 2 usage or internal error
            """;

    private Cli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Project::root, System.out, System.err));
    }

    /** Runs one command; returns the exit status instead of exiting (tests call this). */
    static int run(String[] args, java.util.function.Supplier<Path> root, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "exercises":
                    return exercises(rest, root.get(), out, err);
                case "grade":
                    return grade(rest, root.get(), out, err);
                case "check":
                    return check(rest, root.get(), out);
                case "release":
                    return release(rest, root.get(), out);
                default:
                    err.println("unknown command '" + args[0] + "'");
                    err.print(USAGE);
                    return 2;
            }
        } catch (ExerciseGenerator.RegionException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("internal error: " + e);
            e.printStackTrace(err);
            return 2;
        }
    }

    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private static int exercises(List<String> args, Path root, PrintStream out, PrintStream err) {
        boolean check = false;
        for (String a : args) {
            if (a.equals("--check")) {
                check = true;
            } else if (a.equals("--help")) {
                out.print(USAGE);
                return 0;
            } else {
                throw new UsageException("exercises: unknown argument '" + a + "'");
            }
        }
        Path solutions = root.resolve("solutions");
        Path exercises = root.resolve("exercises");
        if (check) {
            List<String> diff = ExerciseGenerator.differences(solutions, exercises);
            if (diff.isEmpty()) {
                out.println("exercises/ is up to date with solutions/");
                return 0;
            }
            err.println("exercises/ is out of date with solutions/:");
            diff.forEach(d -> err.println("  " + d));
            err.println("fix: " + ExerciseGenerator.COMMAND);
            return 1;
        }
        List<String> changed = ExerciseGenerator.write(solutions, exercises);
        int regions = ExerciseGenerator.regions(solutions).size();
        if (changed.isEmpty()) {
            out.println("exercises/ is up to date (" + regions + " solution regions)");
        } else {
            changed.forEach(c -> out.println("wrote exercises/" + c));
            out.println(changed.size() + " files changed (" + regions + " solution regions)");
        }
        return 0;
    }

    private static int grade(List<String> args, Path root, PrintStream out, PrintStream err) {
        boolean solutions = false;
        int timeout = 10;
        Path results = root.resolve("target/grade/results.json");
        List<String> selectors = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--help" -> {
                    out.print(USAGE);
                    return 0;
                }
                case "--solutions" -> solutions = true;
                case "--timeout" -> timeout = timeout(args, ++i);
                case "--results" -> {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--results needs a file name");
                    }
                    results = Path.of(args.get(++i)).toAbsolutePath();
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("grade: unknown option '" + a + "'");
                    }
                    selectors.add(a);
                }
            }
        }
        Path tree = root.resolve(solutions ? "solutions" : "exercises");
        if (!Files.isDirectory(tree)) {
            err.println("error: no " + tree.getFileName() + "/ directory in " + root
                    + (solutions ? "" : " (run " + ExerciseGenerator.COMMAND + ")"));
            return 2;
        }
        Grader grader = new Grader(root, tree, timeout);
        grader.select(selectors); // an unknown selector is a usage error, before any work
        out.println("grading " + tree.getFileName() + "/ (timeout " + timeout + " s per test)");
        GradeReport report = grader.grade(selectors);
        out.print(report.text());
        try {
            Files.createDirectories(results.toAbsolutePath().getParent());
            Files.writeString(results, report.gradescopeJson());
            Path html = results.resolveSibling("report.html");
            Files.writeString(html, "<!doctype html>\n<meta charset=\"utf-8\">\n<title>Descent grade</title>\n"
                    + report.html());
            // What Grade.exercise(..) shows in a notebook: the table as text and as an HTML fragment, and the score.
            Files.writeString(results.resolveSibling("report.txt"), report.text());
            Files.writeString(results.resolveSibling("report-table.html"), report.html());
            Files.writeString(results.resolveSibling("score.txt"), report.earned() + " " + report.possible() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println("wrote " + results);
        for (String p : report.problems()) {
            err.println("warning: " + p);
        }
        return report.fullMarks() ? 0 : 1;
    }

    private static int check(List<String> args, Path root, PrintStream out) {
        int timeout = 10;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--timeout")) {
                timeout = timeout(args, ++i);
            } else if (args.get(i).equals("--help")) {
                out.print(USAGE);
                return 0;
            } else {
                throw new UsageException("check: unknown argument '" + args.get(i) + "'");
            }
        }
        return SelfCheck.run(root, timeout, Classpath.library(), out) == 0 ? 0 : 1;
    }

    private static int release(List<String> args, Path root, PrintStream out) {
        if (args.size() == 1 && args.get(0).equals("--help")) {
            out.print(USAGE);
            return 0;
        }
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            throw new UsageException("release needs exactly one argument, the target directory");
        }
        Path dir = Path.of(args.get(0)).toAbsolutePath();
        int n = Release.write(root, dir);
        out.println("wrote the student release to " + dir + " (" + n + " files; no solutions/)");
        return 0;
    }

    private static int timeout(List<String> args, int i) {
        if (i >= args.size()) {
            throw new UsageException("--timeout needs a number of seconds");
        }
        try {
            int t = Integer.parseInt(args.get(i));
            if (t <= 0) {
                throw new NumberFormatException();
            }
            return t;
        } catch (NumberFormatException e) {
            throw new UsageException("--timeout needs a positive whole number of seconds, got '" + args.get(i) + "'");
        }
    }
}
