package descent.grader.run;

import java.lang.reflect.Method;
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
 * Runs one graded test method through the JUnit Platform in the grader's own JVM, on a thread of its own, with a
 * deadline: when the test runs out of time the session kills the student JVM (so a pending call fails at once); a
 * test thread that still does not finish is abandoned (interrupted, then stopped). Every {@link Throwable} ends as a
 * failure message; none escapes.
 */
final class TestExecutor {

    /** Seconds a test may still take after its student JVM was killed for the timeout. */
    private static final long GRACE_MILLIS = 5_000;

    private Launcher launcher = LauncherFactory.create();

    /** A test's verdict as JUnit saw it. */
    record Verdict(boolean passed, String message) {
    }

    /**
     * Runs {@code method} of {@code testClass}, giving it {@code timeoutNanos} of computing time (its own thread and
     * the student JVM, where the CPU clocks can be read) and three times that on the wall clock, not counting the time
     * the session spent starting student JVMs; with {@code wallClockOnly} (the run's budget is running out), the
     * timeout is wall-clock time.
     */
    Verdict run(Class<?> testClass, Method method, long timeoutNanos, String timeoutMessage, boolean wallClockOnly,
            Session session) {
        Listener listener = new Listener();
        Thread worker = new Thread(() -> {
            try {
                LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                        .selectors(DiscoverySelectors.selectMethod(testClass, method))
                        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                        .configurationParameter("junit.jupiter.execution.timeout.mode", "disabled")
                        .build();
                launcher.execute(request, listener);
            } catch (Throwable t) {
                listener.engineFailure = describe(t);
            }
        }, "descent-graded-test");
        worker.setDaemon(true);
        worker.setContextClassLoader(testClass.getClassLoader());
        long start = System.nanoTime();
        worker.start();
        boolean timedOut = false;
        // The timeout counts computing time (this test's thread and the student JVM), so a loaded machine does not
        // fail slow-but-right code; code that waits or sleeps is stopped by the wall clock at three times the timeout.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpuClock = !wallClockOnly && threads.isThreadCpuTimeSupported() && session.studentCpuNanos() >= 0;
        long wallLimit = cpuClock ? 3 * timeoutNanos : timeoutNanos;
        long studentCpu = 0;
        long lastStudentCpu = Math.max(0, session.studentCpuNanos());
        int jvmStarts = session.jvmStarts();
        try {
            while (worker.isAlive()) {
                long wall = System.nanoTime() - start - (wallClockOnly ? 0 : session.startupNanos());
                long cpu = 0;
                if (cpuClock) {
                    long s = session.studentCpuNanos();
                    if (session.jvmStarts() != jvmStarts) { // a new student JVM: count it from its start
                        jvmStarts = session.jvmStarts();
                        lastStudentCpu = 0;
                    }
                    if (s >= lastStudentCpu) {
                        studentCpu += s - lastStudentCpu;
                        lastStudentCpu = s;
                    }
                    cpu = Math.max(0, threads.getThreadCpuTime(worker.getId())) + studentCpu;
                }
                String why = null;
                if (timeoutNanos < 0 || (cpuClock && cpu > timeoutNanos) || (!cpuClock && wall > timeoutNanos)) {
                    why = timeoutMessage;
                } else if (wall > wallLimit) {
                    why = cpuClock ? waitMessage(wallLimit, timeoutMessage) : timeoutMessage;
                }
                if (why != null) {
                    timedOut = true;
                    session.timeout(why);
                    worker.join(GRACE_MILLIS);
                    if (worker.isAlive()) {
                        abandon(worker);
                    }
                    break;
                }
                worker.join(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.timeout("grading was interrupted");
            abandon(worker);
            return new Verdict(false, "grading was interrupted");
        }
        if (timedOut && worker.isAlive()) {
            return new Verdict(false, timeoutMessage);
        }
        if (listener.testFailure != null) {
            return new Verdict(false, listener.testFailure);
        }
        if (listener.tests > 0) {
            return new Verdict(true, "");
        }
        if (listener.containerFailure != null) {
            return new Verdict(false, listener.containerFailure);
        }
        if (listener.engineFailure != null) {
            return new Verdict(false, listener.engineFailure);
        }
        return new Verdict(false, listener.skipped != null ? "skipped: " + listener.skipped : "the test did not run");
    }

    /** The message for code stopped by the wall clock: it waited or slept rather than computed. */
    private static String waitMessage(long wallNanos, String timeoutMessage) {
        return "timed out: no answer within " + Math.round(wallNanos / 1e9) + " s (code that waits or sleeps, or an "
                + "endless loop on a busy machine)";
    }

    @SuppressWarnings({"deprecation", "removal"})
    private void abandon(Thread worker) {
        worker.interrupt();
        try {
            worker.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            try {
                worker.stop(); // trusted test code stuck in its own loop; the thread holds nothing we need
            } catch (UnsupportedOperationException e) {
                // newer JDKs: the daemon thread is left behind
            }
        }
        launcher = LauncherFactory.create(); // the old one may still be in use by the abandoned thread
    }

    private static final class Listener implements TestExecutionListener {
        volatile int tests;
        volatile String testFailure;
        volatile String containerFailure;
        volatile String engineFailure;
        volatile String skipped;

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
            String message = t.map(TestExecutor::describe).orElse(result.getStatus().toString());
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
     * message and the first frame outside the JDK, JUnit and the grader (usually the student's line).
     */
    static String describe(Throwable t) {
        if (t instanceof StudentFailure) {
            return t.getMessage();
        }
        if (t instanceof AssertionError && t.getMessage() != null) {
            return t.getMessage();
        }
        if (t instanceof UnsupportedOperationException && t.getMessage() != null
                && t.getMessage().contains("is not implemented yet")) {
            return t.getMessage();
        }
        StringBuilder sb = new StringBuilder();
        if (t instanceof StudentException) {
            sb.append(t.getMessage());
        } else {
            sb.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                sb.append(": ").append(t.getMessage());
            }
        }
        for (StackTraceElement e : t.getStackTrace()) {
            String c = e.getClassName();
            if (!(c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.") || c.startsWith("org.junit.")
                    || c.startsWith("descent.grade.") || c.startsWith("descent.grader."))) {
                sb.append(" at ").append(e);
                break;
            }
        }
        if (!(t instanceof StudentException) && t.getCause() != null && t.getCause() != t) {
            sb.append("; caused by ").append(t.getCause().getClass().getSimpleName()).append(": ")
                    .append(t.getCause().getMessage());
        }
        return sb.toString();
    }
}
