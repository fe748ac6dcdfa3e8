package descent.grader.check;

import descent.grader.Course;

import descent.grade.Project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfCheckTest {

    private static List<String> check(Path root, int[] failed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        failed[0] = SelfCheck.run(Course.at(root), 30, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The course itself: every graded exercise scores full marks on solutions/ and zero on its stub. */
    @Test
    void theCoursePassesItsOwnCheck() {
        Path root = Project.root();
        assumeTrue(Files.isDirectory(root.resolve("solutions")), "no solutions/ (a student release)");
        int[] failed = new int[1];
        List<String> lines = check(root, failed);
        assertEquals(0, failed[0], () -> String.join("\n", lines));
        assertTrue(lines.get(lines.size() - 1).matches("[1-9]\\d* passed, 0 failed"), lines.toString());
    }
}
