package descent.mutation.pit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The solution regions PIT may mutate and, for each, the graded test classes allowed to kill its mutants. Written by
 * {@code descent.mutation.MutationGate} to the file named by the system property {@code descent.mutation.plan}, one
 * tab-separated record per line:
 * <pre>
 *   region   outerClass  firstLine  lastLine  exerciseId  testClass[,testClass...]
 *   isolate  outerClass      (used by another exercise's tests or solutions: mutate it in a JVM of its own)
 * </pre>
 */
final class RegionPlan {

    static final String PROPERTY = "descent.mutation.plan";

    record Region(int first, int last, String exercise, Set<String> tests) {
    }

    private static RegionPlan loaded;

    private final Map<String, List<Region>> byClass = new HashMap<>();
    private final Set<String> isolated = new HashSet<>();

    private RegionPlan(Path file) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f[0].equals("isolate")) {
                    isolated.add(f[1]);
                } else if (f[0].equals("region")) {
                    byClass.computeIfAbsent(f[1], k -> new ArrayList<>()).add(new Region(Integer.parseInt(f[2]),
                            Integer.parseInt(f[3]), f[4], Set.of(f[5].split(","))));
                } else {
                    throw new IllegalStateException(file + ": unknown record '" + f[0] + "'");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the mutation plan " + file, e);
        }
    }

    /** The plan named by {@value #PROPERTY}; fails loudly when the property is missing. */
    static synchronized RegionPlan get() {
        if (loaded == null) {
            String file = System.getProperty(PROPERTY);
            if (file == null) {
                throw new IllegalStateException("system property " + PROPERTY + " is not set: run PIT through "
                        + "./descent mutants, which writes the plan");
            }
            loaded = new RegionPlan(Path.of(file));
        }
        return loaded;
    }

    /** Whether the mutants of {@code className} (or of its outer class) need a JVM of their own. */
    boolean isolated(String className) {
        int dollar = className.indexOf('$');
        return isolated.contains(dollar < 0 ? className : className.substring(0, dollar));
    }

    /** The region holding {@code line} of {@code className} (a nested class counts as its outer class), or null. */
    Region find(String className, int line) {
        int dollar = className.indexOf('$');
        String outer = dollar < 0 ? className : className.substring(0, dollar);
        for (Region r : byClass.getOrDefault(outer, List.of())) {
            if (line >= r.first() && line <= r.last()) {
                return r;
            }
        }
        return null;
    }
}
