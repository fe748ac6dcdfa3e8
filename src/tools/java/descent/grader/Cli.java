package descent.grader;

import descent.grade.Project;
import descent.grader.check.SelfCheck;
import descent.grader.exercise.ExerciseGenerator;
import descent.grader.release.Gradescope;
import descent.grader.release.Release;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The grading commands behind {@code ./descent exercises|grade|check|release}.
 * Exit status: 0 success (full marks), 1 a check failed or points were lost, 2 usage error, refusal or internal error.
 */
public final class Cli {

    static final String USAGE = """
            usage: descent exercises [--check]
                     write exercises/ from solutions/ (--check: only verify that exercises/ is current). Files it
                     replaces or deletes are first copied to target/exercises-backup/TIME/. Refuses to run
                     without solutions/ (a student copy).
                   descent grade [--solutions | --submission DIR] [--hardened] [--timeout S] [--budget S]
                                 [--seed N] [--results FILE] [--hide DIR ...] [CHAPTER|EXERCISE ...]
                     grade exercises/ (or solutions/, or the Java files of DIR) with the graded tests; prints the
                     score table and writes target/grade/results.json (Gradescope format) and report.html.
                     Light mode (the default) runs student code in a separate JVM as you; --hardened (root only)
                     runs it as an unprivileged user without network in its own namespaces, and adds the hidden
                     tests, whose inputs come from --seed (default: a random seed, printed in the report).
                     --timeout per test (default 10 s), --budget for the whole run (default 600 s).
                     Exit 0 full marks, 1 points lost, 2 not graded.
                   descent check [--timeout S]
                     every graded test passes on solutions/ and fails on the untouched stubs; signatures follow
                     the exercise rule; every graded exercise has a Grade.exercise cell in a notebook.
                     Last line: N passed, N failed
                   descent release DIR
                     write the student copy of the course (no solutions/, no hidden tests) to DIR
                   descent release --gradescope FILE.zip [--budget S]
                     write a Gradescope autograder (setup.sh, run_autograder, the student copy, hidden tests);
                     it grades with an overall budget of S s (default 540: Gradescope's default timeout is 600 s)
            exit status: 0 success, 1 points lost or a check failed, 2 usage error, refusal or internal error
            """;

    private Cli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Project::root, System.out, System.err));
    }

    /** Runs one command; returns the exit status instead of exiting (tests call this). */
    public static int run(String[] args, Supplier<Path> root, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        try {
            return switch (args[0]) {
                case "exercises" -> exercises(rest, root.get(), out, err);
                case "grade" -> GradeCommand.run(rest, root.get(), out, err);
                case "check" -> check(rest, root.get(), out);
                case "release" -> release(rest, root.get(), out);
                default -> {
                    err.println("unknown command '" + args[0] + "'");
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (ExerciseGenerator.RegionException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (IllegalArgumentException | IllegalStateException e) {
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
        Path backup = root.resolve("target/exercises-backup").resolve(
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
        List<String> changed = ExerciseGenerator.write(solutions, exercises, backup);
        int regions = ExerciseGenerator.regions(solutions).size();
        if (changed.isEmpty()) {
            out.println("exercises/ is up to date (" + regions + " solution regions)");
        } else {
            changed.forEach(c -> out.println("wrote exercises/" + c));
            out.println(changed.size() + " files changed (" + regions + " solution regions)");
            if (java.nio.file.Files.isDirectory(backup)) {
                out.println("the files it replaced or deleted are kept in " + root.relativize(backup) + "/");
            }
        }
        return 0;
    }

    private static int check(List<String> args, Path root, PrintStream out) {
        int timeout = GradeCommand.TIMEOUT;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--timeout")) {
                timeout = seconds(args, ++i, "--timeout");
            } else {
                throw new UsageException("check: unknown argument '" + args.get(i) + "'");
            }
        }
        return SelfCheck.run(Course.at(root), timeout, out) == 0 ? 0 : 1;
    }

    private static int release(List<String> args, Path root, PrintStream out) {
        if (!args.isEmpty() && args.get(0).equals("--gradescope")) {
            Path zip = Path.of(value(args, 1, "--gradescope")).toAbsolutePath();
            int budget = Gradescope.BUDGET;
            for (int i = 2; i < args.size(); i++) {
                if (args.get(i).equals("--budget")) {
                    budget = seconds(args, ++i, "--budget");
                } else {
                    throw new UsageException("release --gradescope: unknown argument '" + args.get(i) + "'");
                }
            }
            int n = Gradescope.write(root, zip, budget);
            out.println("wrote the Gradescope autograder " + zip + " (" + n + " files: setup.sh, run_autograder, "
                    + "the student copy and the hidden tests; no solutions; grading budget " + budget + " s)");
            return 0;
        }
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            throw new UsageException("release needs exactly one argument, the target directory (or --gradescope FILE.zip)");
        }
        Path dir = Path.of(args.get(0)).toAbsolutePath();
        int n = Release.write(root, dir);
        out.println("wrote the student release to " + dir + " (" + n + " files; no solutions/, no hidden tests)");
        return 0;
    }

    static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    static int seconds(List<String> args, int i, String option) {
        String v = value(args, i, option);
        try {
            int t = Integer.parseInt(v);
            if (t <= 0) {
                throw new NumberFormatException();
            }
            return t;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a positive whole number of seconds, got '" + v + "'");
        }
    }
}
