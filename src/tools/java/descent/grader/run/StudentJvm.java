package descent.grader.run;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One running student JVM: the process, the two ends of its channel, and the first few kilobytes of its standard
 * error (the rest is read and dropped, so a student printing to the raw file descriptor cannot fill a disk or block).
 */
final class StudentJvm {

    private static final int STDERR_KEPT = 4096;

    private final Process process;
    final DataInputStream in;
    final DataOutputStream out;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private StudentJvm(Process process) {
        this.process = process;
        this.in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        Thread t = new Thread(() -> drain(process.getErrorStream()), "descent-student-stderr");
        t.setDaemon(true);
        t.start();
    }

    /** Starts {@code command} in {@code dir} with exactly the environment {@code env}. */
    static StudentJvm start(List<String> command, Map<String, String> env, Path dir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        return new StudentJvm(pb.start());
    }

    private void drain(InputStream s) {
        byte[] buf = new byte[8192];
        try (s) {
            int n;
            while ((n = s.read(buf)) >= 0) {
                synchronized (stderr) {
                    int keep = Math.max(0, Math.min(n, STDERR_KEPT - stderr.size()));
                    stderr.write(buf, 0, keep);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    /** What the JVM wrote to standard error (the first 4 KiB), for a JVM that failed to start. */
    String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8).strip();
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Kills the JVM and every process it started (in hardened mode: its whole PID namespace) and waits for it. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    /** The exit code once the process ended within {@code millis}, else null. */
    Integer exitCode(long millis) {
        try {
            if (process.waitFor(millis, TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    long pid() {
        return process.pid();
    }

    /**
     * CPU time used so far by the JVM and every process it started (user + system, from {@code /proc/PID/stat}),
     * in nanoseconds; -1 where {@code /proc} is not available.
     */
    long cpuNanos() {
        long ticks = ticks(process.pid());
        if (ticks < 0) {
            return -1;
        }
        for (ProcessHandle d : process.descendants().toList()) {
            long t = ticks(d.pid());
            if (t > 0) {
                ticks += t;
            }
        }
        return ticks * (1_000_000_000L / CLOCK_TICKS);
    }

    /** The kernel's clock ticks per second for /proc times (USER_HZ, 100 on Linux). */
    private static final long CLOCK_TICKS = 100;

    private static long ticks(long pid) {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
