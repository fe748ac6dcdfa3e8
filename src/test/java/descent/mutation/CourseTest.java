package descent.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import descent.grader.exercise.ExerciseGenerator;
import descent.grade.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The course as the gate sees it, read from the real solutions/ and the compiled graded tests. */
class CourseTest {

    static Course course;

    @BeforeAll
    static void read() {
        Path root = Project.root();
        assumeTrue(Files.isDirectory(root.resolve("solutions")), "no solutions/ (a student release)");
        course = Course.read(root, root.resolve("target/test-classes"));
    }

    /** The line number (1-based) of the first line of {@code file} that contains {@code text}. */
    static int lineOf(Path file, String text) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    @Test
    void everyRegionBelongsToAnExerciseWithItsGradedTest() {
        int regions = ExerciseGenerator.regions(course.root().resolve("solutions")).size();
        assertEquals(regions, course.items().stream().mapToInt(i -> i.regions().size()).sum());
        Course.Item clip = course.item("02.7");
        assertEquals("clip by norm", clip.title());
        assertEquals(List.of("firstorder.ClipByNormTest"), clip.testClasses());
        Course.Region r = clip.regions().get(0);
        assertEquals("firstorder.ClipByNorm", r.className());
        assertEquals("ClipByNorm.java", r.fileName());
        assertEquals(course.root().resolve("src/grade/java/firstorder/ClipByNormTest.mutants"),
                clip.sidecar(course.root().resolve("src/grade/java")));
    }

    @Test
    void regionsAreTheLinesStrictlyBetweenTheMarkers() throws Exception {
        Path file = course.root().resolve("solutions/firstorder/ClipByNorm.java");
        int begin = lineOf(file, "BEGIN SOLUTION");
        int end = lineOf(file, "END SOLUTION");
        Course.Region r = course.item("02.7").regions().get(0);
        assertEquals(begin + 1, r.first());
        assertEquals(end - 1, r.last());
        assertNotNull(course.regionOf("firstorder.ClipByNorm", begin + 1));
        assertNotNull(course.regionOf("firstorder.ClipByNorm$1", end - 1), "a nested class counts as its outer class");
        assertNull(course.regionOf("firstorder.ClipByNorm", begin));
        assertNull(course.regionOf("firstorder.ClipByNorm", end));
        assertNull(course.regionOf("firstorder.ClipByNormTest", begin + 1));
    }

    @Test
    void selectsByIdChapterPackageOrNumber() {
        assertEquals(List.of("02.7"), course.select(List.of("02.7")).stream().map(Course.Item::id).toList());
        List<Course.Item> ch2 = course.select(List.of("02"));
        assertTrue(ch2.size() >= 9 && ch2.stream().allMatch(i -> i.id().startsWith("02.")), ch2.toString());
        assertEquals(ch2, course.select(List.of("firstorder")));
        assertEquals(course.items(), course.select(List.of()));
        List<String> ids = course.items().stream().map(Course.Item::id).toList();
        assertTrue(ids.indexOf("01.2") < ids.indexOf("01.10"), "reading order: " + ids);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> course.select(List.of("7.7")));
        assertTrue(e.getMessage().startsWith("no exercise, chapter number or chapter package '7.7'"), e.getMessage());
    }
}
