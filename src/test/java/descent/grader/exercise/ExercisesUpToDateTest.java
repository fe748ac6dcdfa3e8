package descent.grader.exercise;

import descent.grade.Project;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drift check: {@code exercises/} must be exactly what the generator writes from {@code solutions/}. */
class ExercisesUpToDateTest {

    @Test
    void exercisesMatchTheGenerator() {
        Path root = Project.root();
        // A student release has no solutions/, so there is nothing to compare with.
        assumeTrue(Files.isDirectory(root.resolve("solutions")), "no solutions/ (a student release)");
        List<String> diff = ExerciseGenerator.differences(root.resolve("solutions"), root.resolve("exercises"));
        assertTrue(diff.isEmpty(), () -> "exercises/ is out of date with solutions/:\n  " + String.join("\n  ", diff)
                + "\nRegenerate it with: " + ExerciseGenerator.COMMAND + " (then commit exercises/)");
    }
}
