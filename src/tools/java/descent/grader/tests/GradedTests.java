package descent.grader.tests;

import descent.grader.Chapters;
import descent.grader.compile.Javac;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The graded test classes of a course, read from their sources (so they are known even when they do not compile):
 * {@code src/grade/java} (public: shipped to students) and {@code src/grade/hidden} (hidden: left out of the student
 * release, run only in hardened grading).
 */
public final class GradedTests {

    /** A test method and its points. */
    public record TestMethod(String name, int points) {
    }

    /** A graded test class as its source declares it. */
    public record TestClass(Path file, String className, String exerciseId, String title, List<TestMethod> methods,
            boolean hidden) {

        /** The package, e.g. {@code backprop}. */
        public String pkg() {
            int dot = className.lastIndexOf('.');
            return dot < 0 ? "" : className.substring(0, dot);
        }

        /** The exercise id, or the class name when the class has no {@code @Exercise}. */
        public String idOrClass() {
            return exerciseId == null ? className : exerciseId;
        }
    }

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern EXERCISE = Pattern.compile("@(?:descent\\.grade\\.)?Exercise\\s*\\(([^)]*)\\)");
    private static final Pattern ATTR = Pattern.compile("(id|title)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern METHOD = Pattern.compile(
            "((?:@[\\w.]+(?:\\s*\\((?:[^()\"]|\"(?:[^\"\\\\]|\\\\.)*\")*\\))?\\s*)+)"
                    + "(?:(?:public|protected|private|static|final)\\s+)*void\\s+(\\w+)\\s*\\(");
    private static final Pattern POINTS = Pattern.compile(
            "@(?:descent\\.grade\\.)?Points\\s*\\(\\s*(?:value\\s*=\\s*)?(\\d+)\\s*\\)");
    private static final Pattern TESTISH = Pattern.compile(
            "@(?:[\\w.]*\\.)?(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b");

    private final List<TestClass> classes;

    private GradedTests(List<TestClass> classes) {
        this.classes = List.copyOf(classes);
    }

    /** Reads {@code publicDir} and, when {@code hiddenDir} is not null, the hidden tests. */
    public static GradedTests read(Path publicDir, Path hiddenDir) {
        List<TestClass> out = new ArrayList<>();
        read(publicDir, false, out);
        if (hiddenDir != null) {
            read(hiddenDir, true, out);
        }
        out.sort(Comparator.comparing(TestClass::className));
        return new GradedTests(out);
    }

    private static void read(Path dir, boolean hidden, List<TestClass> out) {
        for (Path file : Javac.javaFiles(dir)) {
            String src;
            try {
                src = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Matcher pm = PACKAGE.matcher(src);
            String pkg = pm.find() ? pm.group(1) + "." : "";
            String name = file.getFileName().toString().replaceAll("\\.java$", "");
            String id = null;
            String title = "";
            Matcher em = EXERCISE.matcher(src);
            if (em.find()) {
                Matcher am = ATTR.matcher(em.group(1));
                while (am.find()) {
                    if (am.group(1).equals("id")) {
                        id = am.group(2);
                    } else {
                        title = am.group(2).replace("\\\"", "\"");
                    }
                }
            }
            List<TestMethod> methods = new ArrayList<>();
            Matcher mm = METHOD.matcher(src);
            while (mm.find()) {
                if (TESTISH.matcher(mm.group(1)).find()) {
                    Matcher p = POINTS.matcher(mm.group(1));
                    methods.add(new TestMethod(mm.group(2), p.find() ? Integer.parseInt(p.group(1)) : 0));
                }
            }
            if (id == null && methods.isEmpty()) {
                continue; // a helper class, not a graded test
            }
            out.add(new TestClass(file, pkg + name, id, title, methods, hidden));
        }
    }

    /** Every graded test class, sorted by class name. */
    public List<TestClass> all() {
        return classes;
    }

    /** Only the public ones (no hidden tests). */
    public GradedTests withoutHidden() {
        return new GradedTests(classes.stream().filter(c -> !c.hidden()).toList());
    }

    /**
     * The classes a selection names: an exercise id ({@code 01.2}), a chapter number ({@code 01}) or package
     * ({@code backprop}), or a test class. An empty selection means all.
     *
     * @throws IllegalArgumentException for a selector that matches nothing, listing what exists
     */
    public List<TestClass> select(List<String> selectors) {
        if (selectors.isEmpty()) {
            return classes;
        }
        List<TestClass> out = new ArrayList<>();
        for (String s : selectors) {
            String chapterPkg = Chapters.ALL.stream().filter(c -> c.number().equals(s)).map(Chapters.Chapter::pkg)
                    .findFirst().orElse(null);
            boolean hit = false;
            for (TestClass t : classes) {
                String id = t.exerciseId() == null ? "" : t.exerciseId();
                if (id.equals(s) || id.startsWith(s + ".") || t.pkg().equals(s) || t.pkg().equals(chapterPkg)
                        || t.className().equals(s) || t.className().endsWith("." + s)) {
                    hit = true;
                    if (!out.contains(t)) {
                        out.add(t);
                    }
                }
            }
            if (!hit) {
                Set<String> known = new TreeSet<>();
                Set<String> ids = new TreeSet<>(GradedTests::compareIds);
                classes.forEach(t -> {
                    known.add(t.pkg());
                    if (t.exerciseId() != null) {
                        ids.add(t.exerciseId());
                    }
                });
                List<String> names = new ArrayList<>(known);
                names.addAll(ids);
                throw new IllegalArgumentException("no graded exercise or chapter '" + s + "'; known: "
                        + String.join(", ", names));
            }
        }
        return out;
    }

    /** Exercise ids in reading order: 01.2 before 01.10. */
    public static int compareIds(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
