package descent.grader.run;

import descent.grader.wire.Codec;
import descent.grader.wire.Frames;
import descent.grader.wire.Frames.Kind;
import descent.grader.wire.In;
import descent.grader.wire.Out;
import descent.grader.wire.WireException;
import java.io.IOException;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The grader's end of the channel to the student JVM, for one grading run: forwards the calls of the stubs,
 * answers the student's calls of functions the test passed in, and turns everything that can go wrong on the
 * student side (a timeout, an exit, a crash, malformed bytes, a missing method) into a {@link StudentFailure} of
 * the running test. It starts the student JVM when a test first needs it and again after it died, and gives every
 * test a fresh class loader there; a JVM in which a test left threads running is killed before the next test.
 * <p>
 * Everything read from the student JVM is untrusted: frames are size-capped, values are decoded by declared type
 * only ({@link Codec}), and exceptions are rebuilt from a fixed list of JDK classes.
 */
final class Session implements AutoCloseable {

    /** How long a starting student JVM may take to say hello. */
    private static final long START_LIMIT_NANOS = 60_000_000_000L;
    /** At most this much of what the student code printed is kept per test. */
    static final int PRINT_LIMIT = 8192;

    private static final Map<String, Function<String, RuntimeException>> KNOWN = Map.ofEntries(
            Map.entry("java.lang.IllegalArgumentException", IllegalArgumentException::new),
            Map.entry("java.lang.IllegalStateException", IllegalStateException::new),
            Map.entry("java.lang.ArithmeticException", ArithmeticException::new),
            Map.entry("java.lang.ArrayIndexOutOfBoundsException", ArrayIndexOutOfBoundsException::new),
            Map.entry("java.lang.IndexOutOfBoundsException", IndexOutOfBoundsException::new),
            Map.entry("java.lang.StringIndexOutOfBoundsException", StringIndexOutOfBoundsException::new),
            Map.entry("java.lang.NegativeArraySizeException", NegativeArraySizeException::new),
            Map.entry("java.lang.NullPointerException", NullPointerException::new),
            Map.entry("java.lang.UnsupportedOperationException", UnsupportedOperationException::new),
            Map.entry("java.lang.ClassCastException", ClassCastException::new),
            Map.entry("java.lang.NumberFormatException", NumberFormatException::new),
            Map.entry("java.lang.ArrayStoreException", ArrayStoreException::new),
            Map.entry("java.util.NoSuchElementException", java.util.NoSuchElementException::new),
            Map.entry("java.util.ConcurrentModificationException", java.util.ConcurrentModificationException::new));

    private final Isolation.Launch launch;
    private final Map<String, String> unavailable;
    private final Map<String, String> sourceOf;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, String> stuckInit = new ConcurrentHashMap<>();

    private volatile StudentJvm jvm;
    private boolean testBegun;
    private volatile String failure;
    private volatile String initInProgress;
    private volatile boolean timedOut;
    private volatile String exitingWho;
    private volatile long startupNanos;
    private volatile long startBegan;
    private final StringBuilder printed = new StringBuilder();
    private long printedDropped;
    private final List<String> notes = new ArrayList<>();
    private final Map<Integer, Exported> exported = new HashMap<>();
    private int depth;
    private String testName = "";
    private int jvmStarts;

    /** A function the test passed to the student side. */
    private record Exported(Object function, Type type) {
    }

    /**
     * @param launch how to start the student JVM
     * @param unavailable exercise classes the student JVM cannot have (they did not compile, or were rejected), with
     *        the message each call to them fails with
     * @param sourceOf top-level class name to the student's file, as shown in messages
     */
    Session(Isolation.Launch launch, Map<String, String> unavailable, Map<String, String> sourceOf) {
        this.launch = launch;
        this.unavailable = Map.copyOf(unavailable);
        this.sourceOf = Map.copyOf(sourceOf);
    }

    /** What happened on the student side during one test. */
    record TestEnd(String failure, String printed, List<String> notes, boolean afterLastCall) {
    }

    /** Starts a test: clears the per-test state (the student JVM is told on the test's first call). */
    void beginTest(String name) {
        lock.lock();
        try {
            testName = name;
            testBegun = false;
            failure = null;
            timedOut = false;
            initInProgress = null;
            exitingWho = null;
            startupNanos = 0;
            printed.setLength(0);
            printedDropped = 0;
            notes.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Time spent starting student JVMs during the current test, a start in progress included. */
    long startupNanos() {
        long began = startBegan;
        return startupNanos + (began == 0 ? 0 : System.nanoTime() - began);
    }

    /** CPU time of the current student JVM and its processes, nanoseconds; -1 when unknown or no JVM runs. */
    long studentCpuNanos() {
        StudentJvm j = jvm;
        return j == null ? 0 : j.cpuNanos();
    }

    /** How many student JVMs this session started. */
    int jvmStarts() {
        return jvmStarts;
    }

    /**
     * Called by the watchdog when the test ran out of time: records the failure and kills the student JVM, which
     * makes a pending call fail at once.
     */
    void timeout(String message) {
        timedOut = true;
        String init = initInProgress;
        if (init != null) {
            String m = "the static initializer of " + init + " did not finish (" + message + "); every test that "
                    + "uses " + simple(init) + " scores 0";
            stuckInit.put(init, m);
            failure = m;
        } else if (failure == null) {
            failure = message;
        }
        StudentJvm j = jvm;
        if (j != null) {
            j.kill();
        }
    }

    /** Ends the test: asks the student JVM about threads left running (and restarts it if there are any). */
    TestEnd endTest() {
        boolean locked = false;
        try {
            locked = lock.tryLock(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!locked) {
            // the test's thread is stuck inside a call: the watchdog has killed the JVM; report what we know
            StudentJvm j = jvm;
            if (j != null) {
                j.kill();
            }
            jvm = null;
            return new TestEnd(failure, printedText(), List.copyOf(notes), false);
        }
        String before = failure;
        try {
            StudentJvm j = jvm;
            if (j != null && j.alive() && testBegun) {
                Thread guard = watchdog(j, 5_000);
                try {
                    Frames.write(j.out, new Out().u8(Kind.TEST_END));
                    while (true) {
                        In f = new In(Frames.read(j.in));
                        int kind = f.u8();
                        if (kind == Kind.TEST_ENDED) {
                            int left = f.i32();
                            if (left > 0) {
                                notes.add("your code left " + left + " thread" + (left == 1 ? "" : "s")
                                        + " running after this test; they were stopped (the student JVM was restarted)");
                                j.kill();
                                jvm = null;
                            }
                            break;
                        }
                        if (kind == Kind.EXITING) {
                            exitingWho = f.utf(1000);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    died(e);
                } finally {
                    guard.interrupt();
                }
            } else if (j != null && !j.alive()) {
                jvm = null;
            }
            return new TestEnd(failure, printedText(), List.copyOf(notes), before == null && failure != null);
        } finally {
            lock.unlock();
        }
    }

    private static Thread watchdog(StudentJvm j, long millis) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(millis);
                j.kill();
            } catch (InterruptedException e) {
                // the answer came in time
            }
        }, "descent-reply-watchdog");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private String printedText() {
        String s = printed.toString();
        return printedDropped > 0 ? s + "\n… (" + printedDropped + " more characters not shown)" : s;
    }

    private void addPrinted(String s) {
        int room = PRINT_LIMIT - printed.length();
        if (s.length() <= room) {
            printed.append(s);
        } else {
            printed.append(s, 0, Math.max(0, room));
            printedDropped += s.length() - Math.max(0, room);
        }
    }

    /** The stub's entry: one forwarded call. */
    Object call(Class<?> owner, String name, Class<?>[] params, Object[] args) {
        lock.lock();
        try {
            if (failure != null) {
                throw new StudentFailure(failure);
            }
            String top = topLevel(owner.getName());
            String stuck = stuckInit.get(top);
            if (stuck != null) {
                failure = stuck;
                throw new StudentFailure(stuck);
            }
            String missing = unavailable.get(top);
            if (missing != null) {
                failure = missing;
                throw new StudentFailure(missing);
            }
            Method m;
            try {
                m = owner.getDeclaredMethod(name, params);
            } catch (NoSuchMethodException e) {
                throw new StudentFailure("internal: stub " + owner.getName() + " lacks " + name);
            }
            StudentJvm j = ensureJvm();
            depth++;
            try {
                return forward(j, owner, m, args);
            } finally {
                if (--depth == 0) {
                    exported.clear();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private StudentJvm ensureJvm() {
        StudentJvm j = jvm;
        if (j == null || !j.alive()) {
            long t0 = System.nanoTime();
            startBegan = t0;
            try {
                j = StudentJvm.start(launch.command(), launch.env(), launch.dir());
                jvmStarts++;
                jvm = j;
                Thread guard = watchdog(j, START_LIMIT_NANOS / 1_000_000);
                try {
                    In f = new In(Frames.read(j.in));
                    if (f.u8() != Kind.HELLO) {
                        throw new WireException("the student JVM did not start with a hello");
                    }
                } finally {
                    guard.interrupt();
                }
            } catch (IOException e) {
                String err = j == null ? "" : j.stderr();
                if (j != null) {
                    j.kill();
                }
                jvm = null;
                if (!timedOut) {
                    failure = "the student JVM could not start (" + e.getMessage() + ")" + (err.isEmpty() ? "" : ": "
                            + shorten(err, 2000));
                }
                throw new StudentFailure(failure);
            } finally {
                startupNanos += System.nanoTime() - t0;
                startBegan = 0;
            }
            testBegun = false;
        }
        if (!testBegun) {
            try {
                Frames.write(j.out, new Out().u8(Kind.TEST_BEGIN).utf(testName));
            } catch (IOException e) {
                throw died(e);
            }
            testBegun = true;
        }
        return j;
    }

    private Object forward(StudentJvm j, Class<?> owner, Method m, Object[] args) {
        Type[] types = m.getGenericParameterTypes();
        Out o = new Out().u8(Kind.CALL).utf(owner.getName()).utf(m.getName())
                .utf(MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString());
        Codec.Writer w = new Codec.Writer(o, new Exports());
        for (int i = 0; i < types.length; i++) {
            w.value(args[i], types[i]);
        }
        try {
            Frames.write(j.out, o);
            while (true) {
                In f = new In(Frames.read(j.in));
                int kind = f.u8();
                switch (kind) {
                    case Kind.RESULT -> {
                        Codec.Reader r = new Codec.Reader(f, Codec.NO_CALLBACKS);
                        Type ret = m.getGenericReturnType() == void.class ? Void.class : m.getGenericReturnType();
                        Object result = r.value(ret);
                        copyBack(r, types, args);
                        addPrinted(f.utf(PRINT_LIMIT * 4));
                        f.end();
                        return result;
                    }
                    case Kind.THROWN -> throw thrown(f, types, args);
                    case Kind.MISSING -> {
                        String what = f.utf(10_000);
                        failure = what;
                        throw new StudentFailure(what);
                    }
                    case Kind.CALLBACK -> callback(j, f);
                    case Kind.INIT -> initInProgress = f.utf(4096);
                    case Kind.INIT_DONE -> initInProgress = null;
                    case Kind.EXITING -> exitingWho = f.utf(1000);
                    default -> throw new WireException("unexpected message kind " + kind + " during a call");
                }
            }
        } catch (IOException e) {
            throw died(e);
        }
    }

    private void copyBack(Codec.Reader r, Type[] types, Object[] args) throws WireException {
        for (int i = 0; i < types.length; i++) {
            if (Codec.isContainer(Codec.raw(types[i]))) {
                Codec.copyBack(args[i], r.value(types[i]));
            }
        }
    }

    /** Rebuilds the student's exception: a JDK exception of the same class, or a {@link StudentException}. */
    private RuntimeException thrown(In f, Type[] types, Object[] args) throws WireException {
        String cls = f.utf(1000);
        String message = f.utf(20_000);
        boolean hasMessage = f.u8() == 1;
        StackTraceElement frame = null;
        if (f.u8() == 1) {
            String fc = f.utf(1000);
            String fm = f.utf(1000);
            String file = f.utf(1000);
            int line = f.i32();
            frame = new StackTraceElement(fc, fm, file.isEmpty() ? null : file, line);
        }
        String cause = f.utf(5000);
        copyBack(new Codec.Reader(f, Codec.NO_CALLBACKS), types, args);
        addPrinted(f.utf(PRINT_LIMIT * 4));
        f.end();
        String msg = hasMessage ? message : null;
        RuntimeException e;
        Function<String, RuntimeException> known = KNOWN.get(cls);
        if (known != null) {
            if (msg != null && cls.equals("java.lang.UnsupportedOperationException")
                    && msg.endsWith("is not implemented yet") && frame != null) {
                String file = sourceOf.getOrDefault(topLevel(frame.getClassName()), frame.getFileName());
                msg = msg + ": write your code in " + file + " at line " + frame.getLineNumber()
                        + " (replace // YOUR CODE HERE and the throw)";
            }
            e = known.apply(msg);
        } else {
            String simple = cls.substring(cls.lastIndexOf('.') + 1);
            String extra = switch (simple) {
                case "StackOverflowError" -> " (endless recursion?)";
                case "OutOfMemoryError" -> " (more than the 512 MB the student JVM has)";
                default -> msg == null ? "" : ": " + msg;
            };
            e = new StudentException(simple + extra + (cause.isEmpty() ? "" : "; caused by " + cause));
        }
        e.setStackTrace(frame == null ? new StackTraceElement[0] : new StackTraceElement[]{frame});
        return e;
    }

    /** The student code called a function of the test: run it here and send back its value. */
    private void callback(StudentJvm j, In f) throws IOException {
        int id = f.i32();
        Exported ex = exported.get(id);
        if (ex == null) {
            throw new WireException("call of unknown function " + id);
        }
        Class<?> iface = Codec.raw(ex.type());
        Method fm = functionalMethod(iface);
        int n = f.i32();
        if (n != fm.getParameterCount()) {
            throw new WireException(n + " arguments for " + iface.getSimpleName() + "." + fm.getName());
        }
        Codec.Reader r = new Codec.Reader(f, Codec.NO_CALLBACKS);
        Type[] ps = fm.getGenericParameterTypes();
        Object[] a = new Object[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.value(resolve(ps[i], ex.type(), iface));
        }
        f.end();
        Out o = new Out().u8(Kind.CALLBACK_RESULT);
        try {
            fm.setAccessible(true);
            Object v = fm.invoke(ex.function(), a);
            Out ok = new Out().u8(Kind.CALLBACK_RESULT).u8(1);
            Type rt = resolve(fm.getGenericReturnType(), ex.type(), iface);
            new Codec.Writer(ok, new Exports()).value(v, rt == void.class ? Void.class : rt);
            o = ok;
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof StudentFailure sf) {
                throw sf;
            }
            o.u8(0).utf(String.valueOf(c));
        } catch (ReflectiveOperationException | RuntimeException e) {
            o.u8(0).utf(String.valueOf(e));
        }
        Frames.write(j.out, o);
    }

    private static Method functionalMethod(Class<?> iface) throws WireException {
        for (Method m : iface.getMethods()) {
            if (Modifier.isAbstract(m.getModifiers())) {
                return m;
            }
        }
        throw new WireException(iface.getName() + " has no abstract method");
    }

    /** Resolves a type variable of the function interface against the declared (parameterized) type. */
    static Type resolve(Type t, Type declared, Class<?> iface) {
        if (t instanceof TypeVariable<?> v && declared instanceof ParameterizedType p) {
            TypeVariable<?>[] vars = iface.getTypeParameters();
            for (int i = 0; i < vars.length; i++) {
                if (vars[i].getName().equals(v.getName())) {
                    Type a = p.getActualTypeArguments()[i];
                    if (a instanceof WildcardType w) {
                        return w.getLowerBounds().length > 0 ? w.getLowerBounds()[0] : w.getUpperBounds()[0];
                    }
                    return a;
                }
            }
        }
        return t;
    }

    /** Registers the test's functions sent in one call. */
    private final class Exports implements Codec.Callbacks {
        @Override
        public int export(Object function, Type type) {
            int id = exported.size() + 1;
            exported.put(id, new Exported(function, type));
            return id;
        }

        @Override
        public Object proxy(int id, Type type) throws WireException {
            throw new WireException("the student side cannot send functions");
        }
    }

    /** The student JVM stopped answering: work out why, kill it, and fail the test. */
    private StudentFailure died(Exception cause) {
        StudentJvm j = jvm;
        String message;
        if (timedOut) {
            message = failure;
        } else if (cause instanceof WireException) {
            message = "the student JVM sent data the grader cannot read (" + cause.getMessage() + "); it was stopped";
        } else {
            Integer code = j == null ? null : j.exitCode(3000);
            drainExiting(j);
            if (exitingWho != null) {
                message = "called System.exit(" + (code == null ? "?" : code) + ")"
                        + (exitingWho.isEmpty() ? "" : " from " + exitingWho)
                        + "; graded code must return or throw, never exit the JVM";
            } else {
                message = "crashed: the student JVM stopped" + (code == null ? "" : " with exit code " + code)
                        + " (Runtime.halt, or a fatal error in the JVM)";
            }
        }
        if (j != null) {
            j.kill();
        }
        jvm = null;
        if (failure == null) {
            failure = message;
        }
        return new StudentFailure(failure);
    }

    /** Reads a last EXITING frame the shutdown hook may have sent before the pipe closed. */
    private void drainExiting(StudentJvm j) {
        if (j == null || exitingWho != null) {
            return;
        }
        try {
            while (j.in.available() > 0) {
                In f = new In(Frames.read(j.in));
                if (f.u8() == Kind.EXITING) {
                    exitingWho = f.utf(1000);
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing more to read
        }
    }

    private static String topLevel(String binaryName) {
        int d = binaryName.indexOf('$');
        return d < 0 ? binaryName : binaryName.substring(0, d);
    }

    private static String simple(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String shorten(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n) + "…";
    }

    /** Kills the student JVM (and, in hardened mode, everything in its namespaces) and removes its files. */
    @Override
    public void close() {
        StudentJvm j = jvm;
        if (j != null) {
            j.kill();
        }
        jvm = null;
        launch.close();
    }
}
