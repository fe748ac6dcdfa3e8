package descent.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.grade.Project;
import descent.grader.Course;
import descent.grader.report.GradeReport;
import descent.grader.tests.GradedTests;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Grades the fixture student in {@code src/test/resources/grading/student} in light mode: one correct exercise and
 * one for each way student code can misbehave (endless loop, exception, System.exit, Runtime.halt, stack overflow,
 * out of memory, NaN, compile error, forged frames, endless printing). One grading run serves every test here.
 */
class GraderRobustnessTest {

    static final Path STUDENT = Project.root().resolve("src/test/resources/grading/student");
    static GradeReport report;
    static Map<String, GradeReport.TestResult> byName;

    /** Grades {@code tree} of the course at {@code root} with the given isolation. */
    static GradeReport grade(Path root, Path tree, Isolation isolation, int timeout, int budget, boolean hidden,
            List<String> selectors, long seed) {
        Course course = Course.at(root);
        GradedTests tests = GradedTests.read(course.gradeSources(), hidden ? course.hiddenSources() : null);
        long t0 = System.nanoTime();
        try (TrustedBuild build = TrustedBuild.create(course, tests.select(selectors))) {
            return GradingRun.grade(build, tree, "exercises", new GradingRun.Options(isolation, timeout, budget, seed),
                    t0);
        }
    }

    @BeforeAll
    static void gradeOnce() {
        // 10 s: filling 512 MB can take 5 s on a loaded machine
        report = grade(STUDENT, STUDENT.resolve("exercises"), Isolation.light(), 10, 600, false, List.of(), 1);
        byName = report.tests().stream().collect(Collectors.toMap(GradeReport.TestResult::shortName,
                Function.identity()));
    }

    private static GradeReport.TestResult test(String name) {
        GradeReport.TestResult t = byName.get(name);
        assertTrue(t != null, () -> name + " missing from " + byName.keySet());
        return t;
    }

    private static void failsWith(String name, String fragment) {
        GradeReport.TestResult t = test(name);
        assertFalse(t.passed(), name + " should fail");
        assertEquals(0, t.earned());
        assertTrue(t.message().contains(fragment), () -> name + ": '" + t.message() + "' lacks '" + fragment + "'");
    }

    @Test
    void correctCodeEarnsItsPoints() {
        GradeReport.TestResult t = test("GoodTest.doubles");
        assertTrue(t.passed(), t.message());
        assertEquals(2, t.earned());
    }

    @Test
    void endlessLoopTimesOut() {
        failsWith("LoopsTest.returns", "timed out");
    }

    @Test
    void exceptionNamesItselfAndTheStudentLine() {
        failsWith("ThrowsTest.divides", "ArithmeticException: / by zero at capstone.Throws.divide(Throws.java:6)");
        assertEquals("dividing 1 by 0\n", test("ThrowsTest.divides").output());
    }

    @Test
    void systemExitCostsOnlyThatTest() {
        failsWith("ExitsTest.answers", "called System.exit(3) from the method the test called");
        assertTrue(test("ExitsTest.stillCounts").passed(), "the test after the exit still ran");
        assertTrue(test("GoodTest.doubles").passed());
    }

    @Test
    void haltIsACrash() {
        failsWith("HaltsTest.answers", "crashed: the student JVM stopped with exit code 7");
    }

    @Test
    void stackOverflowAndOutOfMemoryFailTheirTests() {
        failsWith("RecursesTest.depth", "StackOverflowError (endless recursion?)");
        failsWith("HogsTest.hoards", "OutOfMemoryError");
    }

    @Test
    void nanSaysSo() {
        failsWith("NaNsTest.mean", "got NaN (not a number");
    }

    @Test
    void compileErrorNamesFileAndLineAndOthersStillGraded() {
        failsWith("BrokenTest.one", "does not compile: exercises/capstone/Broken.java:5: ';' expected");
        assertEquals(List.of("exercises/capstone/Broken.java:5: ';' expected"), report.compileErrors());
        assertEquals(5, test("BrokenTest.one").points());
    }

    @Test
    void printedOrForgedResultsDoNotCount() {
        // The forger printed a fake score and wrote a forged frame straight to the channel, then halted.
        failsWith("ForgerTest.forged", "the student JVM sent data the grader cannot read");
        assertEquals(12, byName.size(), byName.keySet().toString());
    }

    @Test
    void totalsAndOrder() {
        assertEquals(3, report.earned());
        assertEquals(25, report.possible());
        assertFalse(report.fullMarks());
        assertEquals(List.of("90.1", "90.2", "90.3", "90.4", "90.5", "90.6", "90.7", "90.8", "90.9", "90.10", "90.11"),
                report.exercises().stream().map(GradeReport.ExerciseResult::id).toList());
        assertEquals("exercises", report.tree());
        assertEquals(List.of(), report.problems());
        assertTrue(report.mode().startsWith("light"), report.mode());
    }

    @Test
    void printedOutputIsKeptButCapped() {
        GradeReport.TestResult t = test("ChattyTest.answers");
        assertFalse(t.passed());
        assertTrue(t.output().startsWith("still thinking, step 0\nstill thinking, step 1\n"), t.output());
        assertTrue(t.output().endsWith("not shown)"), t.output());
        assertTrue(t.output().length() < Session.PRINT_LIMIT + 100, "length " + t.output().length());
        assertEquals("", test("GoodTest.doubles").output());
        assertTrue(report.gradescopeJson().contains("printed while the test ran:\\ndividing 1 by 0"));
    }
}
