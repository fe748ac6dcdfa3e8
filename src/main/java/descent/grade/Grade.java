package descent.grade;

import java.nio.file.Path;
import java.util.List;

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
 * With {@code -Ddescent.grade.skip=true} (set by the test runners that execute notebooks) nothing is graded and
 * the result is the note {@code grading skipped (descent.grade.skip)}. {@code -Ddescent.grade.timeout=S} changes
 * the per-test timeout (default 10 s); {@code -Ddescent.grade.tree=solutions} grades the reference solutions instead
 * (an instructor executing the notebooks on the solutions sees full marks).
 */
public final class Grade {

    /** The note returned when grading is switched off. */
    public static final String SKIPPED = "grading skipped (descent.grade.skip)";

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
            return new Result(null, SKIPPED);
        }
        try {
            Path root = Project.root();
            int timeout = Integer.parseInt(System.getProperty("descent.grade.timeout", "10"));
            String tree = System.getProperty("descent.grade.tree", "exercises");
            if (!tree.equals("exercises") && !tree.equals("solutions")) {
                return new Result(null, "could not grade " + selector + ": descent.grade.tree must be exercises or "
                        + "solutions, got '" + tree + "'");
            }
            GradeReport report = new Grader(root, root.resolve(tree), timeout).grade(List.of(selector));
            return new Result(report, null);
        } catch (Throwable t) {
            return new Result(null, "could not grade " + selector + ": " + t.getMessage());
        }
    }

    /** A grading result as a notebook shows it. */
    public static final class Result {
        private final GradeReport report;
        private final String note;

        Result(GradeReport report, String note) {
            this.report = report;
            this.note = note;
        }

        /** The full report, or null when grading was skipped or could not run. */
        public GradeReport report() {
            return report;
        }

        /** The terminal table (or the note). */
        public String text() {
            return report == null ? note : report.text();
        }

        /** The HTML table (or the note, escaped). */
        public String html() {
            return report == null ? "<p>" + GradeReport.esc(note) + "</p>" : report.html();
        }

        /** HTML, because the Java kernel shows an expression's value as {@code text/html} of its toString. */
        @Override
        public String toString() {
            return report == null ? note : report.html();
        }
    }
}
