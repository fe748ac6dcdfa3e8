package descent.grader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the pieces of a course are: the root (paths in messages are relative to it), the graded tests (public and
 * hidden), the trusted tree the exercise signatures are read from, and the two classpaths of grading.
 *
 * @param root the course root
 * @param gradeSources {@code src/grade/java}
 * @param hiddenSources {@code src/grade/hidden} (may not exist)
 * @param signatures the trusted tree the exercise signatures come from: {@code solutions/} when present, else
 *        the course's {@code exercises/}
 * @param library what student code compiles and runs against
 * @param trusted what the graded tests compile and run against
 */
public record Course(Path root, Path gradeSources, Path hiddenSources, Path signatures, List<String> library,
        List<String> trusted) {

    /** The course at {@code root}, with the classpaths of this JVM. */
    public static Course at(Path root) {
        Path r = root.toAbsolutePath().normalize();
        Path signatures = Files.isDirectory(r.resolve("solutions")) ? r.resolve("solutions") : r.resolve("exercises");
        return new Course(r, r.resolve("src/grade/java"), r.resolve("src/grade/hidden"), signatures,
                Classpath.library(), Classpath.trusted());
    }

    public Path solutions() {
        return root.resolve("solutions");
    }

    public Path exercises() {
        return root.resolve("exercises");
    }

    /** Whether this is the instructor's copy (it has {@code solutions/}). */
    public boolean hasSolutions() {
        return Files.isDirectory(solutions());
    }

    /** The same course with another trusted signature tree. */
    public Course withSignatures(Path tree) {
        return new Course(root, gradeSources, hiddenSources, tree, library, trusted);
    }
}
