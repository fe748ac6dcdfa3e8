package descent.mutation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instructor's file beside a graded test, {@code src/grade/java/<chapter>/<Name>Test.mutants}: the typical
 * wrong answers of the exercise (each must lose points) and the PIT mutants declared equivalent (no input can tell
 * them from the solution). It quotes solution code, so {@code ./descent release} leaves it out.
 * <pre>
 * # comments and blank lines are ignored
 * mistake ∂L/∂b with the wrong sign
 *     replace `db[j] += g;` with `db[j] -= g;`          (one or more; in the exercise's solution regions)
 *     replace in Other.java `x` with `y`                 (name the file when the exercise has several)
 *     message ∂L/∂b                                      (a failing test's message must contain this; one or more)
 *     keeps at most 3 points                             (optional; without it the mistake must lose ≥ 1 point)
 *
 * equivalent ClipByNorm.java `if (norm > tau) {` changed conditional boundary
 *     because at ‖g‖ = τ the factor τ/‖g‖ is exactly 1, so &gt; and ≥ clip alike
 * </pre>
 * An equivalent mutant is named the way {@code ./descent mutants} prints a survivor: the solution file, the source
 * line in backticks (leading and trailing blanks ignored) and PIT's description, optionally followed by
 * {@code #k} when several mutants on the line share the description (numbered in PIT's order). The reason after
 * {@code because} is required.
 */
public final class MutantsFile {

    /** The file name suffix: {@code <TestClass>.mutants}. */
    public static final String SUFFIX = ".mutants";

    /** One text replacement of a mistake; {@code file} is null when the exercise has a single solution file. */
    public record Replacement(String file, String from, String to) {
    }

    /** A typical wrong answer; {@code keepsAtMost} is −1 when not given. */
    public record Mistake(String name, List<Replacement> replacements, List<String> messages, int keepsAtMost,
                          String where) {
    }

    /** A declared equivalent mutant; {@code occurrence} is 0 when the declaration covers every match. */
    public record Equivalent(String file, String line, String description, int occurrence, String because,
                             String where) {

        /** The declaration as {@code ./descent mutants} prints a survivor. */
        public String key() {
            return file + " `" + line + "` " + description + (occurrence > 0 ? " #" + occurrence : "");
        }
    }

    /** A malformed file; the message starts with {@code file:line:}. */
    public static final class FormatException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FormatException(String where, String message) {
            super(where + ": " + message);
        }
    }

    private static final Pattern REPLACE = Pattern.compile("replace\\s+(?:in\\s+(\\S+)\\s+)?`([^`]*)`\\s+with\\s+`([^`]*)`");
    private static final Pattern KEEPS = Pattern.compile("keeps at most\\s+(\\d+)\\s+points?");
    private static final Pattern EQUIVALENT = Pattern.compile("equivalent\\s+(\\S+\\.java)\\s+`([^`]*)`\\s+(.+?)(?:\\s+#(\\d+))?");

    private final List<Mistake> mistakes;
    private final List<Equivalent> equivalents;

    private MutantsFile(List<Mistake> mistakes, List<Equivalent> equivalents) {
        this.mistakes = mistakes;
        this.equivalents = equivalents;
    }

    /** The typical mistakes, in file order. */
    public List<Mistake> mistakes() {
        return mistakes;
    }

    /** The declared equivalent mutants, in file order. */
    public List<Equivalent> equivalents() {
        return equivalents;
    }

    /** Reads {@code file}; a missing file is an empty one. {@code shown} names it in messages. */
    public static MutantsFile read(Path file, String shown) {
        if (!Files.isRegularFile(file)) {
            return new MutantsFile(List.of(), List.of());
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), shown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses the text of a {@code .mutants} file.
     *
     * @throws FormatException naming {@code shown:line} for anything it does not understand
     */
    public static MutantsFile parse(String text, String shown) {
        List<Mistake> mistakes = new ArrayList<>();
        List<Equivalent> equivalents = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        // the block being read: a mistake (name, replacements, messages, keeps) or an equivalent awaiting "because"
        String name = null;
        String nameAt = null;
        List<Replacement> reps = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        int keeps = -1;
        Matcher eq = null;
        String eqAt = null;
        for (int i = 0; i <= lines.length; i++) {
            String raw = i < lines.length ? lines[i] : "";
            String where = shown + ":" + (i + 1);
            String line = raw.strip();
            boolean top = i == lines.length || (!raw.isEmpty() && !Character.isWhitespace(raw.charAt(0)));
            if (line.startsWith("#") || (line.isEmpty() && i < lines.length)) {
                continue;
            }
            if (top) {
                if (name != null) {
                    if (reps.isEmpty()) {
                        throw new FormatException(nameAt, "mistake '" + name + "' has no replace line");
                    }
                    if (messages.isEmpty()) {
                        throw new FormatException(nameAt, "mistake '" + name + "' has no message line (the text a "
                                + "failing test's message must contain, so the student is pointed at the mistake)");
                    }
                    mistakes.add(new Mistake(name, List.copyOf(reps), List.copyOf(messages), keeps, nameAt));
                    name = null;
                }
                if (eq != null) {
                    throw new FormatException(eqAt, "equivalent mutant without a 'because' line (say in one line why "
                            + "no input can tell it from the solution)");
                }
                if (i == lines.length) {
                    break;
                }
                if (line.startsWith("mistake ")) {
                    name = line.substring("mistake ".length()).strip();
                    nameAt = where;
                    reps = new ArrayList<>();
                    messages = new ArrayList<>();
                    keeps = -1;
                } else if (line.startsWith("equivalent ")) {
                    eq = EQUIVALENT.matcher(line);
                    if (!eq.matches()) {
                        throw new FormatException(where, "expected: equivalent File.java `source line` PIT description "
                                + "[#k], got: " + line);
                    }
                    eqAt = where;
                } else {
                    throw new FormatException(where, "expected a line starting with 'mistake' or 'equivalent' (or an "
                            + "indented line belonging to one), got: " + line);
                }
                continue;
            }
            if (eq != null) {
                if (!line.startsWith("because ")) {
                    throw new FormatException(where, "expected 'because <reason>' under the equivalent mutant, got: " + line);
                }
                equivalents.add(new Equivalent(eq.group(1), eq.group(2).strip(), eq.group(3).strip(),
                        eq.group(4) == null ? 0 : Integer.parseInt(eq.group(4)),
                        line.substring("because ".length()).strip(), eqAt));
                eq = null;
                continue;
            }
            if (name == null) {
                throw new FormatException(where, "indented line outside a mistake or equivalent block: " + line);
            }
            Matcher m;
            if ((m = REPLACE.matcher(line)).matches()) {
                if (m.group(2).isEmpty()) {
                    throw new FormatException(where, "the text to replace is empty");
                }
                reps.add(new Replacement(m.group(1), m.group(2), m.group(3)));
            } else if (line.startsWith("message ")) {
                messages.add(line.substring("message ".length()).strip());
            } else if ((m = KEEPS.matcher(line)).matches()) {
                keeps = Integer.parseInt(m.group(1));
            } else {
                throw new FormatException(where, "expected 'replace [in File.java] `old` with `new`', 'message <text>' "
                        + "or 'keeps at most N points', got: " + line);
            }
        }
        return new MutantsFile(List.copyOf(mistakes), List.copyOf(equivalents));
    }
}
