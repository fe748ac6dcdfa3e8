package descent.grade;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Grading from a notebook cell. The last expression of a cell,
 * <pre>{@code
 * descent.grade.Grade.exercise("01.2")
 * }</pre>
 * grades the student's {@code exercises/} tree (the project root is found by walking up from the working directory
 * to {@code pom.xml}) and shows the score table: the returned {@link Result} renders as an HTML table in Jupyter
 * (its {@code toString} is HTML, which the Java kernel displays as {@code text/html}); {@link Result#text()} is the
 * terminal version. It never throws: stubs, broken code and even a broken set-up end up in the table or in a
 * one-line note.
 * <p>
 * The grader is not part of the library: it is one of the course's tools ({@code src/tools/java}, compiled to
 * {@code target/tools-classes}). This class starts it as a separate process, exactly as {@code ./descent grade ID}
 * does, and shows what it wrote. So the library does not depend on the grader (or on JUnit), and graded code never
 * runs inside the notebook's kernel.
 * <p>
 * With {@code -Ddescent.grade.skip=true} (set by the test runners that execute notebooks) nothing is graded and
 * the result is the note {@code grading skipped (descent.grade.skip)}. {@code -Ddescent.grade.timeout=S} changes
 * the per-test timeout (default 10 s); {@code -Ddescent.grade.tree=solutions} grades the reference solutions instead
 * (an instructor executing the notebooks on the solutions sees full marks).
 */
public final class Grade {

    /** The note returned when grading is switched off. */
    public static final String SKIPPED = "grading skipped (descent.grade.skip)";

    /** The grader's command-line entry point in the tools' output (run as a separate process). */
    static final String GRADER_MAIN = "descent.grader.Cli";

    private Grade() {
    }

    /** Grades one exercise, e.g. {@code "01.2"}. */
    public static Result exercise(String id) {
        return run(id);
    }

    /** Grades every exercise of a chapter: its package ({@code "backprop"}) or number ({@code "01"}). */
    public static Result chapter(String chapter) {
        return run(chapter);
    }

    private static Result run(String selector) {
        if ("true".equalsIgnoreCase(System.getProperty("descent.grade.skip"))) {
            return Result.note(SKIPPED);
        }
        Path out = null;
        try {
            Path root = Project.root();
            String timeout = System.getProperty("descent.grade.timeout", "10");
            String tree = System.getProperty("descent.grade.tree", "exercises");
            if (!tree.equals("exercises") && !tree.equals("solutions")) {
                return Result.note("could not grade " + selector + ": descent.grade.tree must be exercises or "
                        + "solutions, got '" + tree + "'");
            }
            Path tools = root.resolve("target/tools-classes");
            Path jars = root.resolve("target/tools-classpath.txt");
            if (!Files.isDirectory(tools.resolve("descent/grader")) || !Files.isRegularFile(jars)) {
                return Result.note("could not grade " + selector + ": the grader is not built (no " + root.relativize(tools)
                        + "/descent/grader or " + root.relativize(jars) + "); run ./descent lab, or mvn compile");
            }
            List<String> cp = new ArrayList<>();
            cp.add(tools.toString());
            cp.add(root.resolve("target/classes").toString());
            for (String j : Files.readString(jars, StandardCharsets.UTF_8).trim().split(File.pathSeparator)) {
                if (!j.isBlank()) {
                    cp.add(j);
                }
            }
            out = Files.createTempDirectory("descent-notebook-grade");
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true",
                    "-cp", String.join(File.pathSeparator, cp), GRADER_MAIN, "grade", "--timeout", timeout,
                    "--results", out.resolve("results.json").toString()));
            if (tree.equals("solutions")) {
                cmd.add("--solutions");
            }
            cmd.add(selector);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
            pb.redirectOutput(out.resolve("stdout.txt").toFile());
            pb.redirectError(out.resolve("stderr.txt").toFile());
            Process p = pb.start();
            int status;
            try {
                status = p.waitFor();
            } catch (InterruptedException e) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                return Result.note("could not grade " + selector + ": interrupted");
            }
            Path text = out.resolve("report.txt");
            Path html = out.resolve("report-table.html");
            Path score = out.resolve("score.txt");
            if (status > 1 || !Files.isRegularFile(text) || !Files.isRegularFile(html) || !Files.isRegularFile(score)) {
                String err = Files.readString(out.resolve("stderr.txt"), StandardCharsets.UTF_8).strip();
                String first = err.lines().findFirst().orElse("the grader stopped with exit status " + status)
                        .replaceFirst("^error: ", "");
                return Result.note("could not grade " + selector + ": " + first);
            }
            String[] s = Files.readString(score, StandardCharsets.UTF_8).trim().split("\\s+");
            return new Result(Files.readString(text, StandardCharsets.UTF_8),
                    Files.readString(html, StandardCharsets.UTF_8), Integer.parseInt(s[0]), Integer.parseInt(s[1]),
                    null);
        } catch (Throwable t) {
            return Result.note("could not grade " + selector + ": " + t);
        } finally {
            if (out != null) {
                deleteQuietly(out);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // a temporary directory left behind is harmless
        }
    }

    /** A grading result as a notebook shows it: the grader's table (text and HTML) and the score, or a note. */
    public static final class Result {
        private final String text;
        private final String html;
        private final int earned;
        private final int possible;
        private final String note;

        Result(String text, String html, int earned, int possible, String note) {
            this.text = text;
            this.html = html;
            this.earned = earned;
            this.possible = possible;
            this.note = note;
        }

        static Result note(String note) {
            return new Result(null, null, 0, 0, note);
        }

        /** Whether grading ran (false when it was skipped or could not run; then {@link #text()} is the note). */
        public boolean graded() {
            return note == null;
        }

        /** Points earned (0 when not graded). */
        public int earned() {
            return earned;
        }

        /** Points available (0 when not graded). */
        public int possible() {
            return possible;
        }

        /** Whether grading ran and every point was earned. */
        public boolean fullMarks() {
            return graded() && earned == possible;
        }

        /** The terminal table (or the note). */
        public String text() {
            return note != null ? note : text;
        }

        /** The HTML table (or the note, escaped). */
        public String html() {
            return note != null ? "<p>" + escape(note) + "</p>" : html;
        }

        /** HTML, because the Java kernel shows an expression's value as {@code text/html} of its toString. */
        @Override
        public String toString() {
            return note != null ? note : html;
        }

        private static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
