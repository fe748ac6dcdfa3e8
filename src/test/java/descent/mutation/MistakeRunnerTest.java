package descent.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Grading hand-written wrong answers against the real graded tests of exercise 02.7 (clip by norm). */
class MistakeRunnerTest {

    static Course course;
    static MistakeRunner runner;

    @BeforeAll
    static void setUp() {
        CourseTest.read();
        course = CourseTest.course;
        runner = new MistakeRunner(course.root().resolve("target/test-classes"),
                Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)), 20_000);
    }

    private static MistakeRunner.Result run(String from, String to) {
        return runner.run(course.item("02.7"), new MutantsFile.Mistake("m",
                List.of(new MutantsFile.Replacement(null, from, to)), List.of("x"), -1, "T.mutants:1"));
    }

    @Test
    void clippingByValueLosesPointsWithTheTestsMessages() {
        MistakeRunner.Result r = run("g[i] *= tau / norm;", "g[i] = Math.max(-tau, Math.min(tau, g[i]));");
        assertNull(r.problem());
        assertTrue(r.total() > 0 && r.kept() < r.total(), r.toString());
        assertTrue(r.failures().values().stream().anyMatch(m -> m.contains("clipped g")), r.failures().toString());
    }

    @Test
    void aHarmlessRewriteKeepsFullMarks() {
        MistakeRunner.Result r = run("if (norm > tau) {", "if (tau < norm) {");
        assertNull(r.problem());
        assertEquals(r.total(), r.kept(), r.failures().toString());
    }

    @Test
    void aReplacementThatDoesNotApplyOrCompileIsReported() {
        assertTrue(run("no such text", "x").problem().startsWith("T.mutants:1: `no such text` occurs 0 times"),
                run("no such text", "x").problem());
        assertTrue(run("g[i] *= tau / norm;", "g[i] *= tau /;").problem().startsWith("the mistake does not compile: "
                + "ClipByNorm.java:"));
    }
}
