package descent.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The notebook API: never throws, shows a table, honours descent.grade.skip. */
class GradeTest {

    @Test
    void skipPropertyGivesTheOneLineNote() {
        String old = System.getProperty("descent.grade.skip");
        System.setProperty("descent.grade.skip", "true");
        try {
            assertEquals("grading skipped (descent.grade.skip)", Grade.exercise("01.2").toString());
            assertEquals("grading skipped (descent.grade.skip)", Grade.chapter("backprop").text());
        } finally {
            if (old == null) {
                System.clearProperty("descent.grade.skip");
            } else {
                System.setProperty("descent.grade.skip", old);
            }
        }
    }

    @Test
    void unknownExerciseIsANoteNotAnException() {
        assumeTrue(!"true".equals(System.getProperty("descent.grade.skip")));
        Grade.Result r = Grade.exercise("99.99");
        assertTrue(r.toString().startsWith("could not grade 99.99: no graded exercise or chapter '99.99'"), r.toString());
    }

    @Test
    void gradesTheStubsOfTheExemplarAsZero() {
        assumeTrue(!"true".equals(System.getProperty("descent.grade.skip")));
        assumeTrue(Files.isDirectory(Project.root().resolve("exercises/backprop")));
        Grade.Result r = Grade.exercise("01.2");
        assertEquals(0, r.earned(), r.text());
        assertEquals(5, r.possible(), r.text());
        assertTrue(r.toString().startsWith("<table"), r.toString());
        assertTrue(r.text().contains("is not implemented yet"), r.text());
    }

    @Test
    void treePropertyGradesTheSolutionsToFullMarks() {
        assumeTrue(!"true".equals(System.getProperty("descent.grade.skip")));
        assumeTrue(Files.isDirectory(Project.root().resolve("solutions/backprop")));
        System.setProperty("descent.grade.tree", "solutions");
        try {
            Grade.Result r = Grade.exercise("01.2");
            assertEquals(5, r.earned(), r.text());
            assertTrue(r.fullMarks(), r.text());
        } finally {
            System.clearProperty("descent.grade.tree");
        }
    }
}
