package descent.grader.report;

import descent.testing.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradeReportTest {

    static final GradeReport REPORT = new GradeReport("exercises", "light", List.of(
            new GradeReport.ExerciseResult("01.2", "multiply gate backward", List.of(
                    new GradeReport.TestResult("backprop.MultiplyGateTest", "bookExercise", 3, true, ""),
                    new GradeReport.TestResult("backprop.MultiplyGateTest", "fd", 2, false,
                            "∂L/∂x1 for \"x\" < 1:\n\texpected 15, got 10 \\ & more"))),
            new GradeReport.ExerciseResult("01.10", "tie <breaking>", List.of(
                    new GradeReport.TestResult("backprop.MaxTest", "ties", 4, false, "timed out after 10 s")))),
            List.of("exercises/backprop/Max.java:7: ';' expected"), List.of(), List.of(), 1.25);

    @Test
    void totals() {
        assertEquals(3, REPORT.earned());
        assertEquals(9, REPORT.possible());
        assertFalse(REPORT.fullMarks());
        assertEquals(3, REPORT.exercises().get(0).earned());
        assertEquals(5, REPORT.exercises().get(0).possible());
    }

    @Test
    void textTableHasRowsFailuresCompileErrorsAndTotal() {
        String t = REPORT.text();
        List<String> lines = t.lines().toList();
        assertEquals("exercise  title                   points  out of", lines.get(0));
        assertEquals("01.2      multiply gate backward       3       5", lines.get(1));
        assertEquals("    ✗ fd (2 pts): ∂L/∂x1 for \"x\" < 1:", lines.get(2));
        assertTrue(t.contains("01.10     tie <breaking>               0       4\n    ✗ ties (4 pts): timed out after 10 s"), t);
        assertTrue(t.contains("\ntotal                                  3       9\n"), t);
        assertTrue(t.contains("  exercises/backprop/Max.java:7: ';' expected"), t);
    }

    @Test
    void htmlEscapesAndShowsFirstFailure() {
        String h = REPORT.html();
        assertTrue(h.startsWith("<table"), h);
        assertTrue(h.contains("tie &lt;breaking&gt;"), h);
        assertTrue(h.contains("✗ fd: ∂L/∂x1 for &quot;x&quot; &lt; 1:"), h);
        assertFalse(h.contains("<breaking>"), h);
        assertTrue(h.contains("<b>3</b></td><td><b>9</b>"), h);
    }

    @Test
    @SuppressWarnings("unchecked")
    void gradescopeJsonIsValidAndComplete() {
        Map<String, Object> j = (Map<String, Object>) Json.parse(REPORT.gradescopeJson());
        assertEquals(3.0, j.get("score"));
        assertEquals(1.3, (Double) j.get("execution_time"), 0.051);
        List<Map<String, Object>> tests = (List<Map<String, Object>>) j.get("tests");
        assertEquals(3, tests.size());
        assertEquals(Map.of("name", "01.2 multiply gate backward: bookExercise", "score", 3.0, "max_score", 3.0,
                "output", "passed"), tests.get(0));
        assertEquals("∂L/∂x1 for \"x\" < 1:\n\texpected 15, got 10 \\ & more", tests.get(1).get("output"));
        assertEquals(0.0, tests.get(1).get("score"));
        assertEquals(2.0, tests.get(1).get("max_score"));
        assertEquals("01.10 tie <breaking>: ties", tests.get(2).get("name"));
        assertTrue(((String) j.get("output")).contains("exercises/backprop/Max.java:7"));
        double sum = tests.stream().mapToDouble(t -> (Double) t.get("score")).sum();
        assertEquals(sum, (Double) j.get("score"));
    }

    @Test
    void emptyReportIsValidJsonAndNotFullMarks() {
        GradeReport empty = new GradeReport("exercises", "light", List.of(), List.of(), List.of(), List.of(), 0);
        Json.parse(empty.gradescopeJson());
        assertFalse(empty.fullMarks());
    }

    /** Property 7: what student code wrote cannot move the cursor, clear the screen or rewrite earlier lines. */
    @Test
    void terminalTableStripsControlAndEscapeCharacters() {
        String evil = "x\u001b[2J\u001b[1;1Hscore: 100/100\r\u0007\u009b\u202e";
        GradeReport r = new GradeReport("exercises", "light", List.of(new GradeReport.ExerciseResult("01.2", "t",
                List.of(new GradeReport.TestResult("backprop.T", "m", 1, false, evil, evil)))),
                List.of("exercises/a\u001b[31m.java:1: e"), List.of(), List.of(), 0);
        String t = r.text();
        for (char c : t.toCharArray()) {
            assertTrue(c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0x9f) && c != 0x202e),
                    () -> "control character " + (int) c + " in " + t);
        }
        assertTrue(t.contains("x\ufffd[2J\ufffd[1;1Hscore: 100/100"), t);
        assertEquals("a\tb\nc", Terminal.clean("a\tb\nc"));
    }

    @Test
    void controlCharactersAreEscapedInJson() {
        assertEquals("\"a\\u0001b\\n\"", GradeReport.json("a\u0001b\n"));
    }
}
