package descent.kernel;

import org.rapaio.jupyter.kernel.channels.AbstractChannel;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.MessageHandler;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControl;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ControlInterruptReply;
import org.rapaio.org.zeromq.ZMQ;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The control channel's loop body: rapaio 3.0.1's own, except for {@code interrupt_request} (Kernel > Interrupt).
 *
 * <p>rapaio handles an interrupt on the control thread like any request: it sets the kernel's one current message
 * id to the interrupt's (so the running cell's later output and reply carry the interrupt as parent, and the
 * notebook never sees the cell end), runs the shared stack of after-actions (which, during a running cell, holds
 * that cell's: its idle status, the restoring of {@code System.out}, the clearing of the message id), answers on
 * the shell socket instead of the control socket, and shuts JShell's executor down, so every later cell returns at
 * once without running or printing anything. Measured with rapaio's handler: after an interrupt the cell stays
 * busy and no later cell runs.
 *
 * <p>Here an interrupt touches none of that. It answers on the control socket, then, until the running cell's
 * request ends, interrupts each run of the cell's code ({@link Thread#interrupt()}: {@code Thread.sleep},
 * {@code wait}, blocking I/O and {@code Process.waitFor} end with an {@link InterruptedException}); a run still going
 * one second later (a loop that never sleeps or checks {@link Thread#interrupted()}) is stopped with
 * {@link Thread#stop()}, which is how JShell's own local execution stops code on Java 17, after a line in the cell
 * says so. Java 20 and later refuse {@code Thread.stop()}: the cell then ends (rapaio's future is cancelled) while
 * its computation goes on in the background, and the cell says that too. Every other control message goes through
 * rapaio's handlers exactly as in rapaio's own loop body.
 */
final class ControlLoop implements Runnable {

    private static final Logger LOGGER = Logger.getLogger("ControlChannel");
    static final long GRACE_MILLIS = 1000;
    /** How long an interrupt keeps watching a cell that does not end (a snippet still compiling, say). */
    static final long WATCH_LIMIT_MILLIS = 60_000;

    private final AbstractChannel control;
    private final Channels channels;
    private final ZMQ.Poller poller;
    private final RapaioKernel kernel;
    private final RapaioInternals internals;

    ControlLoop(AbstractChannel control, Channels channels, RapaioKernel kernel, RapaioInternals internals) {
        this.control = control;
        this.channels = channels;
        this.kernel = kernel;
        this.internals = internals;
        this.poller = internals.poller(control);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void run() {
        if (poller.poll(0) <= 0) {
            return;
        }
        Message<?> message = control.readMessage();
        if (message == null) {
            return; // the channel was closed
        }
        MessageType<?> type = message.header().type();
        if (MessageType.CONTROL_INTERRUPT_REQUEST.equals(type)) {
            LOGGER.info("[ControlChannel]: Handling message: " + type.name() + " (descent.kernel.ControlLoop)");
            interrupt(message);
            return;
        }
        MessageHandler handler = channels.getHandler(type);
        if (handler == null) {
            LOGGER.severe("[ControlChannel]: Unhandled message: " + type.name());
            return;
        }
        LOGGER.info("[ControlChannel]: Handling message: " + type.name());
        channels.setMsgId(message.getId());
        try {
            handler.handle(message);
        } catch (Exception e) {
            LOGGER.severe("[ControlChannel]: Exception handling " + type.name() + ". " + e.getClass().getSimpleName()
                    + ": " + e.getLocalizedMessage());
        } finally {
            channels.runAfterActions();
        }
        if (channels.isMarkedForShutdown()) {
            LOGGER.info("[ControlChannel]:  shutting down connection marked for shutdown.");
            channels.close();
        }
    }

    /**
     * Kernel > Interrupt: answers on the control socket, then watches the request the kernel is running (on a thread
     * of its own, so the control channel stays free) until that request ends: a cell runs as several snippets, and
     * between two of them (while JShell compiles the next) no thread runs the cell's code, so one look is not enough.
     * Each snippet run seen is interrupted; one still running {@link #GRACE_MILLIS} later is stopped.
     */
    void interrupt(Message<?> request) {
        control.sendMessage(new Message<>(request.getId(), MessageType.CONTROL_INTERRUPT_REPLY, new ControlInterruptReply()));
        Object cell = internals.currentRequest(channels);
        if (cell == null) {
            LOGGER.info("[ControlChannel]: interrupt: no cell is running");
            return;
        }
        Thread watcher = new Thread(() -> stopCell(cell), "descent-interrupt");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Interrupts, and after the grace period stops, every snippet run of the cell until its request ends. */
    private void stopCell(Object cell) {
        Map<String, Long> seen = new HashMap<>(); // snippet run (thread + snippet class) -> when it was interrupted
        int interrupted = 0;
        int stopped = 0;
        boolean told = false;
        long giveUp = System.nanoTime() + WATCH_LIMIT_MILLIS * 1_000_000L;
        while (internals.currentRequest(channels) == cell && System.nanoTime() < giveUp) {
            long now = System.nanoTime();
            for (Map.Entry<Thread, String> run : cellRuns().entrySet()) {
                Thread t = run.getKey();
                String key = t.getId() + " " + run.getValue();
                Long since = seen.get(key);
                if (since == null) {
                    seen.put(key, now);
                    t.interrupt();
                    interrupted++;
                } else if (since != Long.MIN_VALUE && now - since > GRACE_MILLIS * 1_000_000L) {
                    seen.put(key, Long.MIN_VALUE);
                    if (!told) {
                        channels.writeToStdErr("Kernel > Interrupt: the cell did not stop within " + GRACE_MILLIS / 1000
                                + " s of Thread.interrupt() (a loop that never sleeps, waits or checks "
                                + "Thread.interrupted()), so its thread is stopped with Thread.stop(), as JShell stops "
                                + "code on Java 17. Objects the cell was changing may be half-updated: run the cells "
                                + "that build them again.\n");
                        told = true;
                    }
                    if (!stop(t)) {
                        RapaioExecutionControl execution = internals.executionControl(kernel);
                        if (execution != null) {
                            execution.interrupt(); // the cell ends; its thread goes on
                        }
                        LOGGER.warning("[ControlChannel]: interrupt: Thread.stop() is not supported on Java "
                                + Runtime.version().feature() + "; the cell's thread " + t.getName() + " goes on");
                        return;
                    }
                    stopped++;
                }
            }
            sleepQuietly(20);
        }
        LOGGER.info("[ControlChannel]: interrupt: " + interrupted + " snippet run(s) interrupted, " + stopped
                + " stopped after " + GRACE_MILLIS + " ms");
    }

    /** Thread.stop(), or false (after telling the cell) where Java no longer allows it (20 and later). */
    @SuppressWarnings("deprecation")
    private boolean stop(Thread t) {
        try {
            t.stop();
            return true;
        } catch (UnsupportedOperationException e) {
            channels.writeToStdErr("Kernel > Interrupt: this Java (" + Runtime.version().feature() + ") cannot stop "
                    + "a thread from outside (Thread.stop() was removed in Java 20), so the cell's computation goes "
                    + "on in the background, using a core, until it ends. The notebook can run other cells "
                    + "meanwhile; Kernel > Restart stops it.\n");
            return false;
        }
    }

    /** Threads running a cell's code, each with the snippet it runs (a class REPL.$JShell$N of JShell's). */
    static Map<Thread, String> cellRuns() {
        Map<Thread, String> out = new HashMap<>();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            String snippet = null;
            for (StackTraceElement f : e.getValue()) {
                if (f.getClassName().startsWith("REPL.")) {
                    snippet = f.getClassName(); // the outermost snippet frame wins: it is the one that was invoked
                }
            }
            if (snippet != null) {
                out.put(e.getKey(), snippet);
            }
        }
        return out;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
