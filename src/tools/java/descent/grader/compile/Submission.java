package descent.grader.compile;

import descent.grader.Chapters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A student's tree compiled on its own, against the library only (never against the graded tests or the grader),
 * with the rules that keep student classes from passing for trusted ones: a file is accepted only when its package
 * is a chapter package of the exercises, and none of its classes has the name of a graded test or helper class.
 * Rejected and broken files are left out with a compile-style message naming the file; the rest is compiled.
 */
public final class Submission {

    /** Largest submission read, in bytes of Java source. */
    public static final long MAX_BYTES = 4L << 20;
    /** Most Java files read. */
    public static final int MAX_FILES = 1000;

    /**
     * The compiled submission.
     *
     * @param classes the compiled classes (a directory)
     * @param errors compile errors and rejections, {@code file:line: message}, in file order
     * @param unavailable exercise class (binary name) to the message every call to it fails with, for exercise
     *        classes whose file did not compile or was rejected
     * @param sourceOf top-level class name to its file as shown in messages
     */
    public record Compiled(Path classes, List<String> errors, Map<String, String> unavailable,
            Map<String, String> sourceOf) {
    }

    private Submission() {
    }

    /**
     * Compiles the Java files below {@code tree} into {@code out}.
     *
     * @param packages the chapter packages of the exercises being graded
     * @param trustedNames binary names of the graded test classes and their helpers (which student classes may not take)
     * @param exerciseClasses the exercise classes (binary names), to say which ones the student JVM will lack
     */
    public static Compiled compile(Path tree, Path out, Javac javac, Set<String> packages, Set<String> trustedNames,
            Set<String> exerciseClasses) {
        List<String> errors = new ArrayList<>();
        Map<String, String> fileOf = new HashMap<>();
        Map<String, String> firstError = new LinkedHashMap<>();
        List<Path> files = Javac.javaFiles(tree);
        long bytes = 0;
        List<Path> accepted = new ArrayList<>();
        try {
            Files.createDirectories(out);
            for (Path f : files) {
                bytes += Files.size(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.size() > MAX_FILES || bytes > MAX_BYTES) {
            String msg = javac.where(tree) + ": the submission has " + files.size() + " Java files, " + bytes
                    + " bytes; the grader reads at most " + MAX_FILES + " files and " + MAX_BYTES + " bytes";
            errors.add(msg);
            Map<String, String> unavailable = new HashMap<>();
            exerciseClasses.forEach(c -> unavailable.put(c, "not graded: " + msg));
            return new Compiled(out, errors, unavailable, Map.of());
        }
        for (Javac.Declarations d : javac.declarations(files)) {
            String where = javac.where(d.file());
            d.topLevel().forEach(c -> fileOf.put(c, where));
            String why = null;
            if (d.pkg().isEmpty()) {
                why = "a file without a package declaration; exercises are in the chapter packages ("
                        + String.join(", ", packages) + ")";
            } else if (!packages.contains(d.pkg())) {
                why = "package " + d.pkg() + " is not an exercise package; student code is accepted only in "
                        + String.join(", ", packages.stream().sorted().toList())
                        + (Chapters.isChapterPackage(d.pkg()) ? "" : " (the chapter packages being graded)");
            } else {
                for (String c : d.topLevel()) {
                    if (trustedNames.contains(c)) {
                        why = "class " + c + " has the name of a graded test class; rename it";
                    }
                }
            }
            if (why != null) {
                String msg = where + ":1: rejected: " + why;
                errors.add(msg);
                d.topLevel().forEach(c -> firstError.putIfAbsent(c, msg));
            } else {
                accepted.add(d.file());
            }
        }
        Javac.Result r = javac.compile(accepted, out);
        // a nested or secondary class with a trusted name is rejected too: drop its file and compile again
        List<Path> clash = new ArrayList<>();
        for (Map.Entry<String, Path> e : r.classes().entrySet()) {
            if (trustedNames.contains(e.getKey()) || !packages.contains(packageOf(e.getKey()))) {
                clash.add(e.getValue());
                String msg = javac.where(e.getValue()) + ":1: rejected: class " + e.getKey()
                        + (trustedNames.contains(e.getKey()) ? " has the name of a graded test class"
                        : " is outside the exercise packages");
                errors.add(msg);
            }
        }
        if (!clash.isEmpty()) {
            accepted.removeAll(clash);
            r = javac.compile(accepted, out);
        }
        for (Map.Entry<Path, List<String>> e : r.errors().entrySet()) {
            errors.addAll(e.getValue());
            for (Map.Entry<String, String> f : fileOf.entrySet()) {
                if (f.getValue().equals(javac.where(e.getKey()))) {
                    firstError.putIfAbsent(f.getKey(), e.getValue().get(0));
                }
            }
        }
        for (Path c : clash) {
            for (Map.Entry<String, String> f : fileOf.entrySet()) {
                if (f.getValue().equals(javac.where(c))) {
                    firstError.putIfAbsent(f.getKey(), javac.where(c) + ":1: rejected");
                }
            }
        }
        Map<String, String> unavailable = new HashMap<>();
        for (String c : exerciseClasses) {
            String e = firstError.get(c);
            if (e != null) {
                unavailable.put(c, (e.contains(": rejected") ? "" : "does not compile: ") + e);
            }
        }
        return new Compiled(out, errors, unavailable, fileOf);
    }

    private static String packageOf(String binaryName) {
        int d = binaryName.lastIndexOf('.');
        return d < 0 ? "" : binaryName.substring(0, d);
    }
}
