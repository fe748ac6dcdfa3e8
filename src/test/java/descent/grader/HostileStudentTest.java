package descent.grader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import descent.grade.Project;
import descent.grader.exercise.ExerciseGenerator;
import descent.grader.run.Isolation;
import descent.testing.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hostile-student suite: one submission ({@code src/test/resources/grading/hostile/submission}) with a trick in
 * every exercise of the fixture course ({@code .../hostile}), graded once in hardened mode through the command line
 * as an instructor or Gradescope would. Each test below fails if its trick worked: every trick earns 0 points, the
 * grader's own report is written, and the machine and the course are as they were. Needs root and Linux namespaces
 * (skipped elsewhere, with the reason).
 */
class HostileStudentTest {

    static final Path FIXTURE = Project.root().resolve("src/test/resources/grading/hostile");

    static Path tmp;
    static Path course;
    static Path submission;
    static Path results;
    static String marker;
    static long sleep;
    static ServerSocket server;
    static final AtomicInteger connections = new AtomicInteger();
    static Map<String, byte[]> courseBefore;
    static int exit;
    static String stdout;
    static String stderr;
    static Map<String, Object> json;
    static Map<String, Map<String, Object>> tests;
    static volatile String duringRun;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void gradeTheHostileSubmission() throws Exception {
        String why = Isolation.hardenedUnavailable();
        assumeTrue(why == null, () -> "hardened grading impossible here: " + why);
        tmp = Files.createTempDirectory("descent-hostile");
        course = tmp.resolve("course");
        copy(FIXTURE, course, p -> !p.startsWith(FIXTURE.resolve("submission")));
        Files.writeString(course.resolve("descent"), "#!/bin/sh\necho the launcher\n");
        results = tmp.resolve("results/results.json");
        marker = Long.toString(System.nanoTime());
        sleep = 4_000_000L + (System.nanoTime() % 1_000_000L);
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        server.setSoTimeout(200);
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    connections.incrementAndGet();
                } catch (SocketTimeoutException e) {
                    // poll again
                } catch (IOException e) {
                    return;
                }
            }
        }, "hostile-test-server");
        accept.setDaemon(true);
        accept.start();
        submission = tmp.resolve("submission");
        ExerciseGenerator.write(course.resolve("solutions"), submission, null);
        Map<String, String> values = Map.of("@COURSE@", course.toString(), "@RESULTS@", results.toString(),
                "@RESULTS_DIR@", results.getParent().toString(), "@MARKER@", marker, "@SLEEP@", Long.toString(sleep),
                "@PORT@", Integer.toString(server.getLocalPort()));
        Path tricks = FIXTURE.resolve("submission");
        try (Stream<Path> s = Files.walk(tricks)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(p);
                for (Map.Entry<String, String> v : values.entrySet()) {
                    text = text.replace(v.getKey(), v.getValue());
                }
                Path t = submission.resolve(tricks.relativize(p).toString());
                Files.createDirectories(t.getParent());
                Files.writeString(t, text);
            }
        }
        courseBefore = hashes(course);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // Watches results.json while grading runs: what a reader (Gradescope) would find if the grader died now.
        Thread watch = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    if (Files.exists(results) && duringRun == null) {
                        duringRun = Files.readString(results);
                    }
                    Thread.sleep(50);
                } catch (IOException e) {
                    // being replaced: read again
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "hostile-test-results-watch");
        watch.setDaemon(true);
        watch.start();
        exit = Cli.run(new String[]{"grade", "--hardened", "--submission", submission.toString(), "--results",
            results.toString(), "--timeout", "5", "--seed", "12345"}, () -> course,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        watch.interrupt();
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        json = (Map<String, Object>) Json.parse(Files.readString(results));
        tests = new TreeMap<>();
        for (Object o : (List<Object>) json.get("tests")) {
            Map<String, Object> t = (Map<String, Object>) o;
            tests.put((String) t.get("name"), t);
        }
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (server != null) {
            server.close();
        }
        if (tmp != null) {
            descent.grader.compile.Javac.deleteQuietly(tmp);
        }
    }

    interface Filter {
        boolean keep(Path p);
    }

    static void copy(Path from, Path to, Filter filter) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                if (!filter.keep(p)) {
                    continue;
                }
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    static Map<String, byte[]> hashes(Path root) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                out.put(root.relativize(p).toString(), MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    /** The results.json entry of test {@code method} of exercise {@code id}. */
    static Map<String, Object> test(String id, String method) {
        for (Map.Entry<String, Map<String, Object>> e : tests.entrySet()) {
            if (e.getKey().startsWith(id + " ") && e.getKey().endsWith(": " + method)) {
                return e.getValue();
            }
        }
        throw new AssertionError("no test " + id + " " + method + " in " + tests.keySet());
    }

    static double score(String id) {
        double s = 0;
        for (Map.Entry<String, Map<String, Object>> e : tests.entrySet()) {
            if (e.getKey().startsWith(id + " ")) {
                s += (Double) e.getValue().get("score");
            }
        }
        return s;
    }

    static String output(String id, String method) {
        return (String) test(id, method).get("output");
    }

    static void zeroWith(String id, String method, String fragment) {
        Map<String, Object> t = test(id, method);
        assertEquals(0.0, t.get("score"), () -> id + " " + method + " earned points: " + t);
        assertTrue(((String) t.get("output")).contains(fragment), () -> id + " " + method + ": " + t.get("output")
                + "\nlacks: " + fragment);
    }

    @Test
    void theReportIsTheGradersOwnAndComplete() {
        assertEquals(1, exit, stdout + stderr);
        String output = (String) json.get("output");
        assertTrue(output.contains("mode: hardened: student code ran in a separate JVM as user descent-student"), output);
        assertTrue(output.contains("hidden tests drew their inputs from the grading seed 12345"), output);
        assertEquals(20, tests.size(), tests.keySet().toString());
        double sum = tests.values().stream().mapToDouble(t -> (Double) t.get("score")).sum();
        assertEquals(sum, json.get("score"));
        // Only two exercises earn anything: Stray (right answers) and the public half of Square (hard-coded).
        assertEquals(6.0, json.get("score"), tests.toString());
    }

    /** Property 4: before grading starts, results.json already says 0 points, so a grader that dies leaves a zero. */
    @Test
    void aZeroScoreResultsFileStandsWhileGradingRuns() {
        assertTrue(duringRun != null, "results.json did not exist during the run");
        assertTrue(duringRun.contains("\"score\": 0,") && duringRun.contains("grading did not finish (hardened mode)"),
                duringRun);
    }

    @Test
    void forgedFramesEarnNothing() {
        zeroWith("95.1", "answers", "TestAbortedException: assumption failed");
    }

    @Test
    void shadowingGraderJUnitOrLibraryClassesIsRejected() {
        String output = (String) json.get("output");
        for (String f : List.of("org/junit/jupiter/api/Assertions.java", "descent/grade/GradedAssert.java",
                "descent/grader/run/Bridge.java")) {
            assertTrue(output.contains(submission.resolve(f) + ":1: rejected: package "), () -> f + " in " + output);
        }
        assertTrue(output.contains(submission.resolve("capstone/ShadowedTest.java")
                + ":1: rejected: class capstone.ShadowedTest has the name of a graded test class"), output);
        assertEquals(0.0, score("95.10"));
        zeroWith("95.10", "answers", "is not implemented yet");
    }

    @Test
    void swappingCompiledTestsChangesNothing() {
        zeroWith("95.2", "answers", "expected: <42.0> but was: <21.0>");
        // the tests graded after the clobbering ran as they should: the hard-coded Square passes its public tests
        assertEquals(2.0, test("95.20", "three").get("score"));
    }

    @Test
    void writingResultsJsonDirectlyHasNoEffect() throws IOException {
        zeroWith("95.3", "answers", "expected: <42.0> but was: <21.0>");
        assertFalse(Files.readString(results).contains("written by the submission"));
        assertFalse(Files.exists(results.resolveSibling("submission.json")));
    }

    @Test
    void oversizedOrMalformedFramesFailOnlyTheirTests() {
        zeroWith("95.4", "answers", "the student JVM sent data the grader cannot read (frame length 2147483647");
        zeroWith("95.4", "again", "the student JVM sent data the grader cannot read");
        zeroWith("95.4", "third", "timed out: no answer within 15 s");
    }

    @Test
    void aBackgroundProcessDoesNotOutliveTheGrader() throws IOException {
        zeroWith("95.5", "answers", "expected: <42.0> but was: <21.0>");
        List<String> left = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                    if (cmd.contains("sleep " + sleep)) {
                        left.add(p.getFileName() + ": " + cmd);
                    }
                } catch (IOException e) {
                    // the process ended meanwhile
                }
            }
        }
        assertEquals(List.of(), left, "processes started by the submission are still running");
    }

    @Test
    void writingOutsideTheWorkingDirectoryFails() {
        zeroWith("95.6", "answers", "expected: <42.0> but was: <21.0>");
        for (String p : List.of("/tmp/descent-hostile-" + marker, "/var/tmp/descent-hostile-" + marker,
                "/dev/shm/descent-hostile-" + marker, course + "/pwned-" + marker, results.getParent() + "/pwned-" + marker,
                "/root/pwned-" + marker, "/etc/pwned-" + marker, "/work/pwned-" + marker)) {
            assertFalse(Files.exists(Path.of(p)), p + " was written by the submission");
        }
        String out = output("95.6", "answers");
        assertTrue(out.contains("wrote inside-" + marker), out); // its own working directory is writable
        assertFalse(out.replace("wrote inside-", "").contains("wrote "), out);
    }

    @Test
    void theCourseCannotBeEditedForTheNextRun() throws Exception {
        zeroWith("95.7", "answers", "expected: <42.0> but was: <21.0>");
        Map<String, byte[]> after = hashes(course);
        assertEquals(courseBefore.keySet(), after.keySet());
        for (String f : courseBefore.keySet()) {
            assertArrayEquals(courseBefore.get(f), after.get(f), f + " changed");
        }
    }

    @Test
    void thereIsNoNetwork() {
        zeroWith("95.8", "answers", "expected: <42.0> but was: <21.0>");
        assertEquals(0, connections.get(), "the submission connected to the grading machine's loopback");
        assertTrue(output("95.8", "answers").contains("no connection"), output("95.8", "answers"));
        assertTrue(output("95.8", "answers").contains("no name lookup"), output("95.8", "answers"));
    }

    @Test
    void aNeverEndingStaticInitializerCostsOneTimeoutAndZeroPoints() {
        zeroWith("95.9", "answers", "the static initializer of capstone.Frozen did not finish (timed out");
        // the second test fails at once, without a second timeout: the grader remembers the failed initializer
        zeroWith("95.9", "again", "the static initializer of capstone.Frozen did not finish");
    }

    @Test
    void terminalEscapesDoNotReachTheTerminal() {
        zeroWith("95.11", "answers", "IllegalStateException");
        for (char c : stdout.toCharArray()) {
            assertTrue(c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f), () -> "control character " + (int) c);
        }
    }

    @Test
    void aStrayThreadsExitIsNotBlamedOnTheNextTest() {
        Map<String, Object> first = test("95.12", "answers");
        Map<String, Object> second = test("95.12", "again");
        assertEquals(2.0, first.get("score"), first.toString());
        assertEquals(1.0, second.get("score"), second.toString());
        assertTrue(((String) first.get("output")).contains("your code left 1 thread running after this test"),
                first.toString());
    }

    @Test
    void theStudentJvmSeesOnlyItsOwnSandbox() {
        zeroWith("95.13", "answers", "expected: <42.0> but was: <21.0>");
        String out = output("95.13", "answers");
        assertTrue(out.contains("visible processes: 1\n"), out);
        assertTrue(out.contains("my pid: 1\n"), out);
        assertTrue(out.contains("user: descent-student"), out);
        assertTrue(out.contains("course visible: false"), out);
        assertTrue(out.contains("interfaces up: 0"), out);
    }

    @Test
    void hardCodedPublicAnswersEarnNothingInTheHiddenTest() {
        assertEquals(2.0, test("95.20", "three").get("score"));
        assertEquals(1.0, test("95.20", "minusOneAndAHalf").get("score"));
        zeroWith("95.20", "drawnAtGradingTime", "square(");
    }

    /** Untouched stubs earn nothing, and the message names the file and line to edit. */
    @Test
    @SuppressWarnings("unchecked")
    void untouchedStubsEarnZeroAndSayWhereToWrite() throws Exception {
        Path stubs = tmp.resolve("stubs");
        ExerciseGenerator.write(course.resolve("solutions"), stubs, null);
        Path res = tmp.resolve("stub-results/results.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Cli.run(new String[]{"grade", "--hardened", "--submission", stubs.toString(), "--results",
            res.toString(), "95.20", "95.1"}, () -> course, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(1, code, out.toString(StandardCharsets.UTF_8));
        Map<String, Object> j = (Map<String, Object>) Json.parse(Files.readString(res));
        assertEquals(0.0, j.get("score"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Exercise 95.20 (square) is not implemented yet: write your code in " + stubs
                + "/capstone/Square.java at line 10 (replace // YOUR CODE HERE and the throw)"), text);
    }

    /**
     * The overall budget, against a never-ending static initializer in every exercise: each class costs one timeout,
     * tests not started in time are reported as not run, and the report is still written. The submission is the
     * reference solutions, each with a static initializer that never ends. With a budget (6 s) below three per-test
     * timeouts (4 s) every test gets wall-clock time, at most what is left of the budget, so whatever the machine's
     * load the first two exercise classes use up the budget and the others are never started.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theBudgetEndsTheRunWithAReport() throws Exception {
        Path endless = tmp.resolve("budget-submission");
        Files.createDirectories(endless.resolve("capstone"));
        int classes = 0;
        try (Stream<Path> s = Files.list(course.resolve("solutions/capstone"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = p.getFileName().toString().replace(".java", "");
                String text = Files.readString(p);
                String header = "public final class " + name + " {\n";
                assertTrue(text.contains(header), p.toString());
                Files.writeString(endless.resolve("capstone").resolve(p.getFileName().toString()), text.replace(header,
                        header + "    static {\n        long n = 0;\n        while (n >= 0) {\n"
                        + "            n = (n + 1) % 1000;\n        }\n    }\n"));
                classes++;
            }
        }
        assertTrue(classes >= 3, "exercise classes: " + classes);
        Path res = tmp.resolve("budget-results/results.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Cli.run(new String[]{"grade", "--hardened", "--submission", endless.toString(), "--results",
            res.toString(), "--timeout", "4", "--budget", "6"}, () -> course,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, printed);
        Map<String, Object> j = (Map<String, Object>) Json.parse(Files.readString(res));
        assertEquals(0.0, j.get("score"), j.toString());
        assertTrue(j.toString().contains("the grading budget of 6 s ran out: "), j.toString());
        assertTrue(((String) j.get("output")).contains("limits: 4 s of computing per test, 6 s for the whole run"),
                j.toString());
        List<Map<String, Object>> ts = (List<Map<String, Object>>) j.get("tests");
        assertEquals(tests.size(), ts.size(), j.toString()); // every test of the course, as in the main run
        long notRun = ts.stream().filter(t -> String.valueOf(t.get("output"))
                .contains("not run: the grading budget of 6 s ran out")).count();
        assertTrue(notRun >= 1, j.toString());
        for (Map<String, Object> t : ts) {
            String o = String.valueOf(t.get("output"));
            assertTrue(o.contains("not run: the grading budget of 6 s ran out") || o.contains("timed out after 4 s")
                    || o.contains("stopped: the grading budget of 6 s ran out during this test"), o);
        }
        assertTrue(printed.contains("not run: the grading budget of 6 s ran out"), printed);
    }

    /**
     * Without root, hardened grading refuses, says why, and leaves a zero results.json saying so. Runs the grader as
     * user nobody (65534).
     */
    @Test
    @SuppressWarnings("unchecked")
    void withoutRootHardenedGradingRefusesAndSaysWhy() throws Exception {
        Path box = Files.createTempDirectory("descent-refusal");
        try {
            Path classes = box.resolve("classes");
            copy(Project.root().resolve("target/tools-classes"), classes, p -> true);
            copy(Project.root().resolve("target/classes"), classes, p -> true);
            Path c = box.resolve("course");
            copy(FIXTURE, c, p -> !p.startsWith(FIXTURE.resolve("submission")));
            Path res = box.resolve("results");
            Files.createDirectories(res);
            Files.setPosixFilePermissions(res, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            try (Stream<Path> s = Files.walk(box)) {
                for (Path p : s.toList()) {
                    Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
                            Files.isDirectory(p) ? "rwxrwxrwx" : "rw-r--r--"));
                }
            }
            Process p = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classes.toString(),
                    "-Ddescent.root=" + c, "descent.grader.Cli", "grade", "--hardened", "--solutions", "--results",
                    res.resolve("results.json").toString()).directory(c.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(2, p.waitFor(), out);
            assertTrue(out.contains("hardened grading is not possible here: it needs root"), out);
            Map<String, Object> j = (Map<String, Object>) Json.parse(Files.readString(res.resolve("results.json")));
            assertEquals(0.0, j.get("score"));
            assertTrue(((String) j.get("output")).contains("not graded: hardened grading is not possible here"), j.toString());
        } finally {
            descent.grader.compile.Javac.deleteQuietly(box);
        }
    }
}
