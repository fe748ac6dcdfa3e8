package descent.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the gate reads PIT's mutants against the declared equivalents, and how it judges a mistake. */
class MutationGateTest {

    static Course course;
    static Course.Item clip;
    static int ifLine;
    static int scaleLine;

    @BeforeAll
    static void read() throws Exception {
        CourseTest.read();
        course = CourseTest.course;
        clip = course.item("02.7");
        Path file = course.root().resolve("solutions/firstorder/ClipByNorm.java");
        ifLine = CourseTest.lineOf(file, "if (norm > tau) {");
        scaleLine = CourseTest.lineOf(file, "g[i] *= tau / norm;");
    }

    private static PitReport.Mutant mutant(int line, int index, String description, boolean detected) {
        return new PitReport.Mutant("ClipByNorm.java", "firstorder.ClipByNorm", "clip", line, index, "X", description,
                detected ? "KILLED" : "SURVIVED", detected, detected ? "ClipByNormTest.clipsALongGradient" : "");
    }

    private static MutationGate.Verdict verdict(String mutantsFile, PitReport.Mutant... ms) {
        Map<String, MutantsFile> files = Map.of("02.7", MutantsFile.parse(mutantsFile, "ClipByNormTest.mutants"));
        List<MutationGate.Verdict> v = MutationGate.analyse(course, List.of(clip), files, List.of(ms));
        assertEquals(1, v.size());
        return v.get(0);
    }

    @Test
    void countsKilledSurvivingAndDeclaredMutants() {
        MutationGate.Verdict v = verdict("""
                equivalent ClipByNorm.java `if (norm > tau) {` changed conditional boundary
                    because at ‖g‖ = τ the factor τ/‖g‖ is 1
                """,
                mutant(ifLine, 5, "changed conditional boundary", false),
                mutant(scaleLine, 9, "Replaced double division with multiplication", true),
                mutant(scaleLine, 8, "Replaced double multiplication with division", false),
                mutant(1, 1, "outside the region: ignored", false));
        assertEquals(3, v.mutants());
        assertEquals(1, v.killed());
        assertEquals(1, v.equivalent());
        assertEquals(1, v.survivors().size());
        assertEquals("ClipByNorm.java `g[i] *= tau / norm;` Replaced double multiplication with division",
                v.survivors().get(0).key());
        assertTrue(v.problems().isEmpty(), v.problems().toString());
        assertTrue(!v.ok());
    }

    @Test
    void numbersMutantsThatShareALineAndDescription() {
        MutationGate.Verdict v = verdict("""
                equivalent ClipByNorm.java `g[i] *= tau / norm;` Replaced double division with multiplication #1
                    because (a reason)
                """,
                mutant(scaleLine, 30, "Replaced double division with multiplication", false),
                mutant(scaleLine, 20, "Replaced double division with multiplication", false));
        assertEquals(1, v.equivalent());
        assertEquals(List.of("ClipByNorm.java `g[i] *= tau / norm;` Replaced double division with multiplication #2"),
                v.survivors().stream().map(MutationGate.Survivor::key).toList());
        assertEquals(30, v.survivors().get(0).mutant().index(), "#1 is the lower instruction index");
    }

    @Test
    void reportsADeclaredMutantThatIsKilledOrMissing() {
        MutationGate.Verdict v = verdict("""
                equivalent ClipByNorm.java `if (norm > tau) {` changed conditional boundary
                    because (wrong)
                equivalent ClipByNorm.java `if (norm >= tau) {` changed conditional boundary
                    because (the line changed since)
                """,
                mutant(ifLine, 5, "changed conditional boundary", true));
        assertEquals(2, v.problems().size(), v.problems().toString());
        assertTrue(v.problems().get(0).startsWith("declared equivalent, but ClipByNormTest.clipsALongGradient kills it"),
                v.problems().get(0));
        assertTrue(v.problems().get(0).endsWith("(ClipByNormTest.mutants:1)"), v.problems().get(0));
        assertTrue(v.problems().get(1).startsWith("declared equivalent, but PIT made no such mutant"), v.problems().get(1));
        assertTrue(!v.ok());
    }

    @Test
    void judgesAMistakeByPointsAndMessage() {
        MutantsFile.Mistake m = new MutantsFile.Mistake("sign", List.of(), List.of("∂L/∂b"), List.of("b"), 3, "F.mutants:4");
        assertNull(MutationGate.judge(m, new MistakeRunner.Result(2, 10, Map.of("T.a", "∂L/∂b for X: expected", "T.b", "x"), null)));
        assertTrue(MutationGate.judge(m, new MistakeRunner.Result(2, 10, Map.of("T.a", "∂L/∂b for X"), null))
                .startsWith("passes b, one of the tests meant for it"));
        assertTrue(MutationGate.judge(m, new MistakeRunner.Result(10, 10, Map.of(), null)).startsWith("keeps full marks"));
        assertTrue(MutationGate.judge(m, new MistakeRunner.Result(4, 10, Map.of("T.a", "∂L/∂b", "T.b", ""), null))
                .startsWith("keeps 4 of 10 points, more than the 3 allowed"));
        assertTrue(MutationGate.judge(m, new MistakeRunner.Result(0, 10, Map.of("T.a", "∂L/∂W", "T.b", ""), null))
                .startsWith("no failing test's message contains '∂L/∂b'"));
        assertEquals("broken", MutationGate.judge(m, MistakeRunner.Result.broken("broken")));
    }

    @Test
    void isolatesOnlyClassesThatAnotherExerciseUses() {
        // A class that another exercise's tests or solution use gets a test JVM of its own (see FewMinionsFactory).
        // Today none does; a class holding the regions of two exercises (08.1 and 08.2 share BatchNormForward) is
        // not "another exercise's" for either of them.
        assertEquals(java.util.Set.of(), MutationGate.isolated(course, course.items(), course.root().resolve("target/test-classes")));
        // ClipByNormTest names its own class only; pretend 02.7's test were 02.8's: LinearDecay's test does not name
        // ClipByNorm, but ClipByNormTest does, so ClipByNorm would be isolated for an exercise owning ClipByNormTest.
        Course.Item decayWithClipTests = new Course.Item("02.8", "x", course.item("02.8").regions(),
                List.of("firstorder.ClipByNormTest"));
        assertEquals(java.util.Set.of("firstorder.ClipByNorm"), MutationGate.isolated(course, List.of(decayWithClipTests),
                course.root().resolve("target/test-classes")));
    }
}
