package descent.grader.report;

import descent.grader.tests.GradedTests;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The class gradebook of {@code ./descent hub grade}: one row per student, one column per exercise.
 * <p>
 * Input: the long table the hub writes while it grades ({@code scores.csv}), one row per (student, exercise) with
 * the columns {@code student, exercise, points, max_points, status}. A student whose submission was missing or could
 * not be graded has a single row with an empty exercise and the reason in {@code status}. Output: a tablesaw table
 * {@code student, <exercise id>..., total, out_of, status}, exercises in id order; a student without graded
 * exercises has empty exercise cells, total 0, and the reason as status. The exercises' maximum points
 * ({@code out_of}) are taken over the whole class, so a row that lost an exercise still shows the class's maximum.
 */
public final class Gradebook {

    private static final String[] COLUMNS = {"student", "exercise", "points", "max_points", "status"};

    private Gradebook() {
    }

    /** Reads {@code scores.csv} as written by the hub (the columns of {@link #COLUMNS}, all read as given). */
    public static Table readScores(Path csv) {
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException("no scores file " + csv);
        }
        Table t;
        try {
            t = Table.read().usingOptions(CsvReadOptions.builder(csv.toFile()).columnTypes(new ColumnType[]{
                    ColumnType.STRING, ColumnType.STRING, ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.STRING})
                    .missingValueIndicator("").header(true).build());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read the scores file " + csv + ": " + e.getMessage(), e);
        }
        List<String> names = t.columnNames();
        if (!names.equals(List.of(COLUMNS))) {
            throw new IllegalArgumentException("the scores file " + csv + " has the columns " + names + ", expected "
                    + List.of(COLUMNS));
        }
        return t;
    }

    /** The wide gradebook from the long scores table (see the class comment). */
    public static Table build(Table scores) {
        Map<String, Map<String, Double>> points = new LinkedHashMap<>();
        Map<String, String> status = new LinkedHashMap<>();
        Map<String, Double> maxOf = new TreeMap<>(Gradebook::compareIds);
        for (Row r : scores) {
            String student = r.getString("student");
            if (student == null || student.isBlank()) {
                throw new IllegalArgumentException("scores row " + (r.getRowNumber() + 1) + " has no student");
            }
            Map<String, Double> row = points.computeIfAbsent(student, k -> new TreeMap<>(Gradebook::compareIds));
            status.merge(student, r.getString("status"), (a, b) -> a.equals(b) ? a : a + "; " + b);
            String ex = r.getString("exercise");
            if (ex == null || ex.isBlank()) {
                continue;
            }
            double p = r.getDouble("points");
            double m = r.getDouble("max_points");
            if (Double.isNaN(p) || Double.isNaN(m) || p < 0 || m < 0 || p > m) {
                throw new IllegalArgumentException("scores row " + (r.getRowNumber() + 1) + " (" + student + ", "
                        + ex + "): points " + p + " out of " + m + " are not 0 <= points <= max");
            }
            row.merge(ex, p, Double::sum);
            maxOf.merge(ex, m, Math::max);
        }
        List<String> students = new ArrayList<>(new TreeSet<>(points.keySet()));
        Table book = Table.create("gradebook");
        StringColumn who = StringColumn.create("student");
        students.forEach(who::append);
        book.addColumns(who);
        double outOf = 0;
        for (Map.Entry<String, Double> e : maxOf.entrySet()) {
            DoubleColumn c = DoubleColumn.create(e.getKey());
            for (String s : students) {
                Double p = points.get(s).get(e.getKey());
                if (p == null) {
                    c.appendMissing();
                } else {
                    c.append(p);
                }
            }
            book.addColumns(c);
            outOf += e.getValue();
        }
        DoubleColumn total = DoubleColumn.create("total");
        DoubleColumn max = DoubleColumn.create("out_of");
        StringColumn st = StringColumn.create("status");
        for (String s : students) {
            total.append(points.get(s).values().stream().mapToDouble(Double::doubleValue).sum());
            max.append(outOf);
            st.append(status.get(s));
        }
        book.addColumns(total, max, st);
        return book;
    }

    /** Writes the gradebook as CSV (whole numbers without a decimal point). */
    public static void write(Table book, Path csv) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", book.columnNames().stream().map(Gradebook::quote).toList())).append('\n');
        for (Row r : book) {
            List<String> cells = new ArrayList<>();
            for (String c : book.columnNames()) {
                if (book.column(c) instanceof DoubleColumn) {
                    double v = r.getDouble(c);
                    cells.add(Double.isNaN(v) ? "" : v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
                } else {
                    cells.add(quote(r.getString(c)));
                }
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        ResultsFile.write(csv, sb.toString());
    }

    static String quote(String s) {
        if (s == null) {
            return "";
        }
        return s.matches("[^,\"\\r\\n]*") ? s : '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Orders exercise ids "01.2" < "01.10" < "02.1" numerically, part by part ({@link GradedTests#compareIds}). */
    static int compareIds(String a, String b) {
        return GradedTests.compareIds(a, b);
    }

    /** {@code Gradebook SCORES.csv GRADEBOOK.csv}: exit 0 written, 2 bad input (the message names the file). */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: Gradebook SCORES.csv GRADEBOOK.csv");
            System.exit(2);
        }
        try {
            Table book = build(readScores(Path.of(args[0])));
            write(book, Path.of(args[1]));
            System.out.println("wrote " + args[1] + " (" + book.rowCount() + " students, "
                    + (book.columnCount() - 4) + " exercises)");
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }
}
