package descent.grader;

import java.util.List;
import java.util.Optional;

/**
 * The course's chapters: the Java package of each chapter's exercises and graded tests, and the number that starts
 * its exercise ids. Student code is accepted only in these packages. A new chapter is one line here (and a row in
 * docs/conventions.md's chapter table).
 */
public final class Chapters {

    /** One chapter: exercise ids {@code number.N} live in package {@code pkg}. */
    public record Chapter(String number, String pkg, String title) {
    }

    /** Every chapter, in teaching order. */
    public static final List<Chapter> ALL = List.of(
            new Chapter("01", "backprop", "backpropagation"),
            new Chapter("02", "firstorder", "first-order optimization"),
            new Chapter("03", "secondorder", "second-order methods"),
            new Chapter("04", "setup", "setting up training"),
            new Chapter("05", "penalties", "regularization I: penalties"),
            new Chapter("06", "datanoise", "regularization II: data and noise"),
            new Chapter("07", "ensembles", "regularization III: ensembles"),
            new Chapter("08", "normalization", "normalization, compression, parallel training"),
            new Chapter("09", "capstone", "capstone"));

    private Chapters() {
    }

    /** The chapter whose package is {@code pkg}. */
    public static Optional<Chapter> byPackage(String pkg) {
        return ALL.stream().filter(c -> c.pkg().equals(pkg)).findFirst();
    }

    /** Whether {@code pkg} is a chapter package. */
    public static boolean isChapterPackage(String pkg) {
        return byPackage(pkg).isPresent();
    }

    /** The packages, comma-separated, for messages. */
    public static String packages() {
        return String.join(", ", ALL.stream().map(Chapter::pkg).toList());
    }
}
