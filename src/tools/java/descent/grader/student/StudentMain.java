package descent.grader.student;

import descent.grader.wire.Codec;
import descent.grader.wire.Frames;
import descent.grader.wire.Frames.Kind;
import descent.grader.wire.In;
import descent.grader.wire.Out;
import descent.grader.wire.WireException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The student JVM: loads the student's compiled classes and runs the calls the grader forwards to it, nothing
 * else. It holds no secret and decides nothing: it receives arguments, calls the student's method and sends back
 * the result (or the exception), the arguments as the method left them and what the code printed. Every graded
 * test gets a fresh class loader, so static state does not leak from one test into the next.
 * <p>
 * Everything here runs next to the student's code and can be tampered with by it; the grader therefore treats
 * every byte it receives from this JVM as untrusted input.
 * <p>
 * Usage: {@code StudentMain CLASSES_DIR} with the frames of {@link Frames} on standard input and output.
 */
public final class StudentMain {

    /** At most this many bytes of what the student's code prints are kept per test. */
    static final int PRINT_LIMIT = 8192;

    private final DataInputStream in;
    private final DataOutputStream out;
    private final URL[] classes;
    private final Capture printed = new Capture();
    private URLClassLoader loader;
    private final Set<String> initialized = new HashSet<>();
    private Set<Thread> baseline = Set.of();
    private Thread mainThread;

    private StudentMain(DataInputStream in, DataOutputStream out, URL[] classes) {
        this.in = in;
        this.out = out;
        this.classes = classes;
    }

    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        URL[] urls = new URL[args.length];
        for (int i = 0; i < args.length; i++) {
            urls[i] = Path.of(args[i]).toUri().toURL();
        }
        StudentMain m = new StudentMain(in, out, urls);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        PrintStream p = new PrintStream(m.printed, true, StandardCharsets.UTF_8);
        System.setOut(p);
        System.setErr(p);
        m.mainThread = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(m::exiting, "descent-exit-hook"));
        m.send(new Out().u8(Kind.HELLO).utf("descent student JVM 1"));
        m.serve();
    }

    private void serve() throws IOException {
        newLoader();
        while (true) {
            byte[] frame;
            try {
                frame = Frames.read(in);
            } catch (IOException e) {
                Runtime.getRuntime().halt(0); // the grader is gone
                return;
            }
            handle(frame);
        }
    }

    /** One frame from the grader outside a call; returns the value of a callback result. */
    private Object handle(byte[] frame) throws IOException {
        In f = new In(frame);
        int kind = f.u8();
        switch (kind) {
            case Kind.TEST_BEGIN -> {
                newLoader();
                printed.reset();
                baseline = Set.copyOf(Thread.getAllStackTraces().keySet());
            }
            case Kind.TEST_END -> {
                int left = 0;
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (t.isAlive() && !baseline.contains(t) && !t.getName().equals("descent-exit-hook")) {
                        left++;
                    }
                }
                send(new Out().u8(Kind.TEST_ENDED).i32(left));
            }
            case Kind.CALL -> call(f);
            default -> {
                // unexpected here: ignored
            }
        }
        return null;
    }

    private void newLoader() {
        loader = new URLClassLoader("student", classes, StudentMain.class.getClassLoader());
        initialized.clear();
    }

    private void call(In f) throws IOException {
        String className = f.utf(4096);
        String name = f.utf(4096);
        String descriptor = f.utf(65536);
        Method method;
        try {
            Class<?> c = Class.forName(className, false, loader);
            method = find(c, name, descriptor);
            if (method == null) {
                send(new Out().u8(Kind.MISSING).utf("your " + c.getSimpleName() + " has no static method " + name
                        + describeParameters(descriptor) + " (did you change its signature? the graded tests call it "
                        + "exactly as the exercise declares it)"));
                return;
            }
        } catch (ClassNotFoundException | LinkageError e) {
            send(new Out().u8(Kind.MISSING).utf("there is no class " + className + " in your exercises (" + e + ")"));
            return;
        }
        Type[] types = method.getGenericParameterTypes();
        Object[] args = new Object[types.length];
        Codec.Reader r = new Codec.Reader(f, new Proxies());
        try {
            for (int i = 0; i < types.length; i++) {
                args[i] = r.value(types[i]);
            }
            f.end();
        } catch (WireException e) {
            send(new Out().u8(Kind.MISSING).utf("the arguments do not fit the parameters of your " + name
                    + " (did you change its signature?): " + e.getMessage()));
            return;
        }
        Object result;
        Throwable thrown = null;
        try {
            initialize(method.getDeclaringClass());
            method.setAccessible(true);
            result = method.invoke(null, args);
        } catch (InvocationTargetException e) {
            thrown = e.getCause();
            result = null;
        } catch (Throwable e) {
            thrown = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
            result = null;
        }
        Out o = new Out();
        Codec.Writer w = new Codec.Writer(o, Codec.NO_CALLBACKS);
        try {
            if (thrown == null) {
                o.u8(Kind.RESULT);
                w.value(result, method.getGenericReturnType() == void.class ? Void.class : method.getGenericReturnType());
            } else {
                exception(o, thrown);
            }
            for (int i = 0; i < types.length; i++) {
                if (Codec.isContainer(Codec.raw(types[i]))) {
                    w.value(args[i], types[i]);
                }
            }
        } catch (RuntimeException e) {
            o = new Out();
            exception(o, new IllegalStateException("the result could not be sent to the grader: " + e.getMessage()));
        }
        o.utf(printed.take());
        send(o);
    }

    /** Initialises an exercise class (and the types nested in it) between INIT and INIT_DONE frames. */
    private void initialize(Class<?> c) throws IOException, ClassNotFoundException {
        if (initialized.add(c.getName())) {
            send(new Out().u8(Kind.INIT).utf(c.getName()));
            Class.forName(c.getName(), true, loader);
            for (Class<?> n : c.getDeclaredClasses()) {
                Class.forName(n.getName(), true, loader);
            }
            send(new Out().u8(Kind.INIT_DONE).utf(c.getName()));
        }
    }

    private static Method find(Class<?> c, String name, String descriptor) {
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) && !Modifier.isPrivate(m.getModifiers())
                    && MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString()
                    .equals(descriptor)) {
                return m;
            }
        }
        return null;
    }

    private static String describeParameters(String descriptor) {
        try {
            MethodType t = MethodType.fromMethodDescriptorString(descriptor, StudentMain.class.getClassLoader());
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < t.parameterCount(); i++) {
                sb.append(i == 0 ? "" : ", ").append(t.parameterType(i).getSimpleName());
            }
            return sb.append(")").toString();
        } catch (RuntimeException e) {
            return descriptor;
        }
    }

    /** THROWN: the exception's class, message, cause and the first frame in the student's own classes. */
    private void exception(Out o, Throwable t) {
        o.u8(Kind.THROWN).utf(t.getClass().getName()).utf(limit(String.valueOf(t.getMessage()), 4000))
                .u8(t.getMessage() == null ? 0 : 1);
        StackTraceElement frame = null;
        for (StackTraceElement e : t.getStackTrace()) {
            if (isStudentFrame(e)) {
                frame = e;
                break;
            }
        }
        if (frame == null) {
            o.u8(0);
        } else {
            o.u8(1).utf(frame.getClassName()).utf(frame.getMethodName())
                    .utf(frame.getFileName() == null ? "" : frame.getFileName()).i32(frame.getLineNumber());
        }
        Throwable cause = t.getCause();
        o.utf(cause == null || cause == t ? "" : limit(cause.getClass().getName() + ": " + cause.getMessage(), 1000));
    }

    private boolean isStudentFrame(StackTraceElement e) {
        String c = e.getClassName();
        return !(c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.") || c.startsWith("descent.")
                || c.startsWith("com.sun."));
    }

    private static String limit(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n) + "…";
    }

    private synchronized void send(Out o) throws IOException {
        Frames.write(out, o);
    }

    /** Shutdown hook: tells the grader that System.exit was called, and whether from the thread running a call. */
    private void exiting() {
        String who = "";
        for (var e : Thread.getAllStackTraces().entrySet()) {
            for (StackTraceElement f : e.getValue()) {
                if (f.getClassName().equals("java.lang.Runtime") && f.getMethodName().equals("exit")) {
                    who = e.getKey() == mainThread ? "the method the test called" : "thread \"" + e.getKey().getName()
                            + "\" started by your code";
                }
            }
        }
        try {
            send(new Out().u8(Kind.EXITING).utf(who));
        } catch (IOException | RuntimeException e) {
            // the grader is gone
        }
    }

    /** Student-side stand-ins for the functions a graded test passes in: each call goes back to the grader. */
    private final class Proxies implements Codec.Callbacks {
        @Override
        public int export(Object function, Type type) {
            throw new IllegalArgumentException("functions cannot be sent to the grader");
        }

        @Override
        public Object proxy(int id, Type type) throws WireException {
            Class<?> iface = Codec.raw(type);
            if (!Codec.isFunction(iface)) {
                throw new WireException(iface.getName() + " is not a java.util.function interface");
            }
            InvocationHandler h = (proxy, m, args) -> {
                if (m.getDeclaringClass() == Object.class) {
                    return switch (m.getName()) {
                        case "equals" -> proxy == args[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        default -> "function from the graded test";
                    };
                }
                if (m.isDefault()) {
                    return InvocationHandler.invokeDefault(proxy, m, args);
                }
                return callBack(id, type, m, args == null ? new Object[0] : args);
            };
            return Proxy.newProxyInstance(StudentMain.class.getClassLoader(), new Class<?>[]{iface}, h);
        }
    }

    /** Calls function {@code id} in the grader and waits for its value, serving nested calls meanwhile. */
    private Object callBack(int id, Type type, Method m, Object[] args) throws IOException {
        synchronized (this) {
            Out o = new Out().u8(Kind.CALLBACK).i32(id).i32(args.length);
            Codec.Writer w = new Codec.Writer(o, Codec.NO_CALLBACKS);
            Type[] ps = m.getGenericParameterTypes();
            for (int i = 0; i < args.length; i++) {
                w.value(args[i], resolve(ps[i], type, m.getDeclaringClass()));
            }
            send(o);
            while (true) {
                byte[] frame = Frames.read(in);
                In f = new In(frame);
                int kind = f.u8();
                if (kind == Kind.CALLBACK_RESULT) {
                    if (f.u8() == 1) {
                        Object v = new Codec.Reader(f, new Proxies()).value(boxed(resolve(m.getGenericReturnType(),
                                type, m.getDeclaringClass())));
                        return v;
                    }
                    throw new IllegalStateException("the graded test's function threw: " + f.utf(100_000));
                } else if (kind == Kind.CALL) {
                    call(f); // a nested call made by the test's function
                } else {
                    handle(frame);
                }
            }
        }
    }

    private static Type boxed(Type t) {
        return t == void.class ? Void.class : t;
    }

    /** A type variable of a function interface's method, resolved against the declared parameter type. */
    static Type resolve(Type t, Type declared, Class<?> iface) {
        if (t instanceof TypeVariable<?> v && declared instanceof ParameterizedType p
                && p.getRawType() == iface) {
            TypeVariable<?>[] vars = iface.getTypeParameters();
            for (int i = 0; i < vars.length; i++) {
                if (vars[i].getName().equals(v.getName())) {
                    return p.getActualTypeArguments()[i];
                }
            }
        }
        return t;
    }

    /** Keeps the first {@link #PRINT_LIMIT} bytes printed since the last {@link #take}, counts the rest. */
    private static final class Capture extends OutputStream {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private long dropped;

        @Override
        public synchronized void write(int b) {
            if (kept.size() < PRINT_LIMIT) {
                kept.write(b);
            } else {
                dropped++;
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int keep = Math.max(0, Math.min(len, PRINT_LIMIT - kept.size()));
            kept.write(b, off, keep);
            dropped += len - keep;
        }

        synchronized String take() {
            String s = kept.toString(StandardCharsets.UTF_8);
            if (dropped > 0) {
                s += "\n… (" + dropped + " more bytes not shown)";
            }
            kept.reset();
            dropped = 0;
            return s;
        }

        synchronized void reset() {
            kept.reset();
            dropped = 0;
        }
    }
}
