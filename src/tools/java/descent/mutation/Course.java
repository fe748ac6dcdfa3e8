package descent.mutation;

import descent.grade.Exercise;
import descent.grader.exercise.ExerciseGenerator;
import descent.grader.tests.GradedTests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The exercises of the course as the mutation gate sees them: for each exercise id, its solution regions (file,
 * class and the lines strictly between BEGIN and END SOLUTION) and its graded test classes (found by their
 * {@code @Exercise} annotation in the compiled test classes). New chapters are picked up without registration:
 * every region under {@code solutions/} and every class under {@code src/grade/java} counts.
 */
public final class Course {

    /** One solution region: the code lines {@code first..last} of {@code className}, in {@code file}. */
    public record Region(String exerciseId, Path file, String className, int first, int last) {

        /** The solution file's name, e.g. {@code LinearBackward.java} (PIT reports this). */
        public String fileName() {
            return file.getFileName().toString();
        }

        boolean holds(String cls, int line) {
            int dollar = cls.indexOf('$');
            String outer = dollar < 0 ? cls : cls.substring(0, dollar);
            return outer.equals(className) && line >= first && line <= last;
        }
    }

    /** One exercise: id, title, its regions and the graded test classes that carry its id. */
    public record Item(String id, String title, List<Region> regions, List<String> testClasses) {

        /** The sidecar file of the first test class: {@code src/grade/java/<chapter>/<Name>Test.mutants}. */
        public Path sidecar(Path gradeSources) {
            return gradeSources.resolve(testClasses.get(0).replace('.', '/') + MutantsFile.SUFFIX);
        }

        /** The outer solution classes of this exercise, in region order. */
        public Set<String> solutionClasses() {
            Set<String> out = new LinkedHashSet<>();
            regions.forEach(r -> out.add(r.className()));
            return out;
        }
    }

    private final Path root;
    private final Map<String, Item> items;

    private Course(Path root, Map<String, Item> items) {
        this.root = root;
        this.items = items;
    }

    /**
     * Reads the regions under {@code root/solutions} and the graded test classes compiled into {@code testClasses}
     * (Maven's {@code target/test-classes}, where {@code mvn test-compile} puts both trees).
     *
     * @throws IllegalStateException when a region has no graded test class, naming the region
     */
    public static Course read(Path root, Path testClasses) {
        Path solutions = root.resolve("solutions");
        Path gradeSources = root.resolve("src/grade/java");
        Map<String, List<Region>> regions = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (ExerciseGenerator.Region r : ExerciseGenerator.regions(solutions)) {
            String rel = r.file().substring(r.file().indexOf('/') + 1);   // "solutions/backprop/X.java" -> "backprop/X.java"
            Path file = solutions.resolve(rel);
            String cls = rel.substring(0, rel.length() - ".java".length()).replace('/', '.');
            int end = endLine(file, r.beginLine());
            regions.computeIfAbsent(r.id(), k -> new ArrayList<>())
                    .add(new Region(r.id(), file, cls, r.beginLine() + 1, end - 1));
            titles.putIfAbsent(r.id(), r.title());
        }
        Map<String, String> testTitles = new LinkedHashMap<>();
        Map<String, List<String>> tests = testClassesById(gradeSources, testClasses, testTitles);
        Map<String, Item> items = new TreeMap<>(Course::compareIds);
        for (Map.Entry<String, List<Region>> e : regions.entrySet()) {
            List<String> t = tests.get(e.getKey());
            if (t == null) {
                Region first = e.getValue().get(0);
                throw new IllegalStateException(root.relativize(first.file()) + ":" + (first.first() - 1)
                        + ": solution region " + e.getKey() + " has no compiled graded test class with @Exercise(id = \""
                        + e.getKey() + "\") (run mvn test-compile, or add the test under src/grade/java)");
            }
            String title = testTitles.getOrDefault(e.getKey(), titles.get(e.getKey()));
            items.put(e.getKey(), new Item(e.getKey(), title, List.copyOf(e.getValue()), t));
        }
        return new Course(root, items);
    }

    /** The project root. */
    public Path root() {
        return root;
    }

    /** All exercises, in reading order (01.2 before 01.10). */
    public List<Item> items() {
        return List.copyOf(items.values());
    }

    /**
     * The exercises a selection names: an id ({@code 01.13}), a chapter package ({@code backprop}) or a chapter
     * number ({@code 01}). An empty selection is the whole course.
     *
     * @throws IllegalArgumentException for a word that names nothing
     */
    public List<Item> select(List<String> words) {
        if (words.isEmpty()) {
            return items();
        }
        Set<Item> out = new LinkedHashSet<>();
        for (String w : words) {
            List<Item> hit = items.values().stream().filter(i -> i.id().equals(w) || i.id().startsWith(w + ".")
                    || i.regions().stream().anyMatch(r -> r.className().startsWith(w + "."))).toList();
            if (hit.isEmpty()) {
                throw new IllegalArgumentException("no exercise, chapter number or chapter package '" + w
                        + "' (exercises: " + String.join(", ", items.keySet()) + ")");
            }
            out.addAll(hit);
        }
        List<Item> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing(Item::id, Course::compareIds));
        return sorted;
    }

    /** The region of the course holding a line of a (possibly nested) class, or null. */
    public Region regionOf(String className, int line) {
        for (Item i : items.values()) {
            for (Region r : i.regions()) {
                if (r.holds(className, line)) {
                    return r;
                }
            }
        }
        return null;
    }

    /** The exercise with this id, or null. */
    public Item item(String id) {
        return items.get(id);
    }

    /** The line number of the first END SOLUTION after {@code begin} (the generator has checked there is one). */
    private static int endLine(Path file, int begin) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = begin; i < lines.size(); i++) {
            if (lines.get(i).contains(ExerciseGenerator.END)) {
                return i + 1;
            }
        }
        throw new IllegalStateException(file + ":" + begin + ": BEGIN SOLUTION has no END SOLUTION after it");
    }

    /** Exercise id → graded test classes (and their titles into {@code titles}), read from the compiled classes of the sources in {@code gradeSources}. */
    private static Map<String, List<String>> testClassesById(Path gradeSources, Path testClasses,
                                                             Map<String, String> titles) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (!Files.isDirectory(gradeSources)) {
            return out;
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.walk(gradeSources)) {
            s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> {
                String rel = gradeSources.relativize(p).toString().replace('\\', '/');
                names.add(rel.substring(0, rel.length() - ".java".length()).replace('/', '.'));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        URL url;
        try {
            url = testClasses.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[]{url}, Course.class.getClassLoader())) {
            for (String name : names) {
                Class<?> c;
                try {
                    c = Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("graded test " + name + " is not compiled in " + testClasses
                            + " (run mvn test-compile)", e);
                }
                Exercise ex = c.getAnnotation(Exercise.class);
                if (ex != null) {
                    out.computeIfAbsent(ex.id(), k -> new ArrayList<>()).add(name);
                    titles.putIfAbsent(ex.id(), ex.title());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Exercise ids in reading order: 01.2 before 01.10, 01.10 before 02.1 ({@link GradedTests#compareIds}). */
    static int compareIds(String a, String b) {
        return GradedTests.compareIds(a, b);
    }
}
