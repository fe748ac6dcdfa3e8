package descent.grader.release;

import descent.grader.compile.Javac;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a Gradescope autograder ({@code ./descent release --gradescope FILE.zip}) following Gradescope's layout
 * (https://gradescope-autograders.readthedocs.io/en/latest/specs/): at the root of the zip {@code setup.sh} (run
 * once, as root, when Gradescope builds the image) and {@code run_autograder} (run for every submission), and
 * {@code course/}: the student copy ({@link Release}) plus the hidden graded tests. Gradescope unpacks it into
 * {@code /autograder/source}, puts the student's files in {@code /autograder/submission} and reads
 * {@code /autograder/results/results.json}. {@code run_autograder} grades in hardened mode: the student's code runs
 * as an unprivileged user with no network and sees none of {@code /autograder}. The environment variable
 * {@code AUTOGRADER} moves {@code /autograder} (to test the autograder on any machine).
 */
public final class Gradescope {

    static final String SETUP = """
            #!/usr/bin/env bash
            # Gradescope runs this once, as root, when it builds the autograder image (working directory /autograder).
            set -eu
            src=$(cd "$(dirname "$0")" && pwd)
            if ! command -v javac >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
              apt-get update
              DEBIAN_FRONTEND=noninteractive apt-get install -y openjdk-17-jdk-headless maven
            fi
            chmod 755 "$src/run_autograder" "$src/course/descent"
            cd "$src/course"
            # Downloads the dependencies, compiles the library and the grader, writes target/tools-classpath.txt.
            mvn -B -q ${DESCENT_MAVEN_OPTS:-} compile
            # The unprivileged user the student's code runs as (the grader would create it too).
            id -u descent-student >/dev/null 2>&1 || useradd --system --user-group --no-create-home \\
              --home-dir /nonexistent --shell /usr/sbin/nologin descent-student
            echo "descent autograder ready in $src/course"
            """;

    static final String RUN = """
            #!/bin/sh
            # Gradescope runs this for every submission, as root. The student's files are in $A/submission (any layout:
            # each .java file is placed by its package declaration); the grader writes $A/results/results.json.
            A=${AUTOGRADER:-/autograder}
            cd "$A/source/course" || exit 1
            CP="target/tools-classes:target/classes:$(cat target/tools-classpath.txt)"
            # The budget ends grading in time to write the report before Gradescope's own timeout stops the run.
            java -Djava.awt.headless=true -cp "$CP" descent.grader.Cli grade --hardened --submission "$A/submission" \\
              --results "$A/results/results.json" --hide "$A" --budget @BUDGET@
            # The exit status only says whether points were lost; the scores are in results.json.
            exit 0
            """;

    /**
     * Default grading budget of the autograder, seconds: Gradescope stops an autograder after 600 s unless the
     * assignment allows more, and the grader needs a few seconds after the budget to stop the test then running and
     * write the report.
     */
    public static final int BUDGET = 540;

    private Gradescope() {
    }

    /** Writes the autograder zip with the default budget ({@link #BUDGET}). */
    public static int write(Path root, Path zip) {
        return write(root, zip, BUDGET);
    }

    /**
     * Writes the autograder zip.
     *
     * @param budgetSeconds the overall grading budget {@code run_autograder} passes to the grader ({@code --budget});
     *     keep it a minute below the assignment's autograder timeout on Gradescope
     * @return the number of files in it
     */
    public static int write(Path root, Path zip, int budgetSeconds) {
        if (budgetSeconds <= 0) {
            throw new IllegalArgumentException("the grading budget must be a positive number of seconds, got "
                    + budgetSeconds);
        }
        Path r = root.toAbsolutePath().normalize();
        Path z = zip.toAbsolutePath().normalize();
        if (!z.getFileName().toString().endsWith(".zip")) {
            throw new IllegalArgumentException("the Gradescope autograder must be a .zip file, got " + z);
        }
        if (Files.exists(z)) {
            throw new IllegalArgumentException(z + " exists already; choose a new file name");
        }
        Path tmp;
        try {
            tmp = Files.createTempDirectory("descent-gradescope");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path course = tmp.resolve("course");
            int n = Release.write(r, course);
            Path hidden = r.resolve(Release.HIDDEN);
            for (Path f : Javac.javaFiles(hidden)) {
                Path t = course.resolve(Release.HIDDEN).resolve(hidden.relativize(f).toString());
                Files.createDirectories(t.getParent());
                Files.copy(f, t);
                n++;
            }
            Files.writeString(tmp.resolve("setup.sh"), SETUP);
            Files.writeString(tmp.resolve("run_autograder"), RUN.replace("@BUDGET@", Integer.toString(budgetSeconds)));
            n += 2;
            Files.createDirectories(z.getParent());
            try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + z.toUri()),
                    Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
                try (Stream<Path> s = Files.walk(tmp)) {
                    for (Path p : s.sorted().toList()) {
                        String rel = tmp.relativize(p).toString().replace('\\', '/');
                        if (rel.isEmpty()) {
                            continue;
                        }
                        Path t = fs.getPath(rel);
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(t);
                        } else {
                            Files.copy(p, t);
                        }
                        boolean exec = Files.isDirectory(p) || List.of("setup.sh", "run_autograder", "course/descent")
                                .contains(rel);
                        Files.setPosixFilePermissions(t, PosixFilePermissions.fromString(exec ? "rwxr-xr-x"
                                : "rw-r--r--"));
                    }
                }
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Javac.deleteQuietly(tmp);
        }
    }
}
