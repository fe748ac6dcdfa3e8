package descent.grader.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import descent.grade.Project;
import descent.grader.Cli;
import descent.grader.compile.Javac;
import descent.grader.run.Isolation;
import descent.testing.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./descent release --gradescope} end to end, in Gradescope's layout simulated in a temporary directory
 * ({@code AUTOGRADER} stands for {@code /autograder}): the zip is unpacked into {@code source/} with {@code unzip},
 * {@code setup.sh} runs once, then for each of four submissions (correct, wrong, hostile, empty) the files go into
 * {@code submission/}, {@code run_autograder} runs, and {@code results/results.json} is checked.
 */
class GradescopeSimulationTest {

    static Path tmp;
    static Path a;
    static int max;

    @BeforeAll
    static void buildTheAutograder() throws Exception {
        String why = Isolation.hardenedUnavailable();
        assumeTrue(why == null, () -> "hardened grading impossible here: " + why);
        Path root = Project.root();
        assumeTrue(Files.isDirectory(root.resolve("solutions")), "no solutions/ (a student copy)");
        tmp = Files.createTempDirectory("descent-gradescope");
        Path zip = tmp.resolve("autograder.zip");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Cli.run(new String[]{"release", "--gradescope", zip.toString()}, () -> root,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        a = tmp.resolve("autograder");
        Files.createDirectories(a.resolve("source"));
        run(List.of("unzip", "-q", zip.toString(), "-d", a.resolve("source").toString()), a, 120);
        run(List.of(a.resolve("source/setup.sh").toString()), a, 900);
        Files.copy(a.resolve("source/run_autograder"), a.resolve("run_autograder"));
        max = 0;
    }

    @AfterAll
    static void cleanUp() {
        if (tmp != null) {
            Javac.deleteQuietly(tmp);
        }
    }

    static String run(List<String> cmd, Path dir, int seconds) throws Exception {
        return run(cmd, dir, seconds, 0);
    }

    /** Runs {@code cmd} in {@code dir}, expects exit status {@code expected}, returns what it printed. */
    static String run(List<String> cmd, Path dir, int seconds, int expected) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("AUTOGRADER", a.toString());
        pb.environment().put("DESCENT_MAVEN_OPTS", "-o");
        Process p = pb.start();
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread t = new Thread(() -> {
            try {
                p.getInputStream().transferTo(out);
            } catch (IOException e) {
                // ended
            }
        });
        t.start();
        assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), cmd + " did not finish in " + seconds + " s");
        t.join();
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(expected, p.exitValue(), cmd + ":\n" + text);
        return text;
    }

    /** Puts {@code files} (relative path to content) in submission/, runs run_autograder, returns results.json. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> submit(Map<String, String> files) throws Exception {
        Path sub = a.resolve("submission");
        Javac.deleteQuietly(sub);
        Javac.deleteQuietly(a.resolve("results"));
        Files.createDirectories(sub);
        Files.createDirectories(a.resolve("results"));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path t = sub.resolve(f.getKey());
            Files.createDirectories(t.getParent());
            Files.writeString(t, f.getValue());
        }
        run(List.of(a.resolve("run_autograder").toString()), a, 900);
        Map<String, Object> j = (Map<String, Object>) Json.parse(Files.readString(a.resolve("results/results.json")));
        assertTrue(((String) j.get("output")).contains("mode: hardened"), j.get("output").toString());
        // run_autograder ends grading before Gradescope's own timeout (600 s by default) would stop it
        assertTrue(((String) j.get("output")).contains(", " + Gradescope.BUDGET + " s for the whole run"),
                j.get("output").toString());
        return j;
    }

    static Map<String, String> solutions() throws IOException {
        Path sol = Project.root().resolve("solutions");
        Map<String, String> out = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(sol)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                // Gradescope keeps the layout of the upload: here the student's exercises/ folder
                out.put("exercises/" + sol.relativize(p), Files.readString(p));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> tests(Map<String, Object> j) {
        return (List<Map<String, Object>>) j.get("tests");
    }

    static double possible(Map<String, Object> j) {
        return tests(j).stream().mapToDouble(t -> (Double) t.get("max_score")).sum();
    }

    @Test
    void theZipHasGradescopesLayoutAndNoSolutions() throws IOException {
        assertTrue(Files.getPosixFilePermissions(a.resolve("source/run_autograder")).contains(
                PosixFilePermission.OWNER_EXECUTE));
        assertTrue(Files.getPosixFilePermissions(a.resolve("source/setup.sh")).contains(PosixFilePermission.OWNER_EXECUTE));
        assertFalse(Files.exists(a.resolve("source/course/solutions")));
        assertTrue(Files.isRegularFile(a.resolve("source/course/target/tools-classpath.txt")), "setup.sh built the grader");
        String stub = Files.readString(a.resolve("source/course/exercises/backprop/MultiplyGate.java"));
        assertTrue(stub.contains("is not implemented yet"), stub);
    }

    /**
     * The reference solutions with one typical mistake: every other exercise gets full marks ("passed"), the wrong one
     * loses exactly its points. (This one run also stands for the all-correct submission, whose check it contains:
     * grading the whole course costs about 20 s a run.)
     */
    @Test
    void aWrongSubmissionLosesExactlyTheWrongExercisesPoints() throws Exception {
        Map<String, String> files = solutions();
        String key = "exercises/backprop/MultiplyGate.java";
        String gate = files.get(key);
        assertTrue(gate.contains("return new double[]{upstream * x2, upstream * x1};"), gate);
        files.put(key, gate.replace("return new double[]{upstream * x2, upstream * x1};",
                "return new double[]{upstream * x1, upstream * x2};")); // the typical swap of the two partials
        Map<String, Object> j = submit(files);
        double lost = 0;
        for (Map<String, Object> t : tests(j)) {
            boolean gateTest = ((String) t.get("name")).startsWith("01.2 ");
            if (gateTest) {
                lost += (Double) t.get("max_score") - (Double) t.get("score");
            } else {
                assertEquals(t.get("max_score"), t.get("score"), t.toString());
                assertTrue(((String) t.get("output")).startsWith("passed"), t.toString());
            }
        }
        assertTrue(possible(j) > 100, "the whole course was graded: " + possible(j));
        assertTrue(lost > 0, j.toString());
        assertEquals(possible(j) - lost, (Double) j.get("score"), 1e-9);
    }

    @Test
    void aHostileSubmissionEarnsNothingAndTheReportIsTheGradersOwn() throws Exception {
        String forge = """
                package backprop;

                import java.nio.file.Files;
                import java.nio.file.Path;

                public final class MultiplyGate {
                    private MultiplyGate() {
                    }

                    public static double forward(double x1, double x2) {
                        return 0;
                    }

                    public static double[] backward(double upstream, double x1, double x2) {
                        try {
                            Files.writeString(Path.of("%s/results/results.json"), "{\\"score\\": 1000, \\"tests\\": []}");
                        } catch (Exception e) {
                            // not visible, not writable
                        }
                        try {
                            new ProcessBuilder("setsid", "sleep", "4321987").start();
                        } catch (Exception e) {
                            // ignored
                        }
                        System.exit(0);
                        return null;
                    }
                }
                """.formatted(a);
        Map<String, Object> j = submit(Map.of("MultiplyGate.java", forge, "Evil.java",
                "package descent.grade;\npublic final class GradedAssert {}\n"));
        assertEquals(0.0, j.get("score"), j.toString());
        assertTrue(((String) j.get("output")).contains("Evil.java:1: rejected: package descent.grade is not an exercise "
                + "package"), j.get("output").toString());
        assertTrue(tests(j).stream().anyMatch(t -> ((String) t.get("output")).contains("called System.exit(0)")),
                j.toString());
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    assertFalse(Files.readString(p.resolve("cmdline")).contains("4321987"), "daemon survived: " + p);
                } catch (IOException e) {
                    // gone
                }
            }
        }
    }

    @Test
    void anEmptySubmissionScoresZeroWithAValidReport() throws Exception {
        Map<String, Object> j = submit(Map.of());
        assertEquals(0.0, j.get("score"));
        assertTrue(possible(j) > 100, j.toString());
        assertTrue(tests(j).stream().allMatch(t -> ((String) t.get("output")).contains("there is no class ")),
                tests(j).get(0).toString());
    }

    /**
     * The student copy as a student uses it (the course setup.sh built, without the hidden tests): {@code ./descent
     * exercises} refuses and leaves the student's work alone, and {@code ./descent grade} grades it in light mode.
     */
    @Test
    void theStudentCopyGradesAndNeverTouchesTheStudentsWork() throws Exception {
        Path copy = tmp.resolve("student");
        run(List.of("cp", "-a", a.resolve("source/course").toString(), copy.toString()), tmp, 300);
        Javac.deleteQuietly(copy.resolve(Release.HIDDEN));
        Path gate = copy.resolve("exercises/backprop/MultiplyGate.java");
        String mine = Files.readString(Project.root().resolve("solutions/backprop/MultiplyGate.java"));
        Files.writeString(gate, mine);
        Path stub = copy.resolve("exercises/backprop/LinearBackward.java");
        String stubText = Files.readString(stub);

        String refused = run(List.of("./descent", "exercises"), copy, 600, 2);
        assertTrue(refused.contains("in a student copy it would replace your work with empty stubs. Nothing was "
                + "changed."), refused);
        assertEquals(mine, Files.readString(gate));
        assertEquals(stubText, Files.readString(stub));
        assertFalse(Files.exists(copy.resolve("target/exercises-backup")));

        String graded = run(List.of("./descent", "grade", "01.2"), copy, 900, 0);
        assertTrue(graded.contains("mode: light"), graded);
        assertTrue(graded.contains("2 passed, 0 failed"), graded);
        String unsolved = run(List.of("./descent", "grade", "01.4"), copy, 900, 1);
        assertTrue(unsolved.contains("is not implemented yet: write your code in exercises/backprop/"), unsolved);
        assertEquals(mine, Files.readString(gate));
    }
}
