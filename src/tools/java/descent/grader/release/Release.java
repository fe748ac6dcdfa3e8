package descent.grader.release;

import descent.grader.exercise.ExerciseGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the student copy of the course: everything in the project except {@code solutions/}, the hidden graded
 * tests ({@code src/grade/hidden}), the typical wrong answers ({@code src/grade-wrong}, near-copies of the
 * solutions), the instructor's {@code .mutants} files beside the graded tests, build output and version-control
 * data. {@code exercises/} is generated afresh
 * from {@code solutions/}; the README is the students' own ({@link #STUDENT_README}: their commands and how to
 * submit); and the POM loses the build step that compiles {@code solutions/} and the graded tests into
 * {@code mvn test} (students grade with {@code ./descent grade} instead).
 */
public final class Release {

    private static final Set<String> SKIP_TOP = Set.of("solutions", "exercises", "target", ".git", ".idea",
            ".vscode", ".ipynb_checkpoints");
    /** The hidden graded tests: never in a student copy. */
    public static final String HIDDEN = "src/grade/hidden";
    /** Typical wrong answers the graded tests must reject: near-copies of the solutions, never in a student copy. */
    public static final String WRONG = "src/grade-wrong";
    /** The students' README, written as the release's README.md. */
    public static final String STUDENT_README = "src/tools/release/README.md";
    private static final Pattern GRADED_SOURCE = Pattern.compile(
            "\\n[ \\t]*(<!--[^\\n]*-->[ \\t]*\\n[ \\t]*)?<source>(solutions|src/grade/java|src/grade/hidden|src/grade-wrong/java)</source>[ \\t]*(?=\\n)");

    private Release() {
    }

    /**
     * Copies the student release of {@code root} into {@code dir}, which must not exist or be empty, and must not
     * lie inside {@code root/solutions}.
     *
     * @return the number of files written
     */
    public static int write(Path root, Path dir) {
        Path r = root.toAbsolutePath().normalize();
        Path d = dir.toAbsolutePath().normalize();
        if (d.equals(r) || r.startsWith(d)) {
            throw new IllegalArgumentException("release directory " + d + " would overwrite the project");
        }
        try {
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    if (s.findAny().isPresent()) {
                        throw new IllegalArgumentException("release directory " + d + " is not empty");
                    }
                }
            }
            Files.createDirectories(d);
            int n = 0;
            try (Stream<Path> s = Files.walk(r)) {
                for (Path p : s.sorted().toList()) {
                    Path rel = r.relativize(p);
                    if (rel.toString().isEmpty() || !Files.isRegularFile(p) || p.startsWith(d)) {
                        continue;
                    }
                    String top = rel.getName(0).toString();
                    String relText = rel.toString().replace('\\', '/');
                    if (SKIP_TOP.contains(top) || relText.contains(".ipynb_checkpoints")
                            || relText.startsWith(HIDDEN + "/") || relText.startsWith(WRONG + "/")
                            || relText.equals(STUDENT_README) || instructorOnly(rel)) {
                        continue;
                    }
                    Path target = d.resolve(rel.toString());
                    Files.createDirectories(target.getParent());
                    if (relText.equals("pom.xml")) {
                        Files.writeString(target, studentPom(Files.readString(p)));
                    } else if (relText.equals("README.md") && Files.isRegularFile(r.resolve(STUDENT_README))) {
                        Files.copy(r.resolve(STUDENT_README), target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                    n++;
                }
            }
            List<String> written = ExerciseGenerator.write(r.resolve("solutions"), d.resolve("exercises"), null);
            return n + written.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Files beside the graded tests that only instructors may see: {@code <Name>Test.mutants} quotes solution code
     * (the typical mistakes and equivalent mutants of the mutation gate).
     */
    static boolean instructorOnly(Path rel) {
        return rel.getFileName().toString().endsWith(".mutants");
    }

    /**
     * The POM without the sources a student copy lacks: {@code solutions/} and the graded tests are no longer test
     * sources of {@code mvn test} (students grade with {@code ./descent grade}); the tools stay.
     */
    public static String studentPom(String pom) {
        return GRADED_SOURCE.matcher(pom).replaceAll("");
    }
}
