package descent.grader.compile;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The Java compiler as the grader uses it: no annotation processors, no implicit compilation of other sources, and
 * a file that does not compile is left out and the rest compiled again, so one broken file costs only what needs it.
 * Messages name files relative to a root directory: {@code exercises/backprop/X.java:5: ';' expected}.
 */
public final class Javac {

    private final Path root;
    private final List<String> classpath;

    /**
     * @param root paths in messages are relative to it (when below it)
     * @param classpath what the sources compile against
     */
    public Javac(Path root, List<String> classpath) {
        this.root = root.toAbsolutePath().normalize();
        this.classpath = List.copyOf(classpath);
    }

    /**
     * What a compilation produced.
     *
     * @param errors per source file that was left out, its errors as {@code path:line: message}
     * @param classes every class written, by binary name, with the source file it came from
     */
    public record Result(Map<Path, List<String>> errors, Map<String, Path> classes) {
    }

    /** A source file's package and the binary names of the types it declares at the top level (from parsing only). */
    public record Declarations(Path file, String pkg, List<String> topLevel) {
    }

    private static JavaCompiler compiler() {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in " + System.getProperty("java.home")
                    + ": the grader needs a JDK, not a JRE");
        }
        return javac;
    }

    /** Where a diagnostic's file is, relative to the root when it lies below it. */
    public String where(Path p) {
        Path a = p.toAbsolutePath().normalize();
        return a.startsWith(root) ? root.relativize(a).toString().replace('\\', '/') : a.toString();
    }

    /** Compiles {@code sources} into {@code out} (emptied first), leaving out files with errors until the rest compiles. */
    public Result compile(List<Path> sources, Path out) {
        JavaCompiler javac = compiler();
        Map<Path, List<String>> failed = new LinkedHashMap<>();
        Map<String, Path> classes = new LinkedHashMap<>();
        List<Path> remaining = new ArrayList<>(sources.stream().map(p -> p.toAbsolutePath().normalize()).toList());
        clear(out);
        while (!remaining.isEmpty()) {
            clear(out);
            classes.clear();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            boolean ok;
            try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                    StandardCharsets.UTF_8)) {
                List<String> options = List.of("-d", out.toString(), "-classpath",
                        String.join(File.pathSeparator, classpath), "-proc:none", "-encoding", "UTF-8", "-nowarn",
                        "-Xlint:none", "-Xmaxerrs", "10000", "-implicit:none", "-sourcepath", "", "-g",
                        "--release", "17");
                JavacTask task = (JavacTask) javac.getTask(null, fm, diagnostics, options, null,
                        fm.getJavaFileObjectsFromPaths(remaining));
                task.addTaskListener(new TaskListener() {
                    @Override
                    public void finished(TaskEvent e) {
                        if (e.getKind() == TaskEvent.Kind.GENERATE && e.getTypeElement() != null
                                && e.getSourceFile() != null) {
                            classes.put(task.getElements().getBinaryName(e.getTypeElement()).toString(),
                                    Path.of(e.getSourceFile().toUri()).toAbsolutePath().normalize());
                        }
                    }
                });
                ok = task.call();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (ok) {
                break;
            }
            Map<Path, List<String>> round = new LinkedHashMap<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR || d.getSource() == null) {
                    continue;
                }
                Path p = Path.of(d.getSource().toUri()).toAbsolutePath().normalize();
                String msg = d.getMessage(Locale.ROOT).lines().findFirst().orElse("");
                round.computeIfAbsent(p, k -> new ArrayList<>()).add(where(p) + ":" + d.getLineNumber() + ": " + msg);
            }
            if (round.isEmpty()) {
                // Errors without a source file (bad options, an unreadable classpath): nothing can compile.
                List<String> all = new ArrayList<>();
                diagnostics.getDiagnostics().forEach(d -> all.add(d.getMessage(Locale.ROOT)));
                for (Path p : remaining) {
                    failed.put(p, List.of("compiler error: " + String.join("; ", all)));
                }
                clear(out);
                classes.clear();
                break;
            }
            failed.putAll(round);
            remaining.removeAll(round.keySet());
            if (remaining.isEmpty()) {
                clear(out);
                classes.clear();
            }
        }
        return new Result(failed, Map.copyOf(classes));
    }

    /** The package and top-level types of each file, from the parser alone (works for files that do not compile). */
    public List<Declarations> declarations(List<Path> sources) {
        List<Declarations> out = new ArrayList<>();
        if (sources.isEmpty()) {
            return out;
        }
        JavaCompiler javac = compiler();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(new DiagnosticCollector<>(), Locale.ROOT,
                StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, fm, new DiagnosticCollector<>(),
                    List.of("-proc:none", "-encoding", "UTF-8"), null, fm.getJavaFileObjectsFromPaths(sources));
            for (CompilationUnitTree cu : task.parse()) {
                String pkg = cu.getPackageName() == null ? "" : cu.getPackageName().toString();
                List<String> types = new ArrayList<>();
                for (Tree t : cu.getTypeDecls()) {
                    if (t instanceof ClassTree c && !c.getSimpleName().isEmpty()) {
                        types.add(pkg.isEmpty() ? c.getSimpleName().toString() : pkg + "." + c.getSimpleName());
                    }
                }
                out.add(new Declarations(Path.of(cu.getSourceFile().toUri()).toAbsolutePath().normalize(), pkg, types));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every {@code .java} file below {@code dir}, sorted; none when it does not exist. */
    public static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes everything inside {@code dir} (not {@code dir} itself). */
    public static void clear(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code dir} and everything in it; a failure is ignored (a temporary directory left behind is harmless). */
    public static void deleteQuietly(Path dir) {
        try {
            clear(dir);
            Files.deleteIfExists(dir);
        } catch (IOException | UncheckedIOException e) {
            // ignored
        }
    }
}
