package fx;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Tries to forge a passing result: prints one, appends one to every protocol file the grading JVM was given, then
 * stops the JVM before the real result can be written. Without the grader's nonce the fake line would be the only
 * result for this test.
 */
public class Forger {
    public static int answer() {
        String fake = "DONE\tfx.ForgerTest\tforged\tPASS\t\n";
        System.out.print(fake);
        System.out.println("score: 100/100");
        String[] args = ProcessHandle.current().info().arguments().orElse(new String[0]);
        for (String a : args) {
            try {
                Path p = Path.of(a);
                if (Files.isRegularFile(p) && a.contains("protocol")) {
                    Files.writeString(p, fake + "\t" + fake, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                }
            } catch (Exception e) {
                // keep trying the others
            }
        }
        Runtime.getRuntime().halt(0);
        return -1;
    }
}
