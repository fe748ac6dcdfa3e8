package descent.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The outcome of one grading run: per exercise, per graded test, points and the failure message; plus the compile
 * errors that cost points. Renders as a terminal table ({@link #text}), an HTML table for notebooks ({@link #html})
 * and Gradescope's {@code results.json} ({@link #gradescopeJson}).
 *
 * @param tree which tree was graded, e.g. {@code "exercises"}
 * @param mode how the student code ran (light or hardened, and what that means)
 * @param exercises the graded exercises in id order
 * @param compileErrors every compile error, as {@code file:line: message}, paths relative to the project root
 * @param problems defects of the graded tests themselves (a class without {@code @Exercise}, a test without
 *        {@code @Points}); {@code check} fails on them
 * @param notes remarks about the whole run (the grading seed, a budget that ran out)
 * @param seconds wall time of the run
 */
public record GradeReport(String tree, String mode, List<ExerciseResult> exercises, List<String> compileErrors,
        List<String> problems, List<String> notes, double seconds) {

    public GradeReport {
        exercises = List.copyOf(exercises);
        compileErrors = List.copyOf(compileErrors);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** A report for a run that did not finish or could not start: zero points, and why. */
    public static GradeReport failed(String tree, String mode, String why) {
        return new GradeReport(tree, mode, List.of(), List.of(), List.of(), List.of(why), 0);
    }

    /**
     * One graded test method: all or nothing. {@code output} is what the graded code printed while the test ran
     * (at most 8192 characters), followed by notes of the grader about the test.
     */
    public record TestResult(String testClass, String method, int points, boolean passed, String message,
            String output) {
        public TestResult(String testClass, String method, int points, boolean passed, String message) {
            this(testClass, method, points, passed, message, "");
        }

        public int earned() {
            return passed ? points : 0;
        }

        /** {@code Class.method}, the class without its package. */
        public String shortName() {
            return testClass.substring(testClass.lastIndexOf('.') + 1) + "." + method;
        }
    }

    /** One exercise: the tests that grade it. */
    public record ExerciseResult(String id, String title, List<TestResult> tests) {
        public int earned() {
            return tests.stream().mapToInt(TestResult::earned).sum();
        }

        public int possible() {
            return tests.stream().mapToInt(TestResult::points).sum();
        }

        public List<TestResult> failures() {
            return tests.stream().filter(t -> !t.passed()).toList();
        }
    }

    public int earned() {
        return exercises.stream().mapToInt(ExerciseResult::earned).sum();
    }

    public int possible() {
        return exercises.stream().mapToInt(ExerciseResult::possible).sum();
    }

    /** Every graded test passed (and there was at least one). */
    public boolean fullMarks() {
        return !exercises.isEmpty() && exercises.stream().allMatch(e -> e.failures().isEmpty());
    }

    /** Every test result, in report order. */
    public List<TestResult> tests() {
        List<TestResult> out = new ArrayList<>();
        exercises.forEach(e -> out.addAll(e.tests()));
        return out;
    }

    /** The terminal table: one row per exercise, its failing tests under it, then compile errors and the total. */
    public String text() {
        int titleWidth = Math.max(5, exercises.stream().mapToInt(e -> e.title().length()).max().orElse(5));
        int idWidth = Math.max(8, exercises.stream().mapToInt(e -> e.id().length()).max().orElse(8));
        String row = "%-" + idWidth + "s  %-" + titleWidth + "s  %6s  %6s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, row, "exercise", "title", "points", "out of"));
        for (ExerciseResult e : exercises) {
            sb.append(String.format(Locale.ROOT, row, Terminal.clean(e.id()), Terminal.clean(e.title()), e.earned(),
                    e.possible()));
            // Failures with the same message (typically an untouched stub) share one line.
            Map<String, List<TestResult>> byMessage = new LinkedHashMap<>();
            e.failures().forEach(t -> byMessage.computeIfAbsent(t.message(), k -> new ArrayList<>()).add(t));
            for (Map.Entry<String, List<TestResult>> f : byMessage.entrySet()) {
                List<TestResult> ts = f.getValue();
                sb.append("    ✗ ").append(String.join(", ", ts.stream().map(TestResult::method).toList()))
                        .append(" (").append(ts.stream().mapToInt(TestResult::points).sum()).append(" pts): ")
                        .append(indentLines(Terminal.clean(shorten(f.getKey(), 600)), "      ")).append('\n');
            }
        }
        sb.append(String.format(Locale.ROOT, row, "total", "", earned(), possible()));
        if (!compileErrors.isEmpty()) {
            sb.append("\ncompile errors in ").append(tree).append("/ (the exercises that need these files score 0):\n");
            compileErrors.forEach(c -> sb.append("  ").append(indentLines(Terminal.clean(c), "    ")).append('\n'));
        }
        notes.forEach(n -> sb.append("note: ").append(Terminal.clean(n)).append('\n'));
        if (mode != null && !mode.isEmpty()) {
            sb.append("mode: ").append(mode).append('\n');
        }
        return sb.toString();
    }

    /** The same table as HTML, for a notebook cell's output. */
    public String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<table class=\"descent-grade\">\n<thead><tr><th style=\"text-align:left\">exercise</th>"
                + "<th style=\"text-align:left\">title</th><th>points</th><th>out of</th>"
                + "<th style=\"text-align:left\">first failure</th></tr></thead>\n<tbody>\n");
        for (ExerciseResult e : exercises) {
            boolean full = e.failures().isEmpty();
            sb.append("<tr><td style=\"text-align:left\">").append(esc(e.id())).append("</td><td style=\"text-align:left\">")
                    .append(esc(e.title())).append("</td><td style=\"color:").append(full ? "#1a7f37" : "#cf222e")
                    .append("\"><b>").append(e.earned()).append("</b></td><td>").append(e.possible())
                    .append("</td><td style=\"text-align:left;white-space:pre-wrap\">");
            if (full) {
                sb.append("✓ all tests pass");
            } else {
                TestResult t = e.failures().get(0);
                sb.append("✗ ").append(esc(t.method())).append(": ").append(esc(shorten(t.message(), 600)));
                if (e.failures().size() > 1) {
                    sb.append(" (and ").append(e.failures().size() - 1).append(" more failing)");
                }
            }
            sb.append("</td></tr>\n");
        }
        sb.append("<tr><td style=\"text-align:left\"><b>total</b></td><td></td><td><b>").append(earned())
                .append("</b></td><td><b>").append(possible()).append("</b></td><td></td></tr>\n</tbody>\n</table>\n");
        if (!compileErrors.isEmpty()) {
            sb.append("<p><b>Compile errors in ").append(esc(tree)).append("/</b></p>\n<pre>");
            compileErrors.forEach(c -> sb.append(esc(c)).append('\n'));
            sb.append("</pre>\n");
        }
        notes.forEach(n -> sb.append("<p>").append(esc(n)).append("</p>\n"));
        if (mode != null && !mode.isEmpty()) {
            sb.append("<p style=\"color:#57606a\">mode: ").append(esc(mode)).append("</p>\n");
        }
        return sb.toString();
    }

    /**
     * Gradescope's results format: {@code {"score", "execution_time", "output", "tests": [{"name", "score",
     * "max_score", "output"}]}}. Scores come from the test engine's results, never from anything the graded code
     * printed.
     */
    public String gradescopeJson() {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"score\": ").append(earned()).append(",\n  \"execution_time\": ")
                .append(String.format(Locale.ROOT, "%.1f", seconds)).append(",\n  \"output\": ")
                .append(json(summary())).append(",\n  \"tests\": [");
        List<TestResult> all = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ExerciseResult e : exercises) {
            for (TestResult t : e.tests()) {
                all.add(t);
                names.add(e.id() + " " + e.title() + ": " + t.method());
            }
        }
        for (int i = 0; i < all.size(); i++) {
            TestResult t = all.get(i);
            sb.append(i == 0 ? "\n" : ",\n");
            sb.append("    {\"name\": ").append(json(names.get(i))).append(", \"score\": ").append(t.earned())
                    .append(", \"max_score\": ").append(t.points()).append(", \"output\": ")
                    .append(json((t.passed() ? "passed" : t.message())
                            + (t.output().isEmpty() ? "" : "\n\nprinted while the test ran:\n" + t.output())))
                    .append('}');
        }
        sb.append(all.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return sb.toString();
    }

    /** One line: {@code 3/5 points (exercises/)}, then compile errors, notes and the mode. */
    public String summary() {
        String s = earned() + "/" + possible() + " points (" + tree + "/)";
        for (String n : notes) {
            s += "\n" + n;
        }
        if (mode != null && !mode.isEmpty()) {
            s += "\nmode: " + mode;
        }
        if (!compileErrors.isEmpty()) {
            s += "; " + compileErrors.size() + " compile error" + (compileErrors.size() == 1 ? "" : "s") + ":\n"
                    + String.join("\n", compileErrors);
        }
        return s;
    }

    @Override
    public String toString() {
        return text();
    }

    public static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    private static String indentLines(String s, String indent) {
        return s.replace("\n", "\n" + indent);
    }

    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
