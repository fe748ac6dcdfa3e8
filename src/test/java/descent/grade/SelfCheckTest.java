package descent.grade;

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
        failed[0] = SelfCheck.run(root, 30, Classpath.library(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The fixture course has one good test and one of each defect; check must name each defect. */
    @Test
    void failsOnEachDeliberateDefectAndNamesTheTest() {
        int[] failed = new int[1];
        List<String> lines = check(Project.root().resolve("src/test/resources/grading/course"), failed);
        String all = String.join("\n", lines);
        assertEquals(6, failed[0], all);
        assertEquals("5 passed, 6 failed", lines.get(lines.size() - 1));
        assertTrue(lines.contains("FAIL generated stub does not compile: exercises/fx/Tail.java:9: unreachable "
                + "statement (a solution region must be the end of its method body)"), all);
        assertTrue(lines.contains("ok   91.1 fx.SquareTest.good (2 pts): full marks on solutions, fails on the stub"), all);
        assertTrue(lines.contains("FAIL 91.1 fx.SquareTest.weak (1 pts): passes on the untouched stub, so it cannot "
                + "tell a right answer from no answer"), all);
        assertTrue(lines.contains("FAIL 91.1 fx.SquareTest.wrong (1 pts): fails on solutions/: "
                + "expected: <10.0> but was: <9.0>"), all);
        assertTrue(lines.contains("FAIL fx.SquareTest.unpointed has no @Points(n)"), all);
        assertTrue(lines.contains("FAIL fx.NoExerciseTest has no @Exercise(id = ..., title = ...)"), all);
        assertTrue(lines.contains("FAIL solutions/fx/Cube.java:11: solution region 91.3 has no graded test class "
                + "with @Exercise(id = \"91.3\")"), all);
        assertTrue(lines.contains("ok   91.2 fx.CubeTest.cubes (3 pts): full marks on solutions, fails on the stub"), all);
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
