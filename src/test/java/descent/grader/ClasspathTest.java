package descent.grader;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClasspathTest {

    /** Graded tests see the library, JUnit and the grader, never test-classes (which holds the compiled solutions). */
    @Test
    void trustedHasLibraryJUnitAndGraderButNoTestClasses() {
        List<String> cp = Classpath.trusted();
        assertFalse(cp.stream().anyMatch(e -> Path.of(e).endsWith("test-classes")), cp.toString());
        assertTrue(cp.stream().anyMatch(e -> Path.of(e).endsWith(Path.of("target", "classes"))), cp.toString());
        assertTrue(cp.stream().anyMatch(e -> Path.of(e).endsWith(Path.of("target", "tools-classes"))), cp.toString());
        assertTrue(cp.stream().anyMatch(e -> e.contains("junit-platform-launcher")), cp.toString());
        assertTrue(cp.stream().anyMatch(e -> e.contains("junit-jupiter-engine")), cp.toString());
        assertTrue(cp.stream().anyMatch(e -> e.contains("ejml")), cp.toString());
    }

    /** Student code compiles and runs against the library only: no JUnit, no grader, no test-classes. */
    @Test
    void libraryIsTheLibraryOnly() {
        List<String> cp = Classpath.library();
        assertTrue(cp.stream().anyMatch(e -> Path.of(e).endsWith(Path.of("target", "classes"))), cp.toString());
        assertTrue(cp.stream().anyMatch(e -> e.contains("ejml")), cp.toString());
        assertFalse(cp.stream().anyMatch(e -> e.contains("junit") || e.contains("opentest4j")), cp.toString());
        assertFalse(cp.stream().anyMatch(e -> e.endsWith("test-classes") || e.endsWith("tools-classes")), cp.toString());
    }
}
