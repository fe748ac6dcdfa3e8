package descent.grader.run;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How the student JVM is started: {@link #light()} as the grader's own user in a fresh temporary directory (for a
 * student grading their own work), or {@link #hardened} as an unprivileged user in its own network, PID and mount
 * namespaces (for an instructor or Gradescope). Both keep the verdict out of the student JVM; only the hardened one
 * also protects the machine.
 */
public abstract sealed class Isolation permits Isolation.Light, Isolation.Hardened {

    /** The user the hardened student JVM runs as; the grader creates it when it is missing. */
    public static final String STUDENT_USER = "descent-student";

    /** Heap of the student JVM. */
    public static final String HEAP = "-Xmx512m";

    /** What the report says about this mode. */
    public abstract String describe();

    /** Short name: {@code light} or {@code hardened}. */
    public abstract String name();

    /**
     * Prepares what the student JVM needs (agent, library, student classes) in a new directory and returns how to
     * start it.
     *
     * @param agent the directory or jar holding {@code descent.grader.student} and {@code descent.grader.wire}
     * @param library the library classpath
     * @param studentClasses the student's compiled classes
     * @param work a private directory of the grader for this run
     */
    abstract Launch prepare(Path agent, List<String> library, Path studentClasses, Path work) throws IOException;

    /** A prepared student JVM: the command, its environment, its working directory; {@link #close} removes it. */
    record Launch(List<String> command, Map<String, String> env, Path dir, Path cleanup) {
        void close() {
            if (cleanup != null) {
                deleteTree(cleanup);
            }
        }
    }

    public static Isolation light() {
        return new Light();
    }

    /**
     * Hardened isolation, or an {@link IllegalStateException} saying why it is impossible here (not root, no
     * namespaces, a tool missing, the JDK unreadable for other users).
     *
     * @param hidden directories the student JVM must not see at all (the course, the results directory, the
     *        submission): each is covered by an empty read-only file system in its mount namespace
     */
    public static Isolation hardened(List<Path> hidden) {
        return Hardened.create(hidden);
    }

    /** Why hardened isolation is impossible on this machine, or null when it is possible. */
    public static String hardenedUnavailable() {
        try {
            Hardened.create(List.of());
            return null;
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    static List<String> javaCommand(String java, List<String> classpath, String dir, List<String> mainArgs) {
        List<String> cmd = new ArrayList<>(List.of(java, HEAP, "-Xss8m", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + dir,
                "-Duser.home=" + dir, "-Duser.dir=" + dir, "-cp", String.join(File.pathSeparator, classpath),
                "descent.grader.student.StudentMain"));
        cmd.addAll(mainArgs);
        return cmd;
    }

    static Map<String, String> environment(String home) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("HOME", home);
        env.put("OPENBLAS_NUM_THREADS", "1");
        return env;
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }

    /** The student JVM as the grader's own user, in a fresh empty directory. No protection of the machine. */
    static final class Light extends Isolation {
        @Override
        public String name() {
            return "light";
        }

        @Override
        public String describe() {
            return "light: student code ran in a separate JVM as your own user (no protection of the machine; "
                    + "instructors grade with --hardened)";
        }

        @Override
        Launch prepare(Path agent, List<String> library, Path studentClasses, Path work) throws IOException {
            Path dir = Files.createDirectories(work.resolve("student-work"));
            List<String> cp = new ArrayList<>();
            cp.add(agent.toString());
            cp.addAll(library);
            return new Launch(javaCommand(javaBinary(), cp, dir.toString(), List.of(studentClasses.toString())),
                    environment(dir.toString()), dir, null);
        }
    }

    /**
     * The student JVM as user {@value #STUDENT_USER}, through {@code unshare} (new mount, network and PID namespaces),
     * {@code setpriv} (the unprivileged user, no capabilities, no new privileges) and {@code prlimit} (process and
     * file limits). In its mount namespace the world-writable directories ({@code /tmp}, {@code /var/tmp},
     * {@code /dev/shm}, ...) are read-only, the course, the results directory and the submission are covered by an
     * empty read-only file system, and its working directory is a fresh 64 MB tmpfs that only it can write. The
     * JVM is PID 1 of its PID namespace, so killing it kills every process it started, daemons included.
     */
    static final class Hardened extends Isolation {
        private static final String SCRIPT = """
                set -e
                work=$1; uid=$2; gid=$3; n=$4; shift 4
                mount --make-rprivate /
                for d in /tmp /var/tmp /dev/shm /run/lock /var/lock /dev/mqueue; do
                  if [ -d "$d" ] && [ ! -L "$d" ]; then mount --bind -o ro "$d" "$d" 2>/dev/null || true; fi
                done
                while [ "$n" -gt 0 ]; do
                  if [ -d "$1" ]; then mount -t tmpfs -o ro,size=4k,mode=0555 descent-hidden "$1"; fi
                  shift; n=$((n - 1))
                done
                mount -t tmpfs -o size=64m,mode=0700,uid="$uid",gid="$gid",nosuid,nodev descent-work "$work"
                cd "$work"
                exec setpriv --reuid="$uid" --regid="$gid" --clear-groups --no-new-privs --inh-caps=-all \\
                  --bounding-set=-all -- prlimit --nproc=1024 --nofile=1024 --core=0 --fsize=67108864 -- "$@"
                """;

        private final List<Path> hidden;
        private final int uid;
        private final int gid;
        private final Map<String, String> tools;

        private Hardened(List<Path> hidden, int uid, int gid, Map<String, String> tools) {
            this.hidden = hidden;
            this.uid = uid;
            this.gid = gid;
            this.tools = tools;
        }

        @Override
        public String name() {
            return "hardened";
        }

        @Override
        public String describe() {
            return "hardened: student code ran in a separate JVM as user " + STUDENT_USER + " (uid " + uid
                    + "), without network, in its own PID and mount namespaces (course and results not visible, "
                    + "a fresh private working directory), all its processes killed before this report";
        }

        static Hardened create(List<Path> hidden) {
            String why = refusal();
            if (why != null) {
                throw new IllegalStateException("hardened grading is not possible here: " + why);
            }
            Map<String, String> tools = new LinkedHashMap<>();
            for (String t : List.of("unshare", "setpriv", "prlimit", "mount", "sh")) {
                String p = which(t);
                if (p == null) {
                    throw new IllegalStateException("hardened grading is not possible here: the command '" + t
                            + "' is missing (util-linux provides unshare, setpriv, prlimit and mount)");
                }
                tools.put(t, p);
            }
            int[] ids = ensureUser();
            String probe = run(List.of(tools.get("unshare"), "--mount", "--net", "--pid", "--fork", "--mount-proc",
                    "--", tools.get("sh"), "-c", "mount --make-rprivate / && true"), 20);
            if (probe != null) {
                throw new IllegalStateException("hardened grading is not possible here: new network, PID and mount "
                        + "namespaces cannot be created (" + probe + "); in a container, run it with the capability "
                        + "CAP_SYS_ADMIN, or grade on a machine where `unshare --net --pid --mount` works as root");
            }
            String java = javaBinary();
            if (!readableByOthers(Path.of(java))) {
                throw new IllegalStateException("hardened grading is not possible here: the JDK " + java
                        + " cannot be read and run by other users, so the student JVM could not start as "
                        + STUDENT_USER);
            }
            List<Path> hide = new ArrayList<>();
            for (Path h : hidden) {
                Path a = h.toAbsolutePath().normalize();
                if (Files.isDirectory(a)) {
                    hide.add(a);
                }
            }
            return new Hardened(List.copyOf(hide), ids[0], ids[1], tools);
        }

        /** Why this machine cannot isolate, or null. */
        static String refusal() {
            Path status = Path.of("/proc/self/status");
            if (!Files.isReadable(status)) {
                return "it needs Linux (no /proc/self/status)";
            }
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("Uid:")) {
                        String[] f = line.substring(4).trim().split("\\s+");
                        if (!f[1].equals("0")) {
                            return "it needs root (to create the user " + STUDENT_USER + " and the namespaces), and "
                                    + "this process runs as uid " + f[1] + "; students grade their own work in light mode";
                        }
                    }
                }
            } catch (IOException e) {
                return "cannot read /proc/self/status: " + e.getMessage();
            }
            return null;
        }

        private static int[] ensureUser() {
            if (run(List.of("id", "-u", STUDENT_USER), 10) != null) {
                String err = run(List.of("useradd", "--system", "--user-group", "--no-create-home", "--home-dir",
                        "/nonexistent", "--shell", "/usr/sbin/nologin", STUDENT_USER), 30);
                if (err != null && run(List.of("id", "-u", STUDENT_USER), 10) != null) {
                    throw new IllegalStateException("hardened grading is not possible here: cannot create the user "
                            + STUDENT_USER + " (" + err + ")");
                }
            }
            int uid = Integer.parseInt(output(List.of("id", "-u", STUDENT_USER)));
            int gid = Integer.parseInt(output(List.of("id", "-g", STUDENT_USER)));
            if (uid == 0 || gid == 0) {
                throw new IllegalStateException("hardened grading is not possible here: user " + STUDENT_USER
                        + " has uid or gid 0");
            }
            return new int[]{uid, gid};
        }

        @Override
        Launch prepare(Path agent, List<String> library, Path studentClasses, Path work) throws IOException {
            Path box = Files.createTempDirectory("descent-sandbox");
            try {
                for (Path h : hidden) {
                    if (box.startsWith(h)) {
                        throw new IllegalStateException("the sandbox " + box + " would lie inside hidden " + h);
                    }
                }
                Path lib = Files.createDirectories(box.resolve("lib"));
                List<String> cp = new ArrayList<>();
                cp.add(copy(agent, box.resolve("agent")).toString());
                int i = 0;
                for (String e : library) {
                    Path src = Path.of(e);
                    String name = String.format("%03d-%s", i++, src.getFileName());
                    cp.add(copy(src, lib.resolve(name)).toString());
                }
                Path student = copy(studentClasses, box.resolve("student"));
                Path dir = Files.createDirectories(box.resolve("work"));
                openUp(box);
                List<String> cmd = new ArrayList<>(List.of(tools.get("unshare"), "--mount", "--net", "--pid",
                        "--fork", "--mount-proc", "--kill-child", "--", tools.get("sh"), "-c", SCRIPT, "descent-sandbox",
                        dir.toString(), Integer.toString(uid), Integer.toString(gid), Integer.toString(hidden.size())));
                hidden.forEach(h -> cmd.add(h.toString()));
                cmd.addAll(javaCommand(javaBinary(), cp, dir.toString(), List.of(student.toString())));
                Map<String, String> env = environment(dir.toString());
                env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
                return new Launch(cmd, env, box, box);
            } catch (IOException | RuntimeException e) {
                deleteTree(box);
                throw e;
            }
        }

        /** Copies a file or directory tree (hard links where possible: the files stay root's and read-only). */
        private static Path copy(Path src, Path dst) throws IOException {
            if (Files.isDirectory(src)) {
                try (Stream<Path> s = Files.walk(src)) {
                    for (Path p : s.toList()) {
                        Path t = dst.resolve(src.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(t);
                        } else {
                            Files.createDirectories(t.getParent());
                            Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            } else {
                Files.createDirectories(dst.getParent());
                Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
            }
            return dst;
        }

        /** Makes the sandbox readable (not writable) by everyone: directories 755, files 644. */
        private static void openUp(Path box) throws IOException {
            Set<PosixFilePermission> dirs = PosixFilePermissions.fromString("rwxr-xr-x");
            Set<PosixFilePermission> files = PosixFilePermissions.fromString("rw-r--r--");
            try (Stream<Path> s = Files.walk(box)) {
                for (Path p : s.toList()) {
                    Files.setPosixFilePermissions(p, Files.isDirectory(p) ? dirs : files);
                }
            }
        }

        static boolean readableByOthers(Path file) {
            try {
                Path p = file.toRealPath();
                if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
                for (Path d = p.getParent(); d != null; d = d.getParent()) {
                    if (!Files.getPosixFilePermissions(d).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                        return false;
                    }
                }
                return true;
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }

        private static String which(String tool) {
            for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin")) {
                Path p = Path.of(dir, tool);
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
            return null;
        }

        /** Runs a command; null when it exited 0 within the time, else what went wrong. */
        private static String run(List<String> cmd, int seconds) {
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                p.getOutputStream().close();
                byte[] out = p.getInputStream().readNBytes(4096);
                if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return String.join(" ", cmd) + " did not finish in " + seconds + " s";
                }
                return p.exitValue() == 0 ? null : new String(out, StandardCharsets.UTF_8).strip() + " (exit status "
                        + p.exitValue() + ")";
            } catch (IOException e) {
                return e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }

        private static String output(List<String> cmd) {
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                p.waitFor(10, TimeUnit.SECONDS);
                return s;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
    }
}
