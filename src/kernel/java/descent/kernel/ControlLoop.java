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

import java.util.ArrayList;
import java.util.List;
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
 * <p>Here an interrupt touches none of that. It answers on the control socket, then interrupts the threads that run
 * the cell's code ({@link Thread#interrupt()}: {@code Thread.sleep}, {@code wait}, blocking I/O and
 * {@code Process.waitFor} end with an {@link InterruptedException}); a thread still in the cell's code one second
 * later (a loop that never sleeps or checks {@link Thread#interrupted()}) is stopped with {@link Thread#stop()},
 * which is how JShell's own local execution stops code on Java 17, after a line in the cell says so. Java 20 and
 * later refuse {@code Thread.stop()}: the cell then ends (rapaio's future is cancelled) while its computation goes
 * on in the background, and the cell says that too. Every other control message goes through rapaio's handlers
 * exactly as in rapaio's own loop body.
 */
final class ControlLoop implements Runnable {

    private static final Logger LOGGER = Logger.getLogger("ControlChannel");
    static final long GRACE_MILLIS = 1000;

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

    /** Kernel > Interrupt: see the class comment. */
    void interrupt(Message<?> request) {
        control.sendMessage(new Message<>(request.getId(), MessageType.CONTROL_INTERRUPT_REPLY, new ControlInterruptReply()));
        List<Thread> running = cellThreads();
        for (Thread t : running) {
            t.interrupt();
        }
        long deadline = System.nanoTime() + GRACE_MILLIS * 1_000_000L;
        List<Thread> survivors = running;
        while (!survivors.isEmpty() && System.nanoTime() < deadline) {
            sleepQuietly(20);
            List<Thread> still = cellThreads();
            survivors = survivors.stream().filter(still::contains).toList();
        }
        if (!survivors.isEmpty()) {
            stop(survivors);
        }
        RapaioExecutionControl execution = internals.executionControl(kernel);
        if (execution != null) {
            execution.interrupt(); // cancels rapaio's futures: the shell thread stops waiting for the cell
        }
        LOGGER.info("[ControlChannel]: interrupt: " + running.size() + " cell thread(s) interrupted, "
                + survivors.size() + " still running after " + GRACE_MILLIS + " ms");
    }

    @SuppressWarnings("deprecation")
    private void stop(List<Thread> survivors) {
        try {
            channels.writeToStdErr("Kernel > Interrupt: the cell did not stop within " + GRACE_MILLIS / 1000
                    + " s of Thread.interrupt() (a loop that never sleeps, waits or checks Thread.interrupted()), "
                    + "so its thread is stopped with Thread.stop(), as JShell stops code on Java 17. Objects the cell "
                    + "was changing may be half-updated: run the cells that build them again.\n");
            for (Thread t : survivors) {
                t.stop();
            }
        } catch (UnsupportedOperationException e) {
            channels.writeToStdErr("Kernel > Interrupt: this Java (" + Runtime.version().feature() + ") cannot stop "
                    + "a thread from outside (Thread.stop() was removed in Java 20), so the cell's computation goes "
                    + "on in the background, using a core, until it ends. The notebook can run other cells "
                    + "meanwhile; Kernel > Restart stops it.\n");
            LOGGER.warning("[ControlChannel]: Thread.stop() unsupported: " + e);
        }
    }

    /** Live threads that are running a cell's code (a frame of one of JShell's REPL.$JShell$N classes). */
    static List<Thread> cellThreads() {
        List<Thread> out = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            for (StackTraceElement f : e.getValue()) {
                if (f.getClassName().startsWith("REPL.")) {
                    out.add(e.getKey());
                    break;
                }
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
