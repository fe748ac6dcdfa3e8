package descent.grader;

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
 * Writes the student copy of the course: everything in the project except {@code solutions/}, the instructor's
 * {@code .mutants} files beside the graded tests, build output and version-control data. {@code exercises/} is
 * generated afresh from {@code solutions/}, and the POM loses the build step that compiles {@code solutions/} and the
 * graded tests into {@code mvn test} (students grade with {@code ./descent grade} instead).
 */
public final class Release {

    private static final Set<String> SKIP_TOP = Set.of("solutions", "exercises", "target", ".git", ".idea",
            ".vscode", ".ipynb_checkpoints");
    private static final Pattern BUILD_HELPER = Pattern.compile(
            "\\s*(<!--(?:(?!-->).)*-->\\s*)?<plugin>(?:(?!</plugin>).)*build-helper-maven-plugin(?:(?!</plugin>).)*</plugin>",
            Pattern.DOTALL);

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
                    if (SKIP_TOP.contains(top) || rel.getFileName().toString().equals(".ipynb_checkpoints")
                            || rel.toString().contains(".ipynb_checkpoints") || instructorOnly(rel)) {
                        continue;
                    }
                    Path target = d.resolve(rel.toString());
                    Files.createDirectories(target.getParent());
                    if (rel.toString().equals("pom.xml")) {
                        Files.writeString(target, studentPom(Files.readString(p)));
                    } else {
                        Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                    n++;
                }
            }
            List<String> written = ExerciseGenerator.write(r.resolve("solutions"), d.resolve("exercises"));
            return n + written.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Files beside the graded tests that only instructors may see: {@code <Name>Test.mutants} quotes solution code
     * (the typical mistakes and equivalent mutants of {@code descent.mutation.MutationGate}).
     */
    static boolean instructorOnly(Path rel) {
        return rel.getFileName().toString().endsWith(".mutants");
    }

    /** The POM without the build-helper step that adds {@code solutions/} and {@code src/grade/java} to the tests. */
    static String studentPom(String pom) {
        return BUILD_HELPER.matcher(pom).replaceAll("");
    }
}
