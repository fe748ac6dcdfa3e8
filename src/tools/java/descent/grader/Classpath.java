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
 * The classpath graded code is compiled and run against: the library and its dependencies, never test classes.
 * Works from the launcher ({@code java -cp ...}), from Maven's test JVM and from a notebook kernel, where the
 * library arrives through the kernel's class loader rather than {@code java.class.path}.
 */
final class Classpath {

    /** Classes whose jars graded code needs even if the class loader does not list them. */
    private static final String[] MARKERS = {
        "descent.grade.Exercise", "org.junit.jupiter.api.Test", "org.junit.jupiter.engine.JupiterTestEngine",
        "org.junit.platform.launcher.Launcher", "org.junit.platform.launcher.core.LauncherFactory",
        "org.junit.platform.engine.TestEngine", "org.junit.platform.commons.util.ReflectionUtils",
        "org.opentest4j.AssertionFailedError", "org.apiguardian.api.API",
        "org.junit.jupiter.params.ParameterizedTest",
    };

    private Classpath() {
    }

    /**
     * The system property {@code descent.classpath} if set; otherwise {@code java.class.path}, the URLs of the
     * class loaders that loaded the grader, and the jars of JUnit and the library, without {@code test-classes}
     * directories (which hold the compiled solutions) and without entries that do not exist.
     */
    static List<String> library() {
        String prop = System.getProperty("descent.classpath");
        Set<String> out = new LinkedHashSet<>();
        if (prop != null && !prop.isBlank()) {
            addAll(out, prop.split(File.pathSeparator));
            return filter(out);
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
        return filter(out);
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

    private static List<String> filter(Set<String> entries) {
        List<String> out = new ArrayList<>();
        for (String e : entries) {
            Path p = Path.of(e);
            if (p.getFileName() != null && p.getFileName().toString().equals("test-classes")) {
                continue;
            }
            if (Files.exists(p)) {
                out.add(e);
            }
        }
        return out;
    }
}
