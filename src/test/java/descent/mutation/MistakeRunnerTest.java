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
                List.of(new MutantsFile.Replacement(null, null, from, to)), List.of("x"), List.of(), -1, "T.mutants:1"));
    }

    @Test
    void clippingByValueLosesPointsWithTheTestsMessages() {
        MistakeRunner.Result r = run("g[i] *= tau / norm;", "g[i] = Math.max(-tau, Math.min(tau, g[i]));");
        assertNull(r.problem());
        assertTrue(r.total() > 0 && r.kept() < r.total(), r.toString());
        assertTrue(r.failures().values().stream().anyMatch(m -> m.contains("clipped g")), r.failures().toString());
    }

    @Test
    void aWholeRegionCanBeReplaced() {
        // clip the first entry only: "replace region with" and a body of two statements
        MutantsFile file = MutantsFile.parse("""
                mistake clips one entry
                    replace region with
                        g[0] = Math.min(g[0], tau);
                        return Math.abs(g[0]);
                    message clipped g
                    fails clipsALongGradient
                """, "T.mutants");
        MistakeRunner.Result r = runner.run(course.item("02.7"), file.mistakes().get(0));
        assertNull(r.problem());
        assertTrue(r.kept() < r.total() && r.failures().containsKey("ClipByNormTest.clipsALongGradient"), r.toString());
        MutantsFile.Mistake twoRegions = MutantsFile.parse("""
                mistake m
                    replace region "no such title" with
                        return 0;
                    message x
                """, "T.mutants").mistakes().get(0);
        assertTrue(runner.run(course.item("02.7"), twoRegions).problem()
                .startsWith("T.mutants:1: 'replace region' names 0 regions of 02.7 titled \"no such title\""));
    }

    @Test
    void regionSpansAreFoundByIdAndTitle() {
        String text = "a\n  // BEGIN SOLUTION 01.1 first part\n  x;\n  // END SOLUTION\n"
                + "    // BEGIN SOLUTION 01.1 second\n    y;\n    // END SOLUTION\n// BEGIN SOLUTION 01.10 other\nz;\n// END SOLUTION\n";
        List<int[]> all = MistakeRunner.spans(text, "01.1", null);
        assertEquals(2, all.size());
        assertEquals("  x;\n", text.substring(all.get(0)[0], all.get(0)[1]));
        assertEquals(2, all.get(0)[2]);
        List<int[]> second = MistakeRunner.spans(text, "01.1", "second");
        assertEquals(1, second.size());
        assertEquals("    y;\n", text.substring(second.get(0)[0], second.get(0)[1]));
        assertEquals(4, second.get(0)[2]);
    }

    @Test
    void aMistakeThatLoopsLosesEveryPointOnceItsCpuBudgetIsSpent() {
        MistakeRunner shortBudget = new MistakeRunner(course.root().resolve("target/test-classes"),
                Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)), 1_000);
        long t0 = System.nanoTime();
        MistakeRunner.Result r = shortBudget.run(course.item("02.7"), new MutantsFile.Mistake("m",
                List.of(new MutantsFile.Replacement(null, null, "g[i] *= tau / norm;",
                        "while (!Thread.currentThread().isInterrupted()) { tau += 0; }")),
                List.of("x"), List.of(), -1, "T.mutants:1"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertNull(r.problem());
        assertEquals(0, r.kept(), r.toString());
        assertEquals("timed out after 1 s of CPU time", r.failures().get("(all)"), r.toString());
        assertTrue(seconds >= 1.0, "stopped after " + seconds + " s, before the loop had used its 1 s of CPU time");
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
