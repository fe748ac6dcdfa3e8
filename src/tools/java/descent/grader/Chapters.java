package descent.grader;

import java.util.List;
import java.util.Optional;

/**
 * The course's chapters: the Java package of each chapter's exercises and graded tests, and the number that starts
 * its exercise ids. Student code is accepted only in these packages. A new chapter is one line here (and a row in
 * docs/conventions.md's chapter table).
 */
public final class Chapters {

    /**
     * One chapter: exercise ids {@code number.N} live in package {@code pkg}; its notebooks are numbered
     * {@code firstNotebook} to {@code lastNotebook}.
     */
    public record Chapter(String number, String pkg, String title, int firstNotebook, int lastNotebook) {
    }

    /** Every chapter, in teaching order. */
    public static final List<Chapter> ALL = List.of(
            new Chapter("01", "backprop", "backpropagation", 1, 4),
            new Chapter("02", "firstorder", "first-order optimization", 5, 10),
            new Chapter("03", "secondorder", "second-order methods", 11, 13),
            new Chapter("04", "setup", "setting up training", 14, 17),
            new Chapter("05", "penalties", "regularization I: norm penalties, priors, constraints", 18, 23),
            new Chapter("06", "datanoise", "regularization II: data and noise", 24, 29),
            new Chapter("07", "ensembles", "regularization III: ensembles", 30, 34),
            new Chapter("08", "normalization", "normalization, compression, parallel training", 35, 38),
            new Chapter("09", "capstone", "capstone", 39, 39));

    private Chapters() {
    }

    /** The chapter whose package is {@code pkg}. */
    public static Optional<Chapter> byPackage(String pkg) {
        return ALL.stream().filter(c -> c.pkg().equals(pkg)).findFirst();
    }

    /** The chapter of exercise {@code id} ({@code 01.2} is chapter 01), if any. */
    public static Optional<Chapter> ofExercise(String id) {
        int dot = id.indexOf('.');
        String n = dot < 0 ? id : id.substring(0, dot);
        return ALL.stream().filter(c -> c.number().equals(n)).findFirst();
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
