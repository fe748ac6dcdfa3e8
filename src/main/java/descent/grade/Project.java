package descent.grade;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where a Descent checkout lives: the nearest directory holding {@code pom.xml}, walking up. */
public final class Project {

    private Project() {
    }

    /**
     * The project root: the system property {@code descent.root} if set, otherwise the nearest directory at or
     * above the working directory that holds a {@code pom.xml}.
     *
     * @throws IllegalStateException when there is none, naming the directory searched from
     */
    public static Path root() {
        String prop = System.getProperty("descent.root");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        return root(Path.of("").toAbsolutePath());
    }

    /** The nearest directory at or above {@code start} holding a {@code pom.xml}. */
    public static Path root(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no pom.xml in " + start.toAbsolutePath() + " or any directory above it: "
                + "run this from inside the Descent project (or set -Ddescent.root=DIR)");
    }
}
