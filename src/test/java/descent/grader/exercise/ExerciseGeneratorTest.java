package descent.grader.exercise;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseGeneratorTest {

    private static final String SOLUTION = """
            package demo;

            /** Javadoc stays. */
            public class Gate {
                public static double forward(double a, double b) {
                    return a * b;
                }

                /** Backward. */
                public static double[] backward(double u, double a, double b) {
                    double unused = 0;
                    // BEGIN SOLUTION 01.2 multiply gate backward
                    double da = u * b;
                    return new double[]{da, u * a};
                    // END SOLUTION
                }

                static int other() {
                  if (true) {
                          // BEGIN SOLUTION 01.9 "quoted" title
                          return 1;
                          // END SOLUTION
                  }
                  return 0;
                }
            }
            """;

    private static final String STUB = """
            package demo;

            /** Javadoc stays. */
            public class Gate {
                public static double forward(double a, double b) {
                    return a * b;
                }

                /** Backward. */
                public static double[] backward(double u, double a, double b) {
                    double unused = 0;
                    // YOUR CODE HERE
                    throw new UnsupportedOperationException("Exercise 01.2 (multiply gate backward) is not implemented yet");
                }

                static int other() {
                  if (true) {
                          // YOUR CODE HERE
                          throw new UnsupportedOperationException("Exercise 01.9 (\\"quoted\\" title) is not implemented yet");
                  }
                  return 0;
                }
            }
            """;

    @Test
    void replacesEachRegionWithAStubIndentedLikeItsBeginLine() {
        assertEquals(STUB, ExerciseGenerator.stub(SOLUTION, "solutions/demo/Gate.java"));
    }

    @Test
    void listsRegionsWithIdTitleAndLine() {
        List<ExerciseGenerator.Region> r = ExerciseGenerator.regions(SOLUTION, "solutions/demo/Gate.java");
        assertEquals(List.of(new ExerciseGenerator.Region("solutions/demo/Gate.java", 12, "01.2", "multiply gate backward"),
                new ExerciseGenerator.Region("solutions/demo/Gate.java", 20, "01.9", "\"quoted\" title")), r);
    }

    @Test
    void blockCommentMarkersAndMissingTitle() {
        String src = "class A {\n  int f() {\n    /* BEGIN SOLUTION 02.1 */\n    return 1;\n    /* END SOLUTION */\n  }\n}\n";
        assertEquals("class A {\n  int f() {\n    // YOUR CODE HERE\n"
                + "    throw new UnsupportedOperationException(\"Exercise 02.1 is not implemented yet\");\n  }\n}\n",
                ExerciseGenerator.stub(src, "A.java"));
    }

    @Test
    void unterminatedRegionNamesFileAndLine() {
        String src = "class A {\n  int f() {\n    // BEGIN SOLUTION 01.2 x\n    return 1;\n  }\n}\n";
        var e = assertThrows(ExerciseGenerator.RegionException.class, () -> ExerciseGenerator.stub(src, "solutions/p/A.java"));
        assertEquals("solutions/p/A.java:3: BEGIN SOLUTION has no END SOLUTION after it", e.getMessage());
    }

    @Test
    void nestedRegionNamesFileAndLine() {
        String src = "// BEGIN SOLUTION 01.2 x\n// BEGIN SOLUTION 01.3 y\n// END SOLUTION\n// END SOLUTION\n";
        var e = assertThrows(ExerciseGenerator.RegionException.class, () -> ExerciseGenerator.stub(src, "B.java"));
        assertTrue(e.getMessage().startsWith("B.java:2: BEGIN SOLUTION inside the region opened at line 1"), e.getMessage());
    }

    @Test
    void endWithoutBeginAndBeginWithoutIdAreErrors() {
        var e1 = assertThrows(ExerciseGenerator.RegionException.class,
                () -> ExerciseGenerator.stub("a\n// END SOLUTION\n", "C.java"));
        assertTrue(e1.getMessage().startsWith("C.java:2: END SOLUTION without"), e1.getMessage());
        var e2 = assertThrows(ExerciseGenerator.RegionException.class,
                () -> ExerciseGenerator.stub("// BEGIN SOLUTION\n// END SOLUTION\n", "D.java"));
        assertTrue(e2.getMessage().startsWith("D.java:1: BEGIN SOLUTION needs an exercise id"), e2.getMessage());
    }

    @Test
    void generatesTreeCopiesOtherFilesAndIsIdempotent(@TempDir Path dir) throws Exception {
        Path sol = dir.resolve("solutions");
        Path ex = dir.resolve("exercises");
        Files.createDirectories(sol.resolve("demo"));
        Files.writeString(sol.resolve("demo/Gate.java"), SOLUTION);
        byte[] data = {1, 2, 3, (byte) 0xff};
        Files.write(sol.resolve("demo/data.bin"), data);

        assertEquals(List.of("demo/Gate.java", "demo/data.bin"), ExerciseGenerator.write(sol, ex, dir.resolve("backup")));
        assertEquals(STUB, Files.readString(ex.resolve("demo/Gate.java")));
        assertArrayEquals(data, Files.readAllBytes(ex.resolve("demo/data.bin")));
        assertEquals(List.of(), ExerciseGenerator.differences(sol, ex));
        // Second run writes nothing and gives the same bytes.
        assertEquals(List.of(), ExerciseGenerator.write(sol, ex, dir.resolve("backup")));
        Map<String, byte[]> again = ExerciseGenerator.generate(sol);
        assertArrayEquals(STUB.getBytes(StandardCharsets.UTF_8), again.get("demo/Gate.java"));
    }

    @Test
    void driftIsDetectedAndRepaired(@TempDir Path dir) throws Exception {
        Path sol = dir.resolve("solutions");
        Path ex = dir.resolve("exercises");
        Files.createDirectories(sol.resolve("demo"));
        Files.writeString(sol.resolve("demo/Gate.java"), SOLUTION);
        ExerciseGenerator.write(sol, ex, dir.resolve("backup"));

        Files.writeString(ex.resolve("demo/Gate.java"), STUB.replace("return 0;", "return 2;"));
        Files.writeString(ex.resolve("demo/Stray.java"), "class Stray {}\n");
        Files.writeString(sol.resolve("demo/New.java"), "class New {}\n");
        assertEquals(List.of("demo/Gate.java differs", "demo/New.java is missing",
                "demo/Stray.java should not exist (no such file in solutions/)"), ExerciseGenerator.differences(sol, ex));

        ExerciseGenerator.write(sol, ex, dir.resolve("backup"));
        assertEquals(List.of(), ExerciseGenerator.differences(sol, ex));
        assertFalse(Files.exists(ex.resolve("demo/Stray.java")));
        // what was replaced or deleted is kept: a student's edit and a stray file
        assertEquals(STUB.replace("return 0;", "return 2;"), Files.readString(dir.resolve("backup/demo/Gate.java")));
        assertEquals("class Stray {}\n", Files.readString(dir.resolve("backup/demo/Stray.java")));
    }

    /** In a student copy (no solutions/) the generator refuses and touches nothing. */
    @Test
    void refusesWithoutSolutionsAndKeepsTheStudentsWork(@TempDir Path dir) throws Exception {
        Path ex = dir.resolve("exercises");
        Files.createDirectories(ex.resolve("demo"));
        Files.writeString(ex.resolve("demo/Gate.java"), "my work");
        var e = assertThrows(IllegalArgumentException.class,
                () -> ExerciseGenerator.write(dir.resolve("solutions"), ex, dir.resolve("backup")));
        assertTrue(e.getMessage().contains("would replace your work with empty stubs. Nothing was changed."),
                e.getMessage());
        assertEquals("my work", Files.readString(ex.resolve("demo/Gate.java")));
        assertFalse(Files.exists(dir.resolve("backup")));
    }

    /** Without a backup directory, a target with other content is refused rather than overwritten. */
    @Test
    void noBackupMeansNoOverwrite(@TempDir Path dir) throws Exception {
        Path sol = dir.resolve("solutions");
        Path ex = dir.resolve("exercises");
        Files.createDirectories(sol.resolve("demo"));
        Files.writeString(sol.resolve("demo/Gate.java"), SOLUTION);
        Files.createDirectories(ex.resolve("demo"));
        Files.writeString(ex.resolve("demo/Gate.java"), "my work");
        assertThrows(IllegalArgumentException.class, () -> ExerciseGenerator.write(sol, ex, null));
        assertEquals("my work", Files.readString(ex.resolve("demo/Gate.java")));
    }

    @Test
    void malformedSolutionWritesNothing(@TempDir Path dir) throws Exception {
        Path sol = dir.resolve("solutions");
        Files.createDirectories(sol.resolve("demo"));
        Files.writeString(sol.resolve("demo/A.java"), "class A {}\n");
        Files.writeString(sol.resolve("demo/B.java"), "class B {\n// BEGIN SOLUTION 01.1 t\n}\n");
        var e = assertThrows(ExerciseGenerator.RegionException.class,
                () -> ExerciseGenerator.write(sol, dir.resolve("exercises"), dir.resolve("backup")));
        assertEquals("solutions/demo/B.java:2: BEGIN SOLUTION has no END SOLUTION after it", e.getMessage());
        assertFalse(Files.exists(dir.resolve("exercises")));
    }

    @Test
    void keepsWindowsLineEndings() {
        String src = "class A {\r\n  int f() {\r\n    // BEGIN SOLUTION 01.1 t\r\n    return 1;\r\n    // END SOLUTION\r\n  }\r\n}\r\n";
        assertEquals("class A {\r\n  int f() {\r\n    // YOUR CODE HERE\r\n"
                + "    throw new UnsupportedOperationException(\"Exercise 01.1 (t) is not implemented yet\");\r\n  }\r\n}\r\n",
                ExerciseGenerator.stub(src, "A.java"));
    }
}
