package descent.grader;

import descent.grade.Project;
import descent.grader.exercise.ExerciseGenerator;
import descent.grader.release.Release;
import descent.testing.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and outputs of {@code descent.grade.Cli} on a copy of the fixture course. */
class CliTest {

    static final Path COURSE = Project.root().resolve("src/test/resources/grading/course");

    record Run(int code, String out, String err) {
    }

    static Run cli(Path root, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, () -> root, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path copyCourse(Path dir) throws IOException {
        Path root = dir.resolve("course");
        try (Stream<Path> s = Files.walk(COURSE)) {
            for (Path p : s.sorted().toList()) {
                Path t = root.resolve(COURSE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return root;
    }

    @Test
    void exercisesGenerateAndCheck(@TempDir Path dir) throws IOException {
        Path root = copyCourse(dir);
        Run missing = cli(root, "exercises", "--check");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("capstone/Cube.java is missing"), missing.err());
        assertTrue(missing.err().contains("fix: ./descent exercises"), missing.err());

        assertEquals(0, cli(root, "exercises").code());
        assertEquals(0, cli(root, "exercises", "--check").code());

        Path cube = root.resolve("exercises/capstone/Cube.java");
        Files.writeString(cube, Files.readString(cube).replace("throw new", "return 0; // throw new"));
        Run drift = cli(root, "exercises", "--check");
        assertEquals(1, drift.code());
        assertTrue(drift.err().contains("capstone/Cube.java differs"), drift.err());

        Files.writeString(root.resolve("solutions/capstone/Bad.java"), "class Bad {\n\n  // BEGIN SOLUTION 91.9 bad\n}\n");
        Run bad = cli(root, "exercises");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("solutions/capstone/Bad.java:3: BEGIN SOLUTION has no END SOLUTION"), bad.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void gradeExitCodesAndResultsFile(@TempDir Path dir) throws IOException {
        Path root = copyCourse(dir);
        cli(root, "exercises");
        Path results = dir.resolve("r.json");

        Run full = cli(root, "grade", "--solutions", "--timeout", "30", "--results", results.toString(), "91.2");
        assertEquals(0, full.code(), full.out() + full.err());
        assertTrue(full.out().contains("91.2      cube        3       3"), full.out());
        Map<String, Object> j = (Map<String, Object>) Json.parse(Files.readString(results));
        assertEquals(3.0, j.get("score"));
        assertEquals(List.of(Map.of("name", "91.2 cube: cubes", "score", 3.0, "max_score", 3.0, "output", "passed")),
                j.get("tests"));
        assertTrue(Files.readString(dir.resolve("report.html")).contains("<table"));

        Run stubs = cli(root, "grade", "--timeout", "30", "capstone");
        assertEquals(1, stubs.code(), stubs.out() + stubs.err());
        Map<String, Object> s = (Map<String, Object>) Json.parse(
                Files.readString(root.resolve("target/grade/results.json")));
        assertEquals(1.0, s.get("score"), "only SquareTest.weak, which passes on the stub, scores");
        assertTrue(stubs.err().contains("warning: capstone.SquareTest.unpointed has no @Points(n)"), stubs.err());

        assertEquals(1, cli(root, "grade", "--solutions", "--timeout", "30", "91.1").code());
    }

    @Test
    void usageErrorsExitTwo(@TempDir Path dir) throws IOException {
        Path root = copyCourse(dir);
        assertEquals(2, cli(root).code());
        assertEquals(0, cli(root, "--help").code());
        assertEquals(2, cli(root, "bogus").code());
        Run unknown = cli(root, "grade", "--solutions", "99.9");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("no graded exercise or chapter '99.9'; known: capstone, 91.1, 91.2, 91.4, 91.5"), unknown.err());
        assertEquals(2, cli(root, "grade", "--timeout", "0").code());
        assertEquals(2, cli(root, "grade", "--timeout").code());
        assertEquals(2, cli(root, "grade", "--frobnicate").code());
        assertEquals(2, cli(root, "grade").code(), "no exercises/ yet");
        assertEquals(2, cli(root, "exercises", "extra").code());
        assertEquals(2, cli(root, "release").code());
        assertEquals(2, cli(root, "release", "--gradescope").code());
        Run budget = cli(root, "release", "--gradescope", dir.resolve("a.zip").toString(), "--budget", "0");
        assertEquals(2, budget.code());
        assertTrue(budget.err().contains("--budget needs a positive whole number of seconds, got '0'"), budget.err());
        assertEquals(2, cli(root, "release", "--gradescope", dir.resolve("b.zip").toString(), "--frobnicate").code());
        assertFalse(Files.exists(dir.resolve("a.zip")) || Files.exists(dir.resolve("b.zip")));
    }

    /** The fixture course has two good tests and one of each defect; check must name each defect and exit 1. */
    @Test
    void checkFailsOnEachDeliberateDefectAndNamesTheTest(@TempDir Path dir) throws IOException {
        Run r = cli(copyCourse(dir), "check", "--timeout", "30");
        assertEquals(1, r.code());
        List<String> lines = r.out().lines().toList();
        String all = r.out();
        assertEquals("5 passed, 9 failed", lines.get(lines.size() - 1));
        assertTrue(lines.contains("FAIL solutions/capstone/Counter.java:7: constructor Counter(...) is not private: an "
                + "exercise class has only static methods (pass state as arrays that the method updates) (see the "
                + "exercise signature rule in docs/conventions.md)"), all);
        assertTrue(lines.contains("FAIL solutions/capstone/Counter.java:10: instance method next is not static: "
                + "exercises are static methods (pass state as arrays that the method updates) (see the exercise "
                + "signature rule in docs/conventions.md)"), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("FAIL 91.5 capstone.CounterTest.counts (1 pts): fails on "
                + "solutions/: the graded test does not compile: ")), all);
        assertTrue(lines.contains("FAIL generated stub does not compile: exercises/capstone/Tail.java:9: unreachable "
                + "statement (a solution region must be the end of its method body)"), all);
        assertTrue(lines.contains("ok   91.1 capstone.SquareTest.good (2 pts): full marks on solutions, fails on the stub"), all);
        assertTrue(lines.contains("FAIL 91.1 capstone.SquareTest.weak (1 pts): passes on the untouched stub, so it cannot "
                + "tell a right answer from no answer"), all);
        assertTrue(lines.contains("FAIL 91.1 capstone.SquareTest.wrong (1 pts): fails on solutions/: "
                + "expected: <10.0> but was: <9.0>"), all);
        assertTrue(lines.contains("FAIL capstone.SquareTest.unpointed has no @Points(n)"), all);
        assertTrue(lines.contains("FAIL capstone.NoExerciseTest has no @Exercise(id = ..., title = ...)"), all);
        assertTrue(lines.contains("FAIL solutions/capstone/Cube.java:11: solution region 91.3 has no graded test class "
                + "with @Exercise(id = \"91.3\")"), all);
        assertTrue(lines.contains("ok   91.2 capstone.CubeTest.cubes (3 pts): full marks on solutions, fails on the stub"), all);
    }

    @Test
    void releaseHasEverythingButSolutions(@TempDir Path dir) throws IOException {
        Path root = copyCourse(dir);
        Files.createDirectories(root.resolve("notebooks"));
        Files.writeString(root.resolve("notebooks/01-x.ipynb"), "{}");
        Files.createDirectories(root.resolve("target/classes"));
        Files.writeString(root.resolve("target/classes/junk"), "x");
        Path out = dir.resolve("release");
        Run r = cli(root, "release", out.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(out.resolve("solutions")));
        assertFalse(Files.exists(out.resolve("target")));
        assertTrue(Files.isRegularFile(out.resolve("notebooks/01-x.ipynb")));
        assertTrue(Files.isRegularFile(out.resolve("src/grade/java/capstone/CubeTest.java")));
        assertEquals(ExerciseGenerator.stub(Files.readString(root.resolve("solutions/capstone/Cube.java")), "x"),
                Files.readString(out.resolve("exercises/capstone/Cube.java")));
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(p).contains("x * x * x"), p + " leaks a solution");
            }
        }
        assertEquals(2, cli(root, "release", out.toString()).code(), "release into a non-empty directory");
    }

    @Test
    void studentPomDropsTheSolutionsAndGradedTestsButKeepsTheTools() throws IOException {
        String pom = Files.readString(Project.root().resolve("pom.xml"));
        String student = Release.studentPom(pom);
        assertFalse(student.contains("<source>solutions</source>"), student);
        assertFalse(student.contains("<source>src/grade/java</source>"), student);
        assertFalse(student.contains("<source>src/grade/hidden</source>"), student);
        assertTrue(student.contains("<source>src/tools/java</source>"), student);
        assertTrue(student.contains("maven-surefire-plugin"), student);
        assertTrue(student.contains("junit-platform-launcher"), student);
    }
}
