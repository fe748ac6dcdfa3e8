package descent.kernel;

import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.AbstractChannel;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.LoopThread;
import org.rapaio.jupyter.kernel.channels.MessageHandler;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.Transform;
import org.rapaio.jupyter.kernel.message.MessageType;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Starts the rapaio Java kernel (rapaio-jupyter-kernel 3.0.1) the way its {@code MainApp} does, without its two
 * start-up races. Both are in rapaio's own code (read with {@code javap -c -p} from the 3.0.1 jar; still present in
 * 3.0.4) and each leaves a kernel that never answers its first request.
 *
 * <p><b>A: the first request can be dropped.</b> {@code Channels.connect} binds the channels first (heartbeat,
 * shell and control each start a loop thread that polls its socket), and only then assigns
 * {@code handlers = new HashMap<>()} and {@code put}s the twelve message handlers. A client that connected early
 * (the notebook server, nbclient) has its {@code kernel_info_request} waiting in the socket; a shell thread that
 * reads it inside that window finds no handler, logs {@code Unhandled message: kernel_info_request} and drops it.
 * nbclient resends every second; the notebook server sends one request and waits 60 s.
 * <br>Closed here by running {@code connect} while holding the shell and control channels' monitors: their loop
 * threads take that monitor in {@code AbstractChannel.readMessage()} (a {@code synchronized} method) before they
 * look up a handler, so a message read early waits until every handler is in the table.
 *
 * <p><b>B: a loop thread can miss its own start (the permanent hang).</b> {@code LoopThread.start()} calls
 * {@code super.start()} and only afterwards sets {@code running = true}; {@code run()} is
 * {@code while (running) {...}}. A thread that reaches that test first ends at once. When the shell's thread ends,
 * the socket stays bound, TCP connects, ZeroMQ's I/O thread reads the bytes and the heartbeat answers, but nothing
 * ever reads the shell socket: the notebook shows a busy kernel forever.
 * <br>Closed here by replacing each of the three loop threads, once {@code connect} has returned: the old thread is
 * told to stop and joined (it finishes the message it is handling; messages not yet read stay in the socket), then
 * a new {@code LoopThread} with the same name, sleep and body, whose {@code running} flag is set before
 * {@code start()}, takes its place in the channel. One log line says when a thread had already ended.
 *
 * <p>The control channel's new loop body ({@link ControlLoop}) also makes Kernel > Interrupt work: rapaio's own
 * interrupt handler leaves the cell busy forever and every later cell silently not run.
 *
 * <p>These fixes use rapaio's private fields through reflection ({@link RapaioInternals}); if they are not what
 * this class expects (another rapaio version), the kernel stops at start with a message naming the field and the
 * version, instead of starting with the races open.
 *
 * <p>With the environment variable {@code DESCENT_KERNEL_LOG_DIR} set (by {@code ./descent lab}), the kernel's own
 * output (rapaio's classpath dump and its per-message log lines) goes to {@code kernel-<id>.log} in that directory
 * instead of the notebook server's terminal.
 *
 * <p>Compiled by {@code ./descent} against the kernel jar into {@code target/kernel/boot/}, kept off the
 * notebooks' classpath. Usage: {@code java -cp rapaio-jupyter-kernel.jar:boot descent.kernel.KernelMain CONNECTION_FILE}.
 */
public final class KernelMain {

    private static final Logger LOGGER = Logger.getLogger("KernelMain");

    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: KernelMain CONNECTION_FILE");
        }
        PrintStream terminal = System.err;
        redirectOutput(Path.of(args[0]));
        LogManager.getLogManager().readConfiguration(MainApp.class.getClassLoader().getResourceAsStream("logging.properties"));
        RapaioInternals internals;
        try {
            internals = RapaioInternals.find(); // a mismatch stops the kernel here, before it binds
        } catch (IllegalStateException e) {
            terminal.println(e.getMessage()); // on the notebook server's terminal too, not only in the kernel's log
            if (System.err != terminal) {
                System.err.println(e.getMessage());
            }
            System.exit(2);
            return;
        }
        String json = Files.readString(Path.of(args[0]));
        ConnectionProperties props = Transform.fromJson(json, ConnectionProperties.class);
        // the kernel rapaio's display(...) writes to (Global.display uses MainApp.kernel): a second instance here would
        // leave that one without channels, and display(...) in a cell would throw "this.channels is null"
        RapaioKernel kernel = MainApp.kernel;
        Channels channels = new Channels(props);
        AbstractChannel shell = internals.channel(channels, "shell");
        AbstractChannel control = internals.channel(channels, "control");
        ControlLoop controlLoop;
        // race A: a loop thread that has read a message waits here until every handler is in the table
        synchronized (shell) {
            synchronized (control) {
                channels.connect(kernel);
                controlLoop = new ControlLoop(control, channels, kernel, internals);
                // an interrupt read before the control thread is replaced below is handled here too, not by rapaio
                internals.handlers(channels).put(MessageType.CONTROL_INTERRUPT_REQUEST,
                        (MessageHandler<Object>) controlLoop::interrupt);
            }
        }
        // race B: each loop thread replaced by one that cannot miss its start
        replaceLoopThreads(internals, channels, controlLoop);
        channels.joinUntilClose();
        System.exit(0);
    }

    /**
     * Tells the three loop threads to stop and joins them (each finishes the message it is handling; messages not
     * yet read stay in the socket), then starts fresh ones with the same name, sleep and body (the control channel's
     * body is {@link ControlLoop}, for Kernel > Interrupt) whose running flag is set before start().
     */
    static void replaceLoopThreads(RapaioInternals internals, Channels channels, ControlLoop controlLoop)
            throws InterruptedException {
        List<AbstractChannel> owners = new ArrayList<>();
        List<LoopThread> olds = new ArrayList<>();
        for (String name : RapaioInternals.LOOP_CHANNELS) {
            AbstractChannel channel = internals.channel(channels, name);
            LoopThread old = (LoopThread) internals.get(internals.loopThreadSlot(channel), channel);
            if (old == null) {
                throw RapaioInternals.mismatch(internals.version, channel.getClass().getSimpleName()
                        + ".loopThread is null after connect()");
            }
            if (!old.isAlive()) {
                LOGGER.warning("[KernelMain]: " + channel.getClass().getSimpleName() + "'s loop thread " + old.getName()
                        + " had already ended (rapaio " + internals.version + " sets running only after start()); "
                        + "replacing it");
            }
            old.shutdown();
            owners.add(channel);
            olds.add(old);
        }
        for (int i = 0; i < olds.size(); i++) {
            LoopThread old = olds.get(i);
            AbstractChannel channel = owners.get(i);
            old.join();
            Runnable body = channel == internals.channel(channels, "control") ? controlLoop : internals.body(old);
            LoopThread fresh = internals.armedLoopThread(old.getName(), internals.sleep(old), body);
            internals.set(internals.loopThreadSlot(channel), channel, fresh);
            fresh.start();
        }
    }

    /** Sends stdout and stderr to a log file when DESCENT_KERNEL_LOG_DIR is set (before any logger binds stderr). */
    private static void redirectOutput(Path connectionFile) throws IOException {
        String dir = System.getenv("DESCENT_KERNEL_LOG_DIR");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path logs = Path.of(dir);
        Files.createDirectories(logs);
        String name = connectionFile.getFileName().toString().replaceFirst("\\.json$", "");
        if (!name.startsWith("kernel")) {
            name = "kernel-" + name;
        }
        PrintStream log = new PrintStream(new FileOutputStream(logs.resolve(name + ".log").toFile(), true), true,
                StandardCharsets.UTF_8);
        System.setOut(log);
        System.setErr(log);
    }
}
