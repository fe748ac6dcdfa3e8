package descent.grader.exercise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the student tree {@code exercises/} from the reference tree {@code solutions/}.
 * <p>
 * In every {@code .java} file, each region from a line containing {@code BEGIN SOLUTION <id> <title>} to a line
 * containing {@code END SOLUTION} is replaced by two lines, indented like the BEGIN line:
 * <pre>{@code
 * // YOUR CODE HERE
 * throw new UnsupportedOperationException("Exercise 01.2 (multiply gate backward) is not implemented yet");
 * }</pre>
 * Everything else (signatures, javadoc, the code around the region) is copied unchanged, and files that are not
 * Java sources are copied byte for byte. The output depends only on the input, so generating twice gives the
 * same bytes; {@link #differences} is the drift check the build runs.
 */
public final class ExerciseGenerator {

    /** The marker that opens a region; what follows it on the line is the exercise id and title. */
    public static final String BEGIN = "BEGIN SOLUTION";
    /** The marker that closes a region. */
    public static final String END = "END SOLUTION";
    /** The command that regenerates {@code exercises/}, quoted in drift messages. */
    public static final String COMMAND = "./descent exercises";

    private static final Pattern HEADER = Pattern.compile("BEGIN SOLUTION\\s+(\\S+)\\s*(.*?)\\s*(\\*/)?\\s*$");

    private ExerciseGenerator() {
    }

    /** A malformed solution file; the message starts with {@code file:line:}. */
    public static final class RegionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RegionException(String where, int line, String message) {
            super(where + ":" + line + ": " + message);
        }
    }

    /** One solution region found in a file. */
    public record Region(String file, int beginLine, String id, String title) {
    }

    /**
     * The stub text of one Java source. {@code where} names the file in error messages.
     *
     * @throws RegionException for an unterminated, nested, unopened or id-less region
     */
    public static String stub(String source, String where) {
        return transform(source, where, null);
    }

    /** The solution regions of one Java source, in order. */
    public static List<Region> regions(String source, String where) {
        List<Region> out = new ArrayList<>();
        transform(source, where, out);
        return out;
    }

    private static String transform(String source, String where, List<Region> regions) {
        String[] lines = source.split("\n", -1);
        StringBuilder out = new StringBuilder(source.length());
        int openLine = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            boolean last = i == lines.length - 1;
            if (line.contains(BEGIN)) {
                if (openLine > 0) {
                    throw new RegionException(where, lineNo,
                            "BEGIN SOLUTION inside the region opened at line " + openLine + " (regions cannot nest)");
                }
                Matcher m = HEADER.matcher(line.substring(line.indexOf(BEGIN)));
                if (!m.find()) {
                    throw new RegionException(where, lineNo,
                            "BEGIN SOLUTION needs an exercise id and a title, e.g. // BEGIN SOLUTION 01.2 multiply gate backward");
                }
                String id = m.group(1);
                String title = m.group(2);
                if (regions != null) {
                    regions.add(new Region(where, lineNo, id, title));
                }
                String indent = line.substring(0, line.length() - line.stripLeading().length());
                String eol = line.endsWith("\r") ? "\r" : "";
                String label = title.isEmpty() ? id : id + " (" + title + ")";
                out.append(indent).append("// YOUR CODE HERE").append(eol).append('\n');
                out.append(indent).append("throw new UnsupportedOperationException(\"Exercise ")
                        .append(javaString(label)).append(" is not implemented yet\");").append(eol);
                openLine = lineNo;
                if (!last) {
                    out.append('\n');
                }
            } else if (line.contains(END)) {
                if (openLine < 0) {
                    throw new RegionException(where, lineNo, "END SOLUTION without a BEGIN SOLUTION before it");
                }
                openLine = -1;
            } else if (openLine < 0) {
                out.append(line);
                if (!last) {
                    out.append('\n');
                }
            }
        }
        if (openLine > 0) {
            throw new RegionException(where, openLine, "BEGIN SOLUTION has no END SOLUTION after it");
        }
        String s = out.toString();
        // The END line's newline was dropped together with the line; keep the file's final newline.
        if (source.endsWith("\n") && !s.endsWith("\n")) {
            s += "\n";
        }
        return s;
    }

    private static String javaString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * Every file the generator would write under {@code exercises/}, keyed by path relative to it ('/'-separated),
     * in sorted order. A missing {@code solutions} directory gives an empty map.
     */
    public static Map<String, byte[]> generate(Path solutions) {
        Map<String, byte[]> out = new TreeMap<>();
        if (!Files.isDirectory(solutions)) {
            return out;
        }
        for (Path file : files(solutions)) {
            String rel = relative(solutions, file);
            try {
                byte[] bytes = Files.readAllBytes(file);
                if (rel.endsWith(".java")) {
                    String where = solutions.getFileName() + "/" + rel;
                    bytes = stub(new String(bytes, StandardCharsets.UTF_8), where).getBytes(StandardCharsets.UTF_8);
                }
                out.put(rel, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** All solution regions under {@code solutions}, in file order. */
    public static List<Region> regions(Path solutions) {
        List<Region> out = new ArrayList<>();
        if (!Files.isDirectory(solutions)) {
            return out;
        }
        for (Path file : files(solutions)) {
            String rel = relative(solutions, file);
            if (rel.endsWith(".java")) {
                try {
                    out.addAll(regions(Files.readString(file), solutions.getFileName() + "/" + rel));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    /**
     * Rewrites {@code exercises} from {@code solutions}: writes every generated file whose bytes differ and deletes
     * files that the generator would not write. Nothing is written when a solution file is malformed. Every file
     * that is overwritten or deleted is first copied to {@code backup} (a new directory), since it may hold work;
     * each file is written to a temporary file and moved into place, so none is ever half written.
     *
     * @param backup where replaced files go (created only when something is replaced); null only for a fresh target
     * @return the relative paths that were written or deleted
     * @throws IllegalArgumentException when {@code solutions} does not exist (a student copy: regenerating would
     *         replace the student's work with stubs)
     */
    public static List<String> write(Path solutions, Path exercises, Path backup) {
        if (!Files.isDirectory(solutions)) {
            throw new IllegalArgumentException("there is no " + solutions.getFileName() + "/ directory in "
                    + solutions.toAbsolutePath().getParent() + ": " + COMMAND + " writes exercises/ from the "
                    + "instructor's solutions, and in a student copy it would replace your work with empty stubs. "
                    + "Nothing was changed.");
        }
        Map<String, byte[]> generated = generate(solutions);
        List<String> changed = new ArrayList<>();
        try {
            List<Path> replaced = new ArrayList<>();
            for (Map.Entry<String, byte[]> e : generated.entrySet()) {
                Path target = exercises.resolve(e.getKey());
                if (Files.isRegularFile(target) && !Arrays.equals(Files.readAllBytes(target), e.getValue())) {
                    replaced.add(target);
                }
            }
            List<Path> extra = new ArrayList<>();
            if (Files.isDirectory(exercises)) {
                for (Path file : files(exercises)) {
                    if (!generated.containsKey(relative(exercises, file))) {
                        extra.add(file);
                    }
                }
            }
            if (!replaced.isEmpty() || !extra.isEmpty()) {
                if (backup == null) {
                    throw new IllegalArgumentException(exercises + " is not empty; refusing to replace files without "
                            + "a backup");
                }
                for (Path f : replaced) {
                    copy(f, backup.resolve(relative(exercises, f)));
                }
                for (Path f : extra) {
                    copy(f, backup.resolve(relative(exercises, f)));
                }
            }
            for (Map.Entry<String, byte[]> e : generated.entrySet()) {
                Path target = exercises.resolve(e.getKey());
                if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), e.getValue())) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempFile(target.getParent(), ".descent-", ".tmp");
                try {
                    Files.write(tmp, e.getValue());
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
                changed.add(e.getKey());
            }
            for (Path file : extra) {
                Files.delete(file);
                changed.add(relative(exercises, file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return changed;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    }

    /**
     * How {@code exercises} differs from what {@link #write} would produce: one line per file, e.g.
     * {@code "backprop/MultiplyGate.java differs"}, {@code "... is missing"}, {@code "... should not exist"}.
     * Empty when they agree.
     */
    public static List<String> differences(Path solutions, Path exercises) {
        Map<String, byte[]> generated = generate(solutions);
        List<String> out = new ArrayList<>();
        try {
            for (Map.Entry<String, byte[]> e : generated.entrySet()) {
                Path target = exercises.resolve(e.getKey());
                if (!Files.isRegularFile(target)) {
                    out.add(e.getKey() + " is missing");
                } else if (!Arrays.equals(Files.readAllBytes(target), e.getValue())) {
                    out.add(e.getKey() + " differs");
                }
            }
            if (Files.isDirectory(exercises)) {
                for (Path file : files(exercises)) {
                    String rel = relative(exercises, file);
                    if (!generated.containsKey(rel)) {
                        out.add(rel + " should not exist (no such file in solutions/)");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<Path> files(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
