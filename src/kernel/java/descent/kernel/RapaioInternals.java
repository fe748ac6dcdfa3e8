package descent.kernel;

import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.AbstractChannel;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.LoopThread;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.java.JavaEngine;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControl;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControlProvider;
import org.rapaio.jupyter.kernel.message.MessageId;
import org.rapaio.org.zeromq.ZMQ;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Properties;

/**
 * The private parts of rapaio-jupyter-kernel that {@link KernelMain} relies on, each looked up and checked once,
 * before the kernel starts. If one is missing or has another type (another rapaio version), {@link #find()} throws
 * an {@link IllegalStateException} naming the field and the version, so the kernel stops at start instead of
 * starting with its races open.
 */
final class RapaioInternals {

    /** The rapaio version whose private fields this class was written against (read with javap -c -p). */
    static final String WRITTEN_FOR = "3.0.1";

    /** The channels that own a loop thread, by their field name in {@code Channels}. */
    static final String[] LOOP_CHANNELS = {"heartbeat", "shell", "control"};

    final String version;
    private final Field running;
    private final Field sleep;
    private final Field loopBody;
    private final Field ctx;
    private final Field socket;
    private final Field executionId;
    private final Field controlProvider;
    private final Field handlers;
    private final Field msgId;

    private RapaioInternals(String version, Field running, Field sleep, Field loopBody, Field ctx, Field socket,
                            Field executionId, Field controlProvider, Field handlers, Field msgId) {
        this.version = version;
        this.running = running;
        this.sleep = sleep;
        this.loopBody = loopBody;
        this.ctx = ctx;
        this.socket = socket;
        this.executionId = executionId;
        this.controlProvider = controlProvider;
        this.handlers = handlers;
        this.msgId = msgId;
    }

    /** Looks up and checks every private field and method the fixes use. */
    static RapaioInternals find() {
        String version = rapaioVersion();
        for (String name : LOOP_CHANNELS) {
            Field f = field(version, Channels.class, name, AbstractChannel.class);
            field(version, f.getType(), "loopThread", LoopThread.class);
        }
        try {
            if (!Modifier.isSynchronized(AbstractChannel.class.getMethod("readMessage").getModifiers())) {
                throw mismatch(version, "AbstractChannel.readMessage() is not synchronized, so holding a channel's "
                        + "monitor no longer keeps its loop thread from reading");
            }
        } catch (NoSuchMethodException e) {
            throw mismatch(version, "AbstractChannel has no method readMessage()");
        }
        return new RapaioInternals(version,
                field(version, LoopThread.class, "running", boolean.class),
                field(version, LoopThread.class, "sleep", long.class),
                field(version, LoopThread.class, "loopBody", Runnable.class),
                field(version, AbstractChannel.class, "ctx", ZMQ.Context.class),
                field(version, AbstractChannel.class, "socket", ZMQ.Socket.class),
                field(version, JavaEngine.class, "executionId", String.class),
                field(version, JavaEngine.class, "controlProvider", RapaioExecutionControlProvider.class),
                field(version, Channels.class, "handlers", Map.class),
                field(version, Channels.class, "msgId", MessageId.class));
    }

    /** The id of the request the kernel is answering now (set when a request is read, cleared after it), or null. */
    Object currentRequest(Channels channels) {
        return get(msgId, channels);
    }

    /** The table of message handlers connect() filled (message type to handler). */
    @SuppressWarnings("unchecked")
    Map<Object, Object> handlers(Channels channels) {
        Map<Object, Object> map = (Map<Object, Object>) get(handlers, channels);
        if (map == null) {
            throw mismatch(version, "Channels.handlers is null after connect()");
        }
        return map;
    }

    AbstractChannel channel(Channels channels, String name) {
        return (AbstractChannel) get(field(version, Channels.class, name, AbstractChannel.class), channels);
    }

    Field loopThreadSlot(AbstractChannel channel) {
        return field(version, channel.getClass(), "loopThread", LoopThread.class);
    }

    long sleep(LoopThread t) {
        try {
            return sleep.getLong(t);
        } catch (IllegalAccessException e) {
            throw mismatch(version, "LoopThread.sleep cannot be read: " + e);
        }
    }

    Runnable body(LoopThread t) {
        return (Runnable) get(loopBody, t);
    }

    /** A loop thread that cannot miss its start: its running flag is already true when start() is called. */
    LoopThread armedLoopThread(String name, long sleepMillis, Runnable body) {
        LoopThread t = new LoopThread(name, sleepMillis, body);
        try {
            running.setBoolean(t, true);
        } catch (IllegalAccessException e) {
            throw mismatch(version, "LoopThread.running cannot be set: " + e);
        }
        return t;
    }

    /** A new poller on the channel's socket, for a loop body written here (the control channel's). */
    ZMQ.Poller poller(AbstractChannel channel) {
        ZMQ.Poller poller = ((ZMQ.Context) get(ctx, channel)).poller(1);
        poller.register((ZMQ.Socket) get(socket, channel), ZMQ.Poller.POLLIN);
        return poller;
    }

    /** rapaio's execution control of the kernel's JShell (it runs each snippet as a Future), or null before the first run. */
    RapaioExecutionControl executionControl(RapaioKernel kernel) {
        JavaEngine engine = kernel.javaEngine();
        RapaioExecutionControlProvider provider = (RapaioExecutionControlProvider) get(controlProvider, engine);
        return provider.getRegisteredControl((String) get(executionId, engine));
    }

    void set(Field f, Object owner, Object value) {
        try {
            f.set(owner, value);
        } catch (IllegalAccessException e) {
            throw mismatch(version, "field " + f.getDeclaringClass().getSimpleName() + "." + f.getName()
                    + " cannot be set: " + e);
        }
    }

    Object get(Field f, Object owner) {
        try {
            return f.get(owner);
        } catch (IllegalAccessException e) {
            throw mismatch(version, "field " + f.getDeclaringClass().getSimpleName() + "." + f.getName()
                    + " cannot be read: " + e);
        }
    }

    private static Field field(String version, Class<?> owner, String name, Class<?> type) {
        Field f;
        try {
            f = owner.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw mismatch(version, "no field " + owner.getSimpleName() + "." + name);
        }
        if (!type.isAssignableFrom(f.getType())) {
            throw mismatch(version, "field " + owner.getSimpleName() + "." + name + " has type "
                    + f.getType().getSimpleName() + ", expected " + type.getSimpleName());
        }
        f.setAccessible(true);
        return f;
    }

    static IllegalStateException mismatch(String version, String what) {
        return new IllegalStateException("descent.kernel.KernelMain cannot start rapaio-jupyter-kernel " + version
                + ": " + what + ". KernelMain closes rapaio's start-up races through its private fields and was "
                + "written for rapaio-jupyter-kernel " + WRITTEN_FOR + "; read the new version's channel classes "
                + "(javap -c -p) and update src/kernel/java/descent/kernel/, or set rapaio.version back to "
                + WRITTEN_FOR + " in pom.xml.");
    }

    private static String rapaioVersion() {
        String res = "META-INF/maven/io.github.padreati/rapaio-jupyter-kernel/pom.properties";
        try (InputStream in = MainApp.class.getClassLoader().getResourceAsStream(res)) {
            if (in == null) {
                return "(version unknown)";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }
}
