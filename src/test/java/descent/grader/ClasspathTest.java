package descent.grader;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClasspathTest {

    /** Graded code must see the library and JUnit, never test-classes (which holds the compiled solutions). */
    @Test
    void libraryButNoTestClasses() {
        List<String> cp = Classpath.library();
        assertFalse(cp.stream().anyMatch(e -> Path.of(e).endsWith("test-classes")), cp.toString());
        assertTrue(cp.stream().anyMatch(e -> Path.of(e).endsWith(Path.of("target", "classes"))), cp.toString());
        assertTrue(cp.stream().anyMatch(e -> e.contains("junit-platform-launcher")), cp.toString());
        assertTrue(cp.stream().anyMatch(e -> e.contains("junit-jupiter-engine")), cp.toString());
        assertTrue(cp.stream().anyMatch(e -> e.contains("ejml")), cp.toString());
    }
}
