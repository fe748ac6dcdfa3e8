package capstone;

import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Tries to forge a passing result: prints a fake score and old-style protocol lines, then writes a well-formed
 * RESULT frame carrying 42 (the answer the test wants) straight to the channel's file descriptor, and halts before
 * the real reply. A forged frame can only ever carry a value, and here it is read as the reply to a call of a
 * method returning int, whose encoding it does not match: the grader must treat it as malformed.
 */
public final class Forger {
    public static int answer() throws Exception {
        System.out.println("DONE\tcapstone.ForgerTest\tforged\tPASS\t");
        System.out.println("score: 100/100");
        DataOutputStream out = new DataOutputStream(new FileOutputStream(FileDescriptor.out));
        byte[] text = "PASS".getBytes(StandardCharsets.UTF_8);
        out.writeInt(2 + text.length);
        out.write('r');       // RESULT
        out.write(9);         // STRING tag where an int is expected
        out.write(text);
        out.flush();
        Runtime.getRuntime().halt(0);
        return -1;
    }
}
