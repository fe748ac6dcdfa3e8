package descent.grader;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The child JVM of a grading run: runs the listed test methods one by one through the JUnit Platform launcher and
 * appends one line per event to a protocol file, which the parent ({@link Grader}) reads. Student code runs only
 * here; if it exits, halts or hangs the JVM, the parent sees which test was running and starts a new child for the
 * rest.
 * <p>
 * Protocol lines (tab-separated, each prefixed by a nonce read from stdin, so output of the graded code cannot pass
 * for a result): {@code START class method}, {@code DONE class method PASS|FAIL message printed}, {@code SHUTDOWN}
 * (from a shutdown hook: the JVM is exiting through {@code System.exit}) and {@code END}. {@code printed} is what
 * the test wrote to System.out and System.err, cut at {@link #OUTPUT_LIMIT} bytes.
 * <p>
 * Usage: {@code GradeChild PROTOCOL_FILE PLAN_FILE}, where the plan holds one {@code class#method} per line.
 */
public final class GradeChild {

    /** At most this many characters of what a test prints are kept for the report. */
    public static final int OUTPUT_LIMIT = 8192;

    private static OutputStream protocol;
    private static String nonce;

    private GradeChild() {
    }

    public static void main(String[] args) throws IOException {
        nonce = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (nonce == null) {
            nonce = "";
        }
        System.setIn(new java.io.ByteArrayInputStream(new byte[0]));
        protocol = new FileOutputStream(args[0], true);
        List<String> plan = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> write("SHUTDOWN")));
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        Launcher launcher = LauncherFactory.create();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (String entry : plan) {
            if (entry.isBlank()) {
                continue;
            }
            int hash = entry.indexOf('#');
            String cls = entry.substring(0, hash);
            String method = entry.substring(hash + 1);
            write("START\t" + cls + "\t" + method);
            CappedOutput captured = new CappedOutput();
            PrintStream printed = new PrintStream(captured, true, StandardCharsets.UTF_8);
            System.setOut(printed);
            System.setErr(printed);
            String failure;
            try {
                failure = runOne(launcher, loader, cls, method);
            } catch (Throwable t) {
                failure = describe(t);
            } finally {
                System.setOut(realOut);
                System.setErr(realErr);
            }
            write("DONE\t" + cls + "\t" + method + "\t" + (failure == null ? "PASS" : "FAIL") + "\t"
                    + escape(failure == null ? "" : failure) + "\t" + escape(captured.text()));
        }
        write("END");
        protocol.close();
        // halt, not exit: a non-daemon thread left running by graded code must not keep this JVM alive.
        Runtime.getRuntime().halt(0);
    }

    /** Runs one test method; null when it passed, else the failure message. */
    private static String runOne(Launcher launcher, ClassLoader loader, String cls, String methodName)
            throws ClassNotFoundException {
        Class<?> c = Class.forName(cls, false, loader);
        Method method = null;
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(methodName)) {
                method = m;
                break;
            }
        }
        if (method == null) {
            return "test method " + methodName + " not found in " + cls;
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectMethod(c, method))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .build();
        Listener listener = new Listener();
        launcher.execute(request, listener);
        if (listener.testFailure != null) {
            return listener.testFailure;
        }
        if (listener.tests > 0) {
            return null;
        }
        if (listener.containerFailure != null) {
            return listener.containerFailure;
        }
        return listener.skipped != null ? "skipped: " + listener.skipped : "the test did not run";
    }

    private static final class Listener implements TestExecutionListener {
        int tests;
        String testFailure;
        String containerFailure;
        String skipped;

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            skipped = reason;
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) {
                tests++;
            }
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                return;
            }
            Optional<Throwable> t = result.getThrowable();
            String message = t.map(GradeChild::describe).orElse(result.getStatus().toString());
            if (id.isTest()) {
                if (testFailure == null) {
                    testFailure = message;
                }
            } else if (containerFailure == null) {
                containerFailure = message;
            }
        }
    }

    /**
     * A failure as a student should read it: an assertion's own message; for anything else the exception, its
     * message and the first stack frame outside the JDK and JUnit (usually the student's line).
     */
    static String describe(Throwable t) {
        if (t instanceof AssertionError && t.getMessage() != null) {
            return t.getMessage();
        }
        if (t instanceof UnsupportedOperationException && t.getMessage() != null
                && t.getMessage().endsWith("is not implemented yet")) {
            return t.getMessage() + " (the stub still throws: write your code at // YOUR CODE HERE)";
        }
        StringBuilder sb = new StringBuilder(t.getClass().getSimpleName());
        if (t instanceof StackOverflowError) {
            sb.append(" (endless recursion?)");
        } else if (t instanceof OutOfMemoryError) {
            sb.append(" (more than the 512 MB the grader allows)");
        } else if (t.getMessage() != null) {
            sb.append(": ").append(t.getMessage());
        }
        for (StackTraceElement e : t.getStackTrace()) {
            String c = e.getClassName();
            if (!(c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.") || c.startsWith("org.junit.")
                    || c.startsWith("descent.grade.") || c.startsWith("descent.grader."))) {
                sb.append(" at ").append(e);
                break;
            }
        }
        if (t.getCause() != null && t.getCause() != t && !(t instanceof AssertionError)) {
            sb.append("; caused by ").append(t.getCause().getClass().getSimpleName()).append(": ")
                    .append(t.getCause().getMessage());
        }
        return sb.toString();
    }

    /** Keeps the first {@link #OUTPUT_LIMIT} bytes written to it, so endless printing costs no memory. */
    private static final class CappedOutput extends OutputStream {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private long dropped;

        @Override
        public synchronized void write(int b) {
            if (kept.size() < OUTPUT_LIMIT) {
                kept.write(b);
            } else {
                dropped++;
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int keep = Math.max(0, Math.min(len, OUTPUT_LIMIT - kept.size()));
            kept.write(b, off, keep);
            dropped += len - keep;
        }

        synchronized String text() {
            String s = kept.toString(StandardCharsets.UTF_8);
            return dropped == 0 ? s : s + "\n… (" + dropped + " more bytes not shown)";
        }
    }

    static String escape(String s) {
        if (s.length() > OUTPUT_LIMIT + 200) {
            s = s.substring(0, OUTPUT_LIMIT + 200) + "…";
        }
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n == 't' ? '\t' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static synchronized void write(String line) {
        try {
            protocol.write((nonce + "\t" + line + "\n").getBytes(StandardCharsets.UTF_8));
            protocol.flush();
        } catch (IOException | RuntimeException e) {
            // Nothing to do: the parent treats a missing line as a crash.
        }
    }
}
