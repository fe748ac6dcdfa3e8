package descent.grade;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The grading commands behind {@code ./descent exercises|grade|check|release}.
 * Exit status: 0 success (full marks), 1 a check failed or points were lost, 2 usage or internal error.
 */
public final class Cli {

    static final String USAGE = """
            usage: descent exercises [--check]   write exercises/ from solutions/ (--check: only verify it is current)
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
        } catch (RuntimeException e) {
            err.println("internal error: " + e);
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
}
