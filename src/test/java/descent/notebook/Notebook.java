package descent.notebook;

import descent.testing.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** An .ipynb file as the notebook checks need it: metadata and cells, numbered from 1 as in the notebook. */
record Notebook(Path path, Map<String, Object> metadata, double nbformat, List<Cell> cells) {

    /** One cell; {@code number} counts all cells from 1, markdown included. */
    record Cell(int number, String type, String source, List<Object> outputs, Object executionCount) {
    }

    /** notebooks/ at the project root (surefire runs in the project directory). */
    static Path directory() {
        return Path.of("notebooks");
    }

    /** All notebooks/*.ipynb, sorted by name. */
    static List<Path> all() {
        Path dir = directory();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Notebook read(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        Object root;
        try {
            root = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
        if (!(root instanceof Map)) {
            throw new IllegalArgumentException(path + ": not a notebook (top level is not a JSON object)");
        }
        Map<String, Object> nb = (Map<String, Object>) root;
        Object meta = nb.getOrDefault("metadata", Map.of());
        Object format = nb.get("nbformat");
        List<Cell> cells = new ArrayList<>();
        Object rawCells = nb.get("cells");
        if (rawCells instanceof List<?> list) {
            int n = 0;
            for (Object o : list) {
                Map<String, Object> c = (Map<String, Object>) o;
                n++;
                Object outputs = c.get("outputs");
                cells.add(new Cell(n, String.valueOf(c.get("cell_type")), source(c.get("source")),
                        outputs instanceof List ? (List<Object>) outputs : List.of(), c.get("execution_count")));
            }
        }
        return new Notebook(path, meta instanceof Map ? (Map<String, Object>) meta : Map.of(),
                format instanceof Double d ? d : -1, cells);
    }

    private static String source(Object src) {
        if (src instanceof List<?> parts) {
            StringBuilder b = new StringBuilder();
            parts.forEach(b::append);
            return b.toString();
        }
        return src == null ? "" : src.toString();
    }

    /** The file name, e.g. "00-tour.ipynb", for messages. */
    String name() {
        return path.getFileName().toString();
    }
}
