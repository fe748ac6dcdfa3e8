package descent.kernel;

import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.Transform;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogManager;

/**
 * Starts the rapaio Java kernel (3.0.1) the way its {@code MainApp} does, minus a start-up race.
 *
 * <p>rapaio binds its ZeroMQ sockets before it creates its table of message handlers. A client that connected
 * early (nbclient, the notebook server) has its {@code kernel_info_request} queued, so it is delivered the moment
 * the shell socket binds; the shell thread then finds the table still {@code null}, dies with a
 * NullPointerException, and the kernel never answers ("Kernel didn't respond"). Here the table starts as a map
 * whose look-ups wait until {@code connect} has installed the real handlers, so an early message is handled late
 * instead of killing the thread.
 *
 * <p>Compiled by {@code ./descent} against the kernel jar into {@code target/kernel/boot/}, kept off the
 * notebooks' classpath. Usage: {@code java -cp rapaio-jupyter-kernel.jar:boot descent.kernel.KernelMain CONNECTION_FILE}.
 */
public final class KernelMain {

    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: KernelMain CONNECTION_FILE");
        }
        LogManager.getLogManager().readConfiguration(MainApp.class.getClassLoader().getResourceAsStream("logging.properties"));
        String json = Files.readString(Path.of(args[0]));
        ConnectionProperties props = Transform.fromJson(json, ConnectionProperties.class);
        RapaioKernel kernel = new RapaioKernel();
        Channels channels = new Channels(props);
        Field handlers = Channels.class.getDeclaredField("handlers");
        handlers.setAccessible(true);
        CountDownLatch ready = new CountDownLatch(1);
        handlers.set(channels, new WaitingMap(channels, handlers, ready));
        channels.connect(kernel);
        ready.countDown();
        channels.joinUntilClose();
        System.exit(0);
    }

    /** Stands in for the handler table until connect() replaces it; get() waits for the real table. */
    private static final class WaitingMap extends AbstractMap<Object, Object> {
        private final Channels channels;
        private final Field field;
        private final CountDownLatch ready;

        WaitingMap(Channels channels, Field field, CountDownLatch ready) {
            this.channels = channels;
            this.field = field;
            this.ready = ready;
        }

        @Override
        public Object get(Object key) {
            try {
                if (!ready.await(120, TimeUnit.SECONDS)) {
                    return null;
                }
                Object real = field.get(channels);
                return real == this ? null : ((Map<?, ?>) real).get(key);
            } catch (InterruptedException | IllegalAccessException e) {
                return null;
            }
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return Set.of();
        }
    }
}
