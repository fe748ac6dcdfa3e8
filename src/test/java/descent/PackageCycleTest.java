package descent;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Dependencies between the library's packages point one way: no package depends, directly or through others, on a
 * package that depends on it. The dependencies are read from the compiled classes' constant pools (every class a
 * class names — in a field, a signature, a call, a fully qualified name in the source — is there), so nothing
 * escapes that an import list would miss.
 */
class PackageCycleTest {

    private static final Pattern CLASS_NAME = Pattern.compile("descent/((?:[a-z0-9_]+/)*)[A-Z][A-Za-z0-9_$]*");

    /** Every constant-pool string of a class file. */
    static List<String> constantStrings(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        List<String> out = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> out.add(in.readUTF());
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++; // takes two slots
                }
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                default -> throw new IOException("unknown constant-pool tag " + tag);
            }
        }
        return out;
    }

    /** package → packages it refers to (other than itself), with one example class pair per edge. */
    static Map<String, Map<String, String>> dependencies(Path classes) throws IOException {
        Map<String, Map<String, String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/").replaceAll("\\.class$", "");
                if (!name.startsWith("descent/")) {
                    continue;
                }
                String from = name.substring(0, name.lastIndexOf('/')).replace('/', '.');
                Map<String, String> edges = graph.computeIfAbsent(from, k -> new TreeMap<>());
                for (String s : constantStrings(Files.readAllBytes(f))) {
                    Matcher m = CLASS_NAME.matcher(s);
                    while (m.find()) {
                        String to = ("descent/" + m.group(1)).replaceAll("/$", "").replace('/', '.');
                        if (!to.equals(from)) {
                            edges.putIfAbsent(to, name.replace('/', '.') + " → " + m.group().replace('/', '.'));
                        }
                    }
                }
            }
        }
        return graph;
    }

    /** The strongly connected components with more than one package (Tarjan), each sorted. */
    static List<Set<String>> cycles(Map<String, ? extends Map<String, ?>> graph) {
        Map<String, Integer> index = new HashMap<>(), low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, onStack, out, counter);
            }
        }
        return out;
    }

    private static void connect(String v, Map<String, ? extends Map<String, ?>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<Set<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        Map<String, ?> edges = graph.get(v);
        for (String w : edges == null ? Set.<String>of() : edges.keySet()) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                out.add(component);
            }
        }
    }

    @Test
    void theDetectorFindsACycleAndOnlyACycle() {
        Map<String, Map<String, String>> g = new TreeMap<>();
        g.put("a", Map.of("b", ""));
        g.put("b", Map.of("c", ""));
        g.put("c", Map.of("a", ""));
        g.put("d", Map.of("a", ""));
        assertEquals(List.of(Set.of("a", "b", "c")), cycles(g));
        g.put("c", Map.of());
        assertEquals(List.of(), cycles(g));
    }

    @Test
    void theClassFileReaderSeesFullyQualifiedReferences() throws Exception {
        // descent.plot.Figure names descent.objective.Objective only by its fully qualified name, without an import
        Path classes = Path.of(PackageCycleTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent().resolve("classes");
        Map<String, Map<String, String>> g = dependencies(classes);
        assertTrue(g.get("descent.plot").containsKey("descent.objective"), g.get("descent.plot").toString());
    }

    @Test
    void libraryPackagesHaveNoCycle() throws IOException, URISyntaxException {
        // target/classes: the library (the tests' own classes are in target/test-classes)
        Path classes = Path.of(PackageCycleTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent().resolve("classes");
        Map<String, Map<String, String>> g = dependencies(classes);
        assertTrue(g.size() > 10, "found only " + g.keySet());
        List<String> report = new ArrayList<>();
        for (Set<String> cycle : cycles(g)) {
            StringBuilder b = new StringBuilder(String.join(" ↔ ", cycle)).append(":");
            for (String p : cycle) {
                for (Map.Entry<String, String> e : g.get(p).entrySet()) {
                    if (cycle.contains(e.getKey())) {
                        b.append("\n    ").append(e.getValue());
                    }
                }
            }
            report.add(b.toString());
        }
        assertEquals(List.of(), report, "package cycles (each with one class reference per edge)");
    }
}
