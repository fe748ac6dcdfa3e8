package descent.grader.run;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the forwarding stubs call: each stub class was loaded by the class loader of one grading run, which is bound
 * here to that run's {@link Session}. Graded tests never see this class; the stubs the grader writes do.
 */
public final class Bridge {

    private static final Map<ClassLoader, Session> SESSIONS = new ConcurrentHashMap<>();

    private Bridge() {
    }

    /**
     * Runs the student's version of {@code owner.name(params)} with {@code args} and returns its result.
     *
     * @throws StudentFailure when the student JVM could not answer
     */
    public static Object call(Class<?> owner, String name, Class<?>[] params, Object[] args) {
        Session s = SESSIONS.get(owner.getClassLoader());
        if (s == null) {
            throw new StudentFailure("the forwarding stub " + owner.getName() + " was called outside a grading run");
        }
        return s.call(owner, name, params, args);
    }

    static void bind(ClassLoader loader, Session session) {
        SESSIONS.put(loader, session);
    }

    static void unbind(ClassLoader loader) {
        SESSIONS.remove(loader);
    }
}
