package descent.grader;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The classpaths of grading, taken from the grader's own JVM: {@link #trusted()} (library, JUnit and the grader: the
 * graded tests are compiled and run against it) and {@link #library()} (the library and its jars only: student code
 * is compiled and run against it). Neither holds a {@code test-classes} directory, which holds compiled solutions.
 */
public final class Classpath {

    /** Classes whose jars the graded tests need even if the class loader does not list them. */
    private static final String[] MARKERS = {
        "descent.grade.Exercise", "descent.grader.run.Bridge", "org.junit.jupiter.api.Test",
        "org.junit.jupiter.engine.JupiterTestEngine", "org.junit.platform.launcher.Launcher",
        "org.junit.platform.launcher.core.LauncherFactory", "org.junit.platform.engine.TestEngine",
        "org.junit.platform.commons.util.ReflectionUtils", "org.opentest4j.AssertionFailedError",
        "org.apiguardian.api.API", "org.junit.jupiter.params.ParameterizedTest",
    };

    private Classpath() {
    }

    /**
     * The system property {@code descent.classpath} if set; otherwise {@code java.class.path}, the URLs of the class
     * loaders that loaded the grader, and the jars of JUnit and the library; never {@code test-classes}, never entries
     * that do not exist.
     */
    public static List<String> trusted() {
        String prop = System.getProperty("descent.classpath");
        Set<String> out = new LinkedHashSet<>();
        if (prop != null && !prop.isBlank()) {
            addAll(out, prop.split(File.pathSeparator));
            return filter(out, false);
        }
        addAll(out, System.getProperty("java.class.path", "").split(File.pathSeparator));
        for (ClassLoader l = Classpath.class.getClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    add(out, url);
                }
            }
        }
        for (String m : MARKERS) {
            try {
                CodeSource cs = Class.forName(m, false, Classpath.class.getClassLoader()).getProtectionDomain()
                        .getCodeSource();
                if (cs != null && cs.getLocation() != null) {
                    add(out, cs.getLocation());
                }
            } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                // optional
            }
        }
        return filter(out, false);
    }

    /** The library and its dependencies only: {@link #trusted()} without the tools and without JUnit. */
    public static List<String> library() {
        return filter(new LinkedHashSet<>(trusted()), true);
    }

    /** Where the student JVM's agent ({@code descent.grader.student}, {@code descent.grader.wire}) is loaded from. */
    public static Path agent() {
        try {
            return Path.of(descent.grader.student.StudentMain.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot locate the grader's classes: " + e);
        }
    }

    private static void addAll(Set<String> out, String[] entries) {
        for (String e : entries) {
            if (!e.isBlank()) {
                out.add(Path.of(e).toAbsolutePath().normalize().toString());
            }
        }
    }

    private static void add(Set<String> out, URL url) {
        if (!"file".equals(url.getProtocol())) {
            return;
        }
        try {
            out.add(Path.of(url.toURI()).toAbsolutePath().normalize().toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            // not a local path
        }
    }

    private static List<String> filter(Set<String> entries, boolean libraryOnly) {
        List<String> out = new ArrayList<>();
        for (String e : entries) {
            Path p = Path.of(e);
            String name = p.getFileName() == null ? "" : p.getFileName().toString();
            if (name.equals("test-classes") || !Files.exists(p)) {
                continue;
            }
            if (libraryOnly && (name.equals("tools-classes") || name.startsWith("junit-") || name.startsWith("opentest4j")
                    || name.startsWith("apiguardian") || name.startsWith("surefire") || name.startsWith("maven-")
                    || name.startsWith("common-java5") || name.startsWith("common-junit"))) {
                continue;
            }
            if (libraryOnly && Files.isDirectory(p) && Files.isDirectory(p.resolve("descent/grader"))) {
                continue; // the tools' classes, wherever they are
            }
            out.add(e);
        }
        return out;
    }
}
