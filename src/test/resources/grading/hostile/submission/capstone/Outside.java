package capstone;

import java.nio.file.Files;
import java.nio.file.Path;

/** Writes files outside its working directory; reports which writes worked. */
public final class Outside {
    private Outside() {
    }

    public static double answer(double x) {
        String[] targets = {"/tmp/descent-hostile-@MARKER@", "/var/tmp/descent-hostile-@MARKER@",
            "/dev/shm/descent-hostile-@MARKER@", "@COURSE@/pwned-@MARKER@", "@RESULTS_DIR@/pwned-@MARKER@",
            "/root/pwned-@MARKER@", "/etc/pwned-@MARKER@", "/work/pwned-@MARKER@", "inside-@MARKER@"};
        for (String t : targets) {
            try {
                Files.writeString(Path.of(t), "pwned");
                System.out.println("wrote " + t);
            } catch (Exception e) {
                System.out.println("could not write " + t);
            }
        }
        return x;
    }
}
