package descent.notebook;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Committed notebooks carry no outputs and no execution counts, declare the Descent Java kernelspec, are named
 * {@code NN-name.ipynb}, and open with a code cell of imports (docs/conventions.md). One test per notebook; each
 * failure names the notebook and the cell.
 */
class NotebookHygiene {

    static final String KERNEL_NAME = "java";
    static final String DISPLAY_NAME = "Java (Descent)";

    /** Everything wrong with one notebook file, one line each; empty when it is clean. */
    @SuppressWarnings("unchecked")
    static List<String> problems(Path path) {
        List<String> out = new ArrayList<>();
        String file = path.getFileName().toString();
        if (!file.matches("\\d\\d-[a-z0-9]+(-[a-z0-9]+)*\\.ipynb")) {
            out.add(file + ": name must look like NN-topic-words.ipynb");
        }
        Notebook nb;
        try {
            nb = Notebook.read(path);
        } catch (RuntimeException e) {
            out.add(file + ": " + e.getMessage());
            return out;
        }
        if (nb.nbformat() != 4) {
            out.add(file + ": nbformat must be 4, is " + nb.nbformat());
        }
        Object ks = nb.metadata().get("kernelspec");
        if (!(ks instanceof Map)) {
            out.add(file + ": metadata.kernelspec is missing; it must be {\"name\": \"java\", \"display_name\": \"Java (Descent)\", \"language\": \"java\"}");
        } else {
            Map<String, Object> k = (Map<String, Object>) ks;
            expect(out, file, "metadata.kernelspec.name", KERNEL_NAME, k.get("name"));
            expect(out, file, "metadata.kernelspec.display_name", DISPLAY_NAME, k.get("display_name"));
            expect(out, file, "metadata.kernelspec.language", "java", k.get("language"));
        }
        Object li = nb.metadata().get("language_info");
        if (li instanceof Map<?, ?> m) {
            expect(out, file, "metadata.language_info.name", "java", m.get("name"));
        }
        boolean firstCode = true;
        for (Notebook.Cell c : nb.cells()) {
            if (!List.of("code", "markdown", "raw").contains(c.type())) {
                out.add(file + ", cell " + c.number() + ": cell_type \"" + c.type()
                        + "\" is not one of code, markdown, raw (Jupyter cannot render it)");
            }
            if (!c.type().equals("code")) {
                continue;
            }
            if (!c.outputs().isEmpty()) {
                out.add(file + ", cell " + c.number() + ": has " + c.outputs().size()
                        + " output(s); clear outputs before committing (Jupyter: Cell > All Output > Clear)");
            }
            if (c.executionCount() != null) {
                out.add(file + ", cell " + c.number() + ": has execution count " + c.executionCount().toString().replace(".0", "")
                        + "; clear outputs before committing");
            }
            if (c.source().lines().anyMatch(l -> l.stripLeading().startsWith("%"))) {
                out.add(file + ", cell " + c.number() + ": uses a kernel magic (%...); the kernel's classpath already has the library");
            }
            if (firstCode) {
                firstCode = false;
                List<String> notImports = c.source().lines().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("//") && !l.startsWith("import ")).toList();
                if (!notImports.isEmpty()) {
                    out.add(file + ", cell " + c.number() + ": the first code cell must hold only imports, found \"" + notImports.get(0) + "\"");
                }
            }
        }
        return out;
    }

    private static void expect(List<String> out, String file, String key, String expected, Object actual) {
        if (!expected.equals(actual)) {
            out.add(file + ": " + key + " must be \"" + expected + "\", is " + (actual == null ? "missing" : "\"" + actual + "\""));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCommittedNotebookIsClean() {
        List<Path> all = Notebook.all();
        assertTrue(!all.isEmpty(), "no notebooks found in " + Notebook.directory().toAbsolutePath());
        return all.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            List<String> problems = problems(p);
            if (!problems.isEmpty()) {
                fail("notebook " + p + " is not clean:\n  " + String.join("\n  ", problems));
            }
        }));
    }

    // ---- the check itself must catch bad notebooks

    static String notebook(String kernelName, String... codeCells) {
        StringBuilder cells = new StringBuilder();
        for (int k = 0; k < codeCells.length; k++) {
            if (k > 0) {
                cells.append(",\n");
            }
            cells.append(codeCells[k]);
        }
        return "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {\"kernelspec\": {\"name\": \"" + kernelName
                + "\", \"display_name\": \"Java (Descent)\", \"language\": \"java\"}, \"language_info\": {\"name\": \"java\"}},\n"
                + "\"cells\": [{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"# Title\"]},\n" + cells + "]}";
    }

    static String code(String source) {
        return "{\"cell_type\": \"code\", \"execution_count\": null, \"metadata\": {}, \"outputs\": [], \"source\": "
                + quote(source) + "}";
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Test
    void aCleanNotebookPasses(@TempDir Path dir) throws IOException {
        Path p = Files.writeString(dir.resolve("01-clean.ipynb"),
                notebook("java", code("import java.util.List;"), code("int x = 1;")));
        assertEquals(List.of(), problems(p));
    }

    @Test
    void outputsAndExecutionCountsAreNamedWithTheirCell(@TempDir Path dir) throws IOException {
        String withOutput = "{\"cell_type\": \"code\", \"execution_count\": 3, \"metadata\": {}, \"outputs\": "
                + "[{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": [\"2\\n\"]}], \"source\": [\"1 + 1\"]}";
        Path p = Files.writeString(dir.resolve("02-dirty.ipynb"), notebook("java", code("import java.util.List;"), withOutput));
        List<String> problems = problems(p);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("02-dirty.ipynb, cell 3: has 1 output(s)"), problems.get(0));
        assertTrue(problems.get(1).startsWith("02-dirty.ipynb, cell 3: has execution count 3"), problems.get(1));
    }

    @Test
    void aWrongKernelspecIsReported(@TempDir Path dir) throws IOException {
        Path p = Files.writeString(dir.resolve("03-python.ipynb"), notebook("python3", code("import java.util.List;")));
        List<String> problems = problems(p);
        assertEquals(List.of("03-python.ipynb: metadata.kernelspec.name must be \"java\", is \"python3\""), problems);
    }

    @Test
    void magicsBadNamesAndAFirstCellThatIsNotImportsAreReported(@TempDir Path dir) throws IOException {
        Path p = Files.writeString(dir.resolve("Tour.ipynb"), notebook("java", code("int x = 1;"), code("%classpath target/classes")));
        List<String> problems = problems(p);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("NN-topic-words"), problems.get(0));
        assertTrue(problems.get(1).contains("cell 2: the first code cell must hold only imports"), problems.get(1));
        assertTrue(problems.get(2).contains("cell 3: uses a kernel magic"), problems.get(2));
    }

    @Test
    void anUnknownCellTypeIsReported(@TempDir Path dir) throws IOException {
        Path p = Files.writeString(dir.resolve("05-md.ipynb"), notebook("java", code("import java.util.List;"),
                "{\"cell_type\": \"md\", \"metadata\": {}, \"source\": [\"## Section\"]}"));
        assertEquals(List.of("05-md.ipynb, cell 3: cell_type \"md\" is not one of code, markdown, raw (Jupyter cannot render it)"),
                problems(p));
    }

    @Test
    void brokenJsonIsReportedWithItsLine(@TempDir Path dir) throws IOException {
        Path p = Files.writeString(dir.resolve("04-broken.ipynb"), "{\"cells\": [\n{\"cell_type\": }\n]}");
        List<String> problems = problems(p);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("04-broken.ipynb") && problems.get(0).contains("line 2"), problems.get(0));
    }
}
