package capstone;

import java.io.File;

/** Starts processes meant to outlive the grader: a setsid'd background shell job and a nohup'd sleep. */
public final class Daemon {
    private Daemon() {
    }

    public static double answer(double x) throws Exception {
        new ProcessBuilder("setsid", "sh", "-c", "sleep @SLEEP@ </dev/null >/dev/null 2>&1 &")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
        new ProcessBuilder("nohup", "sleep", "@SLEEP@").redirectOutput(new File("/dev/null"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return x;
    }
}
