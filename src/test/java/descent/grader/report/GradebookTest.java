package descent.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class GradebookTest {

    @TempDir
    Path dir;

    private Path scores(String... lines) throws Exception {
        Path f = dir.resolve("scores.csv");
        Files.writeString(f, "student,exercise,points,max_points,status\n" + String.join("\n", lines) + "\n",
                StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void onePivotedRowPerStudentWithTotalsAndTheClassMaximum() throws Exception {
        // bob's row: 01.2 earned 3 of 5 in two tests (2 + 1); alice full marks; carol not submitted.
        Path in = scores("bob,01.10,4,4,graded", "bob,01.2,2,3,graded", "bob,01.2,1,2,graded",
                "alice,01.2,5,5,graded", "alice,01.10,4,4,graded", "carol,,,,missing: no submission");
        Table book = Gradebook.build(Gradebook.readScores(in));
        assertEquals(List.of("student", "01.2", "01.10", "total", "out_of", "status"), book.columnNames());
        Path out = dir.resolve("gradebook.csv");
        Gradebook.write(book, out);
        assertEquals(List.of("student,01.2,01.10,total,out_of,status",
                "alice,5,4,9,9,graded",
                "bob,3,4,7,9,graded",
                "carol,,,0,9,missing: no submission"), Files.readAllLines(out));
    }

    @Test
    void exerciseIdsSortNumerically() {
        assertTrue(Gradebook.compareIds("01.2", "01.10") < 0);
        assertTrue(Gradebook.compareIds("02.1", "01.15") > 0);
        assertEquals(0, Gradebook.compareIds("03.7", "03.7"));
    }

    @Test
    void quotesCellsWithCommasOrQuotes() {
        assertEquals("\"not graded: a, b\"", Gradebook.quote("not graded: a, b"));
        assertEquals("\"say \"\"hi\"\"\"", Gradebook.quote("say \"hi\""));
        assertEquals("graded", Gradebook.quote("graded"));
    }

    @Test
    void badInputNamesTheFileOrTheRow() throws Exception {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Gradebook.readScores(dir.resolve("nope.csv")));
        assertTrue(missing.getMessage().contains("nope.csv"), missing.getMessage());
        Path wrongHeader = dir.resolve("wrong.csv");
        Files.writeString(wrongHeader, "name,ex,p,m,s\nbob,01.2,1,2,graded\n");
        IllegalArgumentException header = assertThrows(IllegalArgumentException.class,
                () -> Gradebook.readScores(wrongHeader));
        assertTrue(header.getMessage().contains("wrong.csv") && header.getMessage().contains("[name, ex, p, m, s]"),
                header.getMessage());
        IllegalArgumentException over = assertThrows(IllegalArgumentException.class,
                () -> Gradebook.build(Gradebook.readScores(scores("bob,01.2,6,5,graded"))));
        assertTrue(over.getMessage().contains("bob, 01.2") && over.getMessage().contains("6.0 out of 5.0"),
                over.getMessage());
    }
}
