package capstone;

import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Forges the protocol: prints a fake score and the old grader's "PASS" lines, then writes a well-formed THROWN frame
 * straight to the channel claiming the test was aborted (JUnit would report an aborted test as skipped, not failed),
 * and halts before the real reply.
 */
public final class Forge {
    private Forge() {
    }

    public static double answer(double x) throws IOException {
        System.out.println("DONE\tcapstone.ForgeTest\tanswers\tPASS\t");
        System.out.println("score: 100/100");
        DataOutputStream out = new DataOutputStream(new FileOutputStream(FileDescriptor.out));
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        DataOutputStream f = new DataOutputStream(b);
        f.write('x');
        utf(f, "org.opentest4j.TestAbortedException");
        utf(f, "assumption failed: skip this test");
        f.write(1);
        f.write(0);
        utf(f, "");
        utf(f, "");
        out.writeInt(b.size());
        out.write(b.toByteArray());
        out.flush();
        Runtime.getRuntime().halt(0);
        return 0;
    }

    private static void utf(DataOutputStream f, String s) throws IOException {
        byte[] u = s.getBytes(StandardCharsets.UTF_8);
        f.writeInt(u.length);
        f.write(u);
    }
}
