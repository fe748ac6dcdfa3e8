package descent.mutation;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Runs PIT (the {@code org.pitest} command line, in a JVM of its own) on the solution regions of some exercises.
 * <p>
 * Three small PIT plugins, {@code src/mutation/java/descent/mutation/pit/}, are compiled here against PIT's jars
 * (PIT is a tool, not a library dependency, so Maven does not compile them): one keeps only the mutants on region
 * lines, one gives each mutant only its own exercise's graded tests, and one packs the mutants into one test JVM per
 * thread. They read the plan this class writes ({@code target/mutants/plan.txt}).
 */
final class Pit {

    /** The mutators: PIT's defaults and its stronger group, conditional negation and the inline-constant mutator. */
    static final String MUTATORS = "DEFAULTS,STRONGER,NEGATE_CONDITIONALS,INLINE_CONSTS";
    /** JVM flags for PIT and its test JVMs: short-lived JVMs run faster with only the C1 compiler. */
    static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Path root;
    private final Path work;
    private final Path testClasses;
    private final List<String> pitClasspath;
    private final List<String> libraryClasspath;

    /**
     * @param work             output directory ({@code target/mutants})
     * @param pitClasspath     PIT's jars (written by {@code mvn -Ppitest dependency:build-classpath@pitest})
     * @param libraryClasspath {@code target/classes} and the library's jars
     */
    Pit(Path root, Path work, Path testClasses, List<String> pitClasspath, List<String> libraryClasspath) {
        this.root = root;
        this.work = work;
        this.testClasses = testClasses;
        this.pitClasspath = pitClasspath;
        this.libraryClasspath = libraryClasspath;
    }

    /**
     * Runs PIT on {@code items} and returns the path of its {@code mutations.xml}.
     *
     * @param isolated solution classes another exercise uses (their mutants get a test JVM of their own)
     * @throws IllegalStateException when PIT fails, with the end of its log
     */
    Path run(List<Course.Item> items, Set<String> isolated, int threads) {
        Path plugin = compilePlugin();
        Path plan = work.resolve("plan.txt");
        Path reports = work.resolve("pit");
        Path log = work.resolve("pit.log");
        List<String> lines = new ArrayList<>();
        Set<String> targets = new LinkedHashSet<>();
        Set<String> tests = new LinkedHashSet<>();
        for (Course.Item item : items) {
            for (Course.Region r : item.regions()) {
                lines.add(String.join("\t", "region", r.className(), Integer.toString(r.first()),
                        Integer.toString(r.last()), item.id(), String.join(",", item.testClasses())));
                targets.add(r.className());
                targets.add(r.className() + "$*");
            }
            tests.addAll(item.testClasses());
        }
        isolated.forEach(c -> lines.add("isolate\t" + c));
        try {
            Files.createDirectories(work);
            Files.write(plan, lines, StandardCharsets.UTF_8);
            deleteRecursively(reports);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> cp = new LinkedHashSet<>();
        cp.add(plugin.toString());
        cp.addAll(pitClasspath);
        cp.add(testClasses.toString());
        cp.addAll(libraryClasspath);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_FLAGS);
        cmd.add("-D" + "descent.mutation.plan=" + plan);
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, cp));
        cmd.add("org.pitest.mutationtest.commandline.MutationCoverageReport");
        cmd.addAll(List.of(
                "--reportDir", reports.toString(),
                "--targetClasses", String.join(",", targets),
                "--targetTests", String.join(",", tests),
                "--mutableCodePaths", testClasses.toString(),
                "--sourceDirs", root.resolve("solutions").toString(),
                "--threads", Integer.toString(threads),
                "--mutators", MUTATORS,
                "--outputFormats", "XML",
                "--timestampedReports=false",
                "--failWhenNoMutations=false",
                "--timeoutConst", "3000",
                "--jvmArgs", String.join(",", JVM_FLAGS) + ",-Xmx512m"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        int status;
        try {
            status = pb.start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while PIT ran", e);
        }
        Path xml = reports.resolve("mutations.xml");
        if (status != 0 || !Files.isRegularFile(xml)) {
            throw new IllegalStateException("PIT failed (exit status " + status + "); the end of its log, "
                    + root.relativize(log) + ":\n" + tail(log, 25));
        }
        return xml;
    }

    /** Compiles the PIT plugins into {@code target/mutants/plugin} unless they are up to date. */
    private Path compilePlugin() {
        Path src = root.resolve("src/mutation/java");
        Path resources = root.resolve("src/mutation/resources");
        Path out = work.resolve("plugin");
        Path stamp = out.resolve(".built");
        List<Path> sources = list(src, ".java");
        try {
            long newest = 0;
            for (Path p : sources) {
                newest = Math.max(newest, Files.getLastModifiedTime(p).toMillis());
            }
            for (Path p : list(resources, "")) {
                newest = Math.max(newest, Files.getLastModifiedTime(p).toMillis());
            }
            if (Files.isRegularFile(stamp) && Files.getLastModifiedTime(stamp).toMillis() >= newest) {
                return out;
            }
            deleteRecursively(out);
            Files.createDirectories(out);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            if (javac == null) {
                throw new IllegalStateException("no Java compiler in this runtime: run with a JDK, not a JRE");
            }
            List<String> args = new ArrayList<>(List.of("--release", "17", "-nowarn", "-encoding", "UTF-8",
                    "-d", out.toString(), "-cp", String.join(File.pathSeparator, pitClasspath)));
            sources.forEach(p -> args.add(p.toString()));
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            int rc = javac.run(null, err, err, args.toArray(String[]::new));
            if (rc != 0) {
                throw new IllegalStateException("the PIT plugins in " + root.relativize(src) + " do not compile against "
                        + "PIT's jars:\n" + err.toString(StandardCharsets.UTF_8));
            }
            for (Path p : list(resources, "")) {
                Path target = out.resolve(resources.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(stamp, "");
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
