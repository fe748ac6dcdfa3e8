package descent.mutation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.grader.release.Release;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A .mutants file quotes solution code (its mistakes patch it), so the student release must not contain it. */
class ReleaseLeavesOutMutantsFilesTest {

    @Test
    void theStudentCopyHasTheGradedTestButNotItsMutantsFile(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("course");
        Files.createDirectories(root.resolve("solutions/ch"));
        Files.createDirectories(root.resolve("src/grade/java/ch"));
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        Files.writeString(root.resolve("solutions/ch/A.java"), """
                package ch;
                public final class A {
                    public static int f() {
                        // BEGIN SOLUTION 01.1 f
                        return 42;
                        // END SOLUTION
                    }
                }
                """);
        Files.writeString(root.resolve("src/grade/java/ch/ATest.java"), "package ch;\nclass ATest {}\n");
        Files.writeString(root.resolve("src/grade/java/ch/ATest.mutants"), "mistake off by one\n"
                + "    replace `return 42;` with `return 43;`\n    message f\n");
        Path out = tmp.resolve("release");
        Release.write(root, out);
        assertTrue(Files.isRegularFile(out.resolve("src/grade/java/ch/ATest.java")));
        assertTrue(Files.isRegularFile(out.resolve("exercises/ch/A.java")));
        assertFalse(Files.exists(out.resolve("src/grade/java/ch/ATest.mutants")));
        assertFalse(Files.readString(out.resolve("exercises/ch/A.java")).contains("42"));
    }
}
