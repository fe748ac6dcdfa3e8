package descent.grader;

import descent.grader.compile.Javac;
import descent.grader.report.GradeReport;
import descent.grader.run.GradingRun;
import descent.grader.run.Isolation;
import descent.grader.run.TrustedBuild;
import descent.grader.tests.GradedTests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the graded tests against deliberately wrong solutions ("slips": the typical student mistakes) and reports, per
 * slip, what the grader made of it. Each slip replaces one solution region (BEGIN SOLUTION … END SOLUTION) of a file in
 * {@code solutions/<chapter>/} with wrong code; slips of different files are graded together in one temporary tree, so
 * a chapter with at most k slips per file needs k grader runs.
 */
final class WrongAnswers {

    private WrongAnswers() {
    }

    /** A wrong body for the solution region of {@code file} (a name in the chapter folder), and what it gets wrong. */
    record Slip(String id, String file, String what, String body, List<String> mustFail) {
        Slip(String id, String file, String what, String body, String... mustFail) {
            this(id, file, what, body, List.of(mustFail));
        }
    }

    /** The exercise result of each slip. */
    static Map<Slip, GradeReport.ExerciseResult> grade(Path root, String chapter, List<Slip> slips) {
        Map<Slip, GradeReport.ExerciseResult> out = new LinkedHashMap<>();
        List<Slip> left = new ArrayList<>(slips);
        while (!left.isEmpty()) {
            Map<String, Slip> round = new HashMap<>();
            for (Slip s : List.copyOf(left)) {
                if (!round.containsKey(s.file())) {
                    round.put(s.file(), s);
                    left.remove(s);
                }
            }
            Path tree = null;
            try {
                tree = Files.createTempDirectory("descent-slips");
                Path dir = Files.createDirectories(tree.resolve(chapter));
                try (Stream<Path> files = Files.list(root.resolve("solutions").resolve(chapter))) {
                    for (Path f : files.toList()) {
                        String text = Files.readString(f);
                        Slip s = round.get(f.getFileName().toString());
                        Files.writeString(dir.resolve(f.getFileName()), s == null ? text : replaceRegion(text, s));
                    }
                }
                List<String> ids = round.values().stream().map(Slip::id).distinct().toList();
                Course course = Course.at(root);
                GradeReport report;
                try (TrustedBuild build = TrustedBuild.create(course,
                        GradedTests.read(course.gradeSources(), null).select(ids))) {
                    report = GradingRun.grade(build, tree, "slips", new GradingRun.Options(Isolation.light(), 30, 3600,
                            1), System.nanoTime());
                }
                if (!report.compileErrors().isEmpty()) {
                    throw new AssertionError("a slip does not compile: " + report.compileErrors());
                }
                for (Slip s : round.values()) {
                    GradeReport.ExerciseResult r = report.exercises().stream().filter(e -> e.id().equals(s.id()))
                            .findFirst().orElseThrow(() -> new AssertionError("no result for exercise " + s.id()));
                    out.put(s, r);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                if (tree != null) {
                    Javac.deleteQuietly(tree);
                }
            }
        }
        return out;
    }

    private static String replaceRegion(String text, Slip s) {
        List<String> lines = text.lines().toList();
        StringBuilder sb = new StringBuilder();
        boolean inside = false, replaced = false;
        for (String line : lines) {
            if (line.contains("BEGIN SOLUTION " + s.id() + " ")) {
                inside = true;
                replaced = true;
                sb.append(s.body()).append('\n');
            } else if (inside && line.contains("END SOLUTION")) {
                inside = false;
            } else if (!inside) {
                sb.append(line).append('\n');
            }
        }
        if (!replaced) {
            throw new AssertionError("no solution region " + s.id() + " in " + s.file());
        }
        return sb.toString();
    }
}
