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
 *     fails weightAndBiasGradients                       (optional: test methods that must be among the failures)
 *     keeps at most 3 points                             (optional; without it the mistake must lose ≥ 1 point)
 *
 * mistake forgets the bias gradient altogether
 *     replace region with                                (the whole region body; "region in F.java" or
 *         ...new body, indented deeper...                 "region \"title\"" picks one when there are several)
 *     message ∂L/∂b
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

    /**
     * One change a mistake makes: text {@code from} (inside the exercise's regions) becomes {@code to}; or, when
     * {@code from} is null, the whole body of a region (the one titled {@code region}, or the exercise's only one)
     * becomes {@code to}. {@code file} (a solution file name) is null when the exercise has one file.
     */
    public record Replacement(String file, String region, String from, String to) {
    }

    /**
     * A typical wrong answer: its changes, the texts the failing tests' messages must contain, the test methods that
     * must fail (may be empty) and the most points it may keep (−1: any number below full marks).
     */
    public record Mistake(String name, List<Replacement> replacements, List<String> messages, List<String> fails,
                          int keepsAtMost, String where) {
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
    private static final Pattern REGION = Pattern.compile("replace region(?:\\s+in\\s+(\\S+))?(?:\\s+\"([^\"]*)\")?\\s+with:?");
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
        Block block = null;
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String where = shown + ":" + (i + 1);
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(raw.charAt(0))) {
                if (block != null) {
                    block.finish(mistakes, equivalents);
                }
                block = new Block(line, where);
                continue;
            }
            if (block == null) {
                throw new FormatException(where, "indented line outside a mistake or equivalent block: " + line);
            }
            Matcher m = REGION.matcher(line);
            if (block.mistake && m.matches()) {
                // the body: the following lines indented deeper than this one (blank lines inside it kept)
                int indent = indent(raw);
                List<String> body = new ArrayList<>();
                int j = i + 1;
                for (; j < lines.length; j++) {
                    if (lines[j].isBlank()) {
                        body.add("");
                    } else if (indent(lines[j]) > indent) {
                        body.add(lines[j]);
                    } else {
                        break;
                    }
                }
                while (!body.isEmpty() && body.get(body.size() - 1).isEmpty()) {
                    body.remove(body.size() - 1);
                }
                if (body.isEmpty()) {
                    throw new FormatException(where, "'replace region ... with' needs the new body on the lines "
                            + "below it, indented deeper");
                }
                int common = body.stream().filter(b -> !b.isEmpty()).mapToInt(MutantsFile::indent).min().orElse(0);
                StringBuilder sb = new StringBuilder();
                for (String b : body) {
                    sb.append(b.isEmpty() ? "" : b.substring(common)).append('\n');
                }
                block.replacements.add(new Replacement(m.group(1), m.group(2), null, sb.toString()));
                i = i + body.size();
                continue;
            }
            block.attribute(line, where);
        }
        if (block != null) {
            block.finish(mistakes, equivalents);
        }
        return new MutantsFile(List.copyOf(mistakes), List.copyOf(equivalents));
    }

    private static int indent(String s) {
        int n = 0;
        while (n < s.length() && Character.isWhitespace(s.charAt(n))) {
            n++;
        }
        return n;
    }

    /** A top-level block being read: a mistake or an equivalent. */
    private static final class Block {
        final boolean mistake;
        final String where;
        final String name;
        final Matcher equivalent;
        final List<Replacement> replacements = new ArrayList<>();
        final List<String> messages = new ArrayList<>();
        final List<String> fails = new ArrayList<>();
        int keeps = -1;
        String because;

        Block(String line, String where) {
            this.where = where;
            if (line.startsWith("mistake ")) {
                mistake = true;
                name = line.substring("mistake ".length()).strip();
                equivalent = null;
            } else if (line.startsWith("equivalent ")) {
                mistake = false;
                name = null;
                equivalent = EQUIVALENT.matcher(line);
                if (!equivalent.matches()) {
                    throw new FormatException(where, "expected: equivalent File.java `source line` PIT description "
                            + "[#k], got: " + line);
                }
            } else {
                throw new FormatException(where, "expected a line starting with 'mistake' or 'equivalent' (or an "
                        + "indented line belonging to one), got: " + line);
            }
        }

        void attribute(String line, String at) {
            if (!mistake) {
                if (!line.startsWith("because ") || because != null) {
                    throw new FormatException(at, "expected one 'because <reason>' line under the equivalent mutant, "
                            + "got: " + line);
                }
                because = line.substring("because ".length()).strip();
                return;
            }
            Matcher m;
            if ((m = REPLACE.matcher(line)).matches()) {
                if (m.group(2).isEmpty()) {
                    throw new FormatException(at, "the text to replace is empty");
                }
                replacements.add(new Replacement(m.group(1), null, m.group(2), m.group(3)));
            } else if (line.startsWith("message ")) {
                messages.add(line.substring("message ".length()).strip());
            } else if (line.startsWith("fails ")) {
                for (String t : line.substring("fails ".length()).split(",")) {
                    if (!t.isBlank()) {
                        fails.add(t.strip());
                    }
                }
            } else if ((m = KEEPS.matcher(line)).matches()) {
                keeps = Integer.parseInt(m.group(1));
            } else {
                throw new FormatException(at, "expected 'replace [in File.java] `old` with `new`', 'replace region "
                        + "[in File.java] [\"title\"] with' (and the body below), 'message <text>', 'fails <test>, ...' "
                        + "or 'keeps at most N points', got: " + line);
            }
        }

        void finish(List<Mistake> mistakes, List<Equivalent> equivalents) {
            if (mistake) {
                if (replacements.isEmpty()) {
                    throw new FormatException(where, "mistake '" + name + "' has no replace line");
                }
                if (messages.isEmpty()) {
                    throw new FormatException(where, "mistake '" + name + "' has no message line (the text a "
                            + "failing test's message must contain, so the student is pointed at the mistake)");
                }
                mistakes.add(new Mistake(name, List.copyOf(replacements), List.copyOf(messages), List.copyOf(fails),
                        keeps, where));
            } else {
                if (because == null) {
                    throw new FormatException(where, "equivalent mutant without a 'because' line (say in one line why "
                            + "no input can tell it from the solution)");
                }
                equivalents.add(new Equivalent(equivalent.group(1), equivalent.group(2).strip(),
                        equivalent.group(3).strip(), equivalent.group(4) == null ? 0 : Integer.parseInt(equivalent.group(4)),
                        because, where));
            }
        }
    }
}
