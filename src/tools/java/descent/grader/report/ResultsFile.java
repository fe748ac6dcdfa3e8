package descent.grader.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes report files the way Gradescope must find them: whole or not at all. Each file is written to a temporary
 * file in the same directory and renamed over the old one, so a reader (or a grader killed halfway) never sees half
 * a file. The grader writes a zero-score {@code results.json} before it starts and replaces it at the end.
 */
public final class ResultsFile {

    private ResultsFile() {
    }

    /** Replaces {@code file} by {@code content} atomically, creating its directory if needed. */
    public static void write(Path file, String content) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".descent-", ".tmp");
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gradescope results with score 0 and {@code why} as the output: what stands until grading finishes. */
    public static String zero(String why) {
        return "{\n  \"score\": 0,\n  \"output\": " + GradeReport.json(why) + ",\n  \"tests\": []\n}\n";
    }
}
