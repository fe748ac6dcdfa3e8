package capstone;

import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.Random;

/** Oversized and malformed frames straight onto the channel. */
public final class Malformed {
    private Malformed() {
    }

    public static double answer(double x) throws IOException, InterruptedException {
        DataOutputStream out = new DataOutputStream(new FileOutputStream(FileDescriptor.out));
        if (x == 21) {
            out.writeInt(Integer.MAX_VALUE);   // a 2 GiB frame
            out.write(new byte[4096]);
        } else if (x == 5) {
            byte[] junk = new byte[100_000];
            new Random(1).nextBytes(junk);      // random bytes
            out.write(junk);
        } else {
            out.writeInt(60 << 20);             // promises 60 MiB, sends 1 KiB, then stalls
            out.write(new byte[1024]);
            out.flush();
            Thread.sleep(600_000);
        }
        out.flush();
        Thread.sleep(600_000);
        return x;
    }
}
