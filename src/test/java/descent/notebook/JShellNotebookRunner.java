package descent.notebook;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs notebooks' code cells in JShell, without Python or Jupyter: a quick developer check that a notebook still
 * compiles and its {@code Expect} checks hold. Not part of the default {@code mvn test} (and so not of
 * {@code ./descent test}, which executes every notebook once, under real Jupyter): it runs when asked,
 * <pre>{@code
 * mvn -q test -Dtest=JShellNotebookRunner -Ddescent.notebooks.jshell=all       # every notebook
 * mvn -q test -Dtest=JShellNotebookRunner -Ddescent.notebooks.jshell=05,07     # some, by number or name
 * }</pre>
 * The runner's own tests (that it catches a broken notebook) always run.
 *
 * <p>The session mirrors the rapaio kernel: the same default imports (its {@code init.jshell}), cells cut into
 * snippets the same way, a failure on any rejected snippet or exception, and {@code display(...)} from
 * {@link KernelStandIn} where rapaio statically imports its own. Snippets execute in this JVM (JShell's local
 * engine) on the test classpath, with {@code descent.grade.skip=true} so exercise cells only print a note.
 */
class JShellNotebookRunner {

    /** rapaio 3.0.1's init.jshell, plus the stand-in for its static import of Global.*. */
    static final List<String> KERNEL_IMPORTS = List.of(
            "import java.util.*;", "import java.io.*;", "import java.math.*;", "import java.net.*;",
            "import java.util.concurrent.*;", "import java.util.prefs.*;", "import java.util.regex.*;",
            "import static descent.notebook.KernelStandIn.*;");

    static final long NOTEBOOK_TIMEOUT_SECONDS = 300;

    /**
     * Runs the notebook's code cells in a fresh JShell. Returns null when every cell ran, otherwise a message
     * naming the notebook, the cell (numbered from 1, markdown cells included) and the diagnostic or exception,
     * followed by the last lines the notebook printed.
     */
    static String run(Path path) {
        Notebook nb = Notebook.read(path);
        String previous = System.getProperty("descent.grade.skip");
        System.setProperty("descent.grade.skip", "true");
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notebook-watchdog");
            t.setDaemon(true);
            return t;
        });
        AtomicBoolean timedOut = new AtomicBoolean();
        KernelStandIn.reset();
        JShell shell = freshSession();
        try (shell) {
            for (String imp : KERNEL_IMPORTS) {
                String problem = eval(shell, imp);
                if (problem != null) {
                    return nb.name() + ": the kernel's default import failed: " + problem;
                }
            }
            watchdog.schedule(() -> {
                timedOut.set(true);
                shell.stop();
            }, NOTEBOOK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            System.setOut(capture);
            for (Notebook.Cell cell : nb.cells()) {
                if (!cell.type().equals("code")) {
                    continue;
                }
                String problem = runCell(shell, cell.source());
                if (timedOut.get()) {
                    problem = "still running after " + NOTEBOOK_TIMEOUT_SECONDS + " s (stopped); notebooks must run in well under a minute";
                }
                if (problem != null) {
                    return nb.name() + ", cell " + cell.number() + ": " + problem + tail(captured);
                }
            }
            return null;
        } finally {
            System.setOut(stdout);
            watchdog.shutdownNow();
            if (previous == null) {
                System.clearProperty("descent.grade.skip");
            } else {
                System.setProperty("descent.grade.skip", previous);
            }
        }
    }

    /** A new JShell for each notebook (reusing one and dropping its snippets trips a javac assertion in JDK 17). */
    static JShell freshSession() {
        JShell shell = JShell.builder().executionEngine("local").build();
        for (String entry : testClasspath()) {
            shell.addToClasspath(entry);
        }
        return shell;
    }

    /** Cuts a cell into complete snippets as the kernel does and evaluates them in order. */
    static String runCell(JShell shell, String code) {
        for (String line : code.lines().toList()) {
            if (line.stripLeading().startsWith("%")) {
                return "kernel magic \"" + line.strip() + "\" is not supported (the classpath is set by the kernelspec)";
            }
        }
        SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(code);
        while (info.completeness().isComplete()) {
            String snippet = info.source().trim();
            if (!snippet.isEmpty()) {
                String problem = eval(shell, snippet);
                if (problem != null) {
                    return problem;
                }
            }
            info = shell.sourceCodeAnalysis().analyzeCompletion(info.remaining());
        }
        if (info.completeness() != SourceCodeAnalysis.Completeness.EMPTY) {
            return "incomplete code: " + excerpt(info.remaining());
        }
        return null;
    }

    /** Evaluates one snippet; null when it was accepted and ran, else what went wrong. */
    static String eval(JShell shell, String snippet) {
        List<SnippetEvent> events = shell.eval(snippet);
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue;
            }
            JShellException ex = e.exception();
            if (ex != null) {
                return describe(ex) + " in: " + excerpt(snippet);
            }
            if (!e.status().isDefined()) {
                String diags = shell.diagnostics(e.snippet()).map(d -> diagnostic(d, snippet))
                        .collect(Collectors.joining("; "));
                if (diags.isEmpty() && e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    diags = "unresolved references: " + shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) e.snippet())
                            .collect(Collectors.joining(", "));
                }
                return "does not compile (" + e.status() + "): " + diags + " in: " + excerpt(snippet);
            }
        }
        return null;
    }

    private static String diagnostic(Diag d, String snippet) {
        String msg = d.getMessage(Locale.ROOT);
        long pos = d.getPosition();
        if (pos >= 0 && pos <= snippet.length()) {
            int start = snippet.lastIndexOf('\n', (int) Math.max(0, pos - 1)) + 1;
            int end = snippet.indexOf('\n', (int) pos);
            msg += " at \"" + snippet.substring(start, end < 0 ? snippet.length() : end).strip() + "\"";
        }
        return msg;
    }

    private static String describe(JShellException ex) {
        if (ex instanceof EvalException ee) {
            String trace = Arrays.stream(ee.getStackTrace()).limit(4).map(f -> "\n      at " + f).collect(Collectors.joining());
            return ee.getExceptionClassName() + ": " + ee.getMessage() + trace;
        }
        if (ex instanceof UnresolvedReferenceException ure) {
            return "unresolved reference to " + ure.getSnippet().source().strip();
        }
        return ex.toString();
    }

    private static String excerpt(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return "\"" + (one.length() > 120 ? one.substring(0, 117) + "..." : one) + "\"";
    }

    private static String tail(ByteArrayOutputStream captured) {
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        if (lines.isEmpty()) {
            return "";
        }
        return "\n  last output:\n    " + String.join("\n    ", lines.subList(Math.max(0, lines.size() - 12), lines.size()));
    }

    /** The classpath of this test run (surefire puts the full test classpath in java.class.path). */
    static List<String> testClasspath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        return Arrays.stream(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
    }

    /** The notebooks -Ddescent.notebooks.jshell selects: "all", or a comma-separated list of names or numbers. */
    static List<Path> selected(String selector) {
        List<Path> all = Notebook.all();
        if (selector.isBlank() || selector.strip().equals("all")) {
            return all;
        }
        List<Path> chosen = new java.util.ArrayList<>();
        for (String want : selector.split(",")) {
            String w = want.strip().replaceFirst("\\.ipynb$", "");
            List<Path> hits = all.stream().filter(p -> {
                String stem = p.getFileName().toString().replaceFirst("\\.ipynb$", "");
                return stem.equals(w) || stem.split("-")[0].equals(w);
            }).toList();
            if (hits.size() != 1) {
                throw new IllegalArgumentException("descent.notebooks.jshell: no single notebook named '" + w + "' in "
                        + Notebook.directory().toAbsolutePath());
            }
            chosen.add(hits.get(0));
        }
        return chosen;
    }

    @TestFactory
    @EnabledIfSystemProperty(named = "descent.notebooks.jshell", matches = ".*",
            disabledReason = "run with -Ddescent.notebooks.jshell=all (or =05,07); ./descent test runs notebooks under Jupyter")
    Stream<DynamicTest> notebooksRunInJShell() {
        return selected(System.getProperty("descent.notebooks.jshell")).stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            long t0 = System.nanoTime();
            String problem = run(p);
            if (problem != null) {
                fail("notebook " + problem);
            }
            System.out.printf(Locale.ROOT, "JShell ran %s in %.1f s (%d display call(s))%n", p.getFileName(),
                    (System.nanoTime() - t0) / 1e9, KernelStandIn.displayedCount());
        }));
    }

    // ---- the runner itself must catch broken notebooks

    private static Path write(Path dir, String name, String... cells) throws IOException {
        String[] code = Arrays.stream(cells).map(NotebookHygiene::code).toArray(String[]::new);
        return Files.writeString(dir.resolve(name), NotebookHygiene.notebook("java", code));
    }

    @Test
    void aGoodNotebookRunsAndUsesTheLibraryDisplayAndGradeSkip(@TempDir Path dir) throws IOException {
        Path p = write(dir, "01-good.ipynb",
                "import descent.plot.Figure;\nimport descent.check.Expect;",
                "double[] x = {1, 2, 3};\nvar fig = Figure.xy(\"t\", \"x\", \"y\").line(\"l\", x, x);\ndisplay(fig.image());\nint n = 2;",
                "Expect.close(\"sum\", 6, x[0] + x[1] + x[2], 1e-12);\nSystem.getProperty(\"descent.grade.skip\")");
        assertNull(run(p));
        assertEquals(1, KernelStandIn.displayedCount());
    }

    @Test
    void anExceptionNamesNotebookCellAndException(@TempDir Path dir) throws IOException {
        Path p = write(dir, "02-throws.ipynb", "import java.util.List;", "int a = 1;", "System.out.println(\"before\");\nint b = a / 0;");
        String problem = run(p);
        assertNotNull(problem);
        assertTrue(problem.startsWith("02-throws.ipynb, cell 4: java.lang.ArithmeticException: / by zero"), problem);
        assertTrue(problem.contains("before"), "the message shows the notebook's last output: " + problem);
    }

    @Test
    void aCompileErrorNamesTheDiagnostic(@TempDir Path dir) throws IOException {
        Path p = write(dir, "03-typo.ipynb", "import java.util.List;", "double y = Math.sqroot(2.0);");
        String problem = run(p);
        assertNotNull(problem);
        assertTrue(problem.startsWith("03-typo.ipynb, cell 3: does not compile"), problem);
        assertTrue(problem.contains("cannot find symbol") && problem.contains("Math.sqroot"), problem);
    }

    @Test
    void aFailedExpectFailsTheNotebook(@TempDir Path dir) throws IOException {
        Path p = write(dir, "04-claim.ipynb", "import descent.check.Expect;", "Expect.close(\"two\", 2.0, 1.0 + 1.5, 1e-9);");
        String problem = run(p);
        assertNotNull(problem);
        assertTrue(problem.startsWith("04-claim.ipynb, cell 3: java.lang.AssertionError: CHECK FAILED"), problem);
    }

    @Test
    void nothingLeaksFromOneNotebookToTheNext(@TempDir Path dir) throws IOException {
        Path first = write(dir, "06-first.ipynb", "import java.util.List;", "int leftover = 41;\nint twice(int v) { return 2 * v; }");
        Path second = write(dir, "07-second.ipynb", "import java.util.List;", "int z = twice(leftover);");
        assertNull(run(first));
        String problem = run(second);
        assertNotNull(problem, "a notebook must not see what the previous one defined");
        assertTrue(problem.startsWith("07-second.ipynb, cell 3: does not compile"), problem);
    }

    @Test
    void aMagicIsRejected(@TempDir Path dir) throws IOException {
        Path p = write(dir, "05-magic.ipynb", "import java.util.List;", "%classpath target/classes");
        String problem = run(p);
        assertNotNull(problem);
        assertTrue(problem.startsWith("05-magic.ipynb, cell 3: kernel magic"), problem);
    }
}
