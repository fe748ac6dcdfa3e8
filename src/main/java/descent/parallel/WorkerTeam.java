package descent.parallel;

import java.util.function.IntConsumer;

/**
 * The threads that take one training step together, for {@link SynchronousDataParallel} and
 * {@link ShardedDataParallel}: the calling thread is member 0, and T − 1 daemon threads live as long as the team,
 * waiting at a {@link StepBarrier} between steps (no task objects, futures or thread hand-offs per step).
 *
 * <p>A member whose part of a step throws records the failure ({@link #fail}); the next barrier's action
 * ({@link #failureCheck()}) lets every member see it and skip the rest of the step while still crossing every barrier,
 * and the caller rethrows the first failure once the step has ended ({@link #rethrow}).
 */
final class WorkerTeam {

    private final StepBarrier barrier;
    private final Thread[] pool;
    private final Throwable[] failure;
    private final long[] waitNanos;       // 128 bytes apart per member: no false sharing
    private final Runnable checkFailures = this::checkFailures;
    private boolean failed;
    private volatile boolean closed;

    /**
     * @param name    the worker threads' name ("name 1", "name 2", …)
     * @param threads T ≥ 1 members, the caller included
     * @param step    what worker t ≥ 1 runs for each step, from just after the start barrier to its last barrier
     */
    WorkerTeam(String name, int threads, IntConsumer step) {
        this.barrier = new StepBarrier(threads);
        this.failure = new Throwable[threads];
        this.waitNanos = new long[16 * threads];
        this.pool = new Thread[threads - 1];
        for (int t = 1; t < threads; t++) {
            int me = t;
            Thread th = new Thread(() -> loop(me, step), name + " " + t);
            th.setDaemon(true);
            barrier.member(t, th);
            pool[t - 1] = th;
        }
    }

    /** Starts the worker threads (call it once the owner is fully built: they run its step code). */
    void start() {
        for (Thread th : pool) {
            th.start();
        }
    }

    /** On the calling thread: starts a step; the workers begin theirs, and the caller then runs its own part as member 0. */
    void begin(String owner) {
        if (closed) {
            throw new IllegalStateException("this " + owner + " is closed");
        }
        failed = false;
        barrier.member(0, Thread.currentThread());
        await(0, null);
    }

    /** Member t waits at the barrier; the last to arrive runs {@code action} (may be null; must not throw) first. */
    void await(int t, Runnable action) {
        long w0 = System.nanoTime();
        barrier.await(action, t);
        waitNanos[16 * t] += System.nanoTime() - w0;
    }

    /** Member t's part of the step failed with e. */
    void fail(int t, Throwable e) {
        failure[t] = e;
    }

    /** Whether a member has failed in this step (as of the last barrier that ran {@link #failureCheck()}). */
    boolean failed() {
        return failed;
    }

    /** The barrier action that makes the members' failures visible to all: {@link #checkFailures()}. */
    Runnable failureCheck() {
        return checkFailures;
    }

    /** For a barrier action: has any member failed so far in this step? */
    void checkFailures() {
        for (Throwable e : failure) {
            failed |= e != null;
        }
    }

    /** From a barrier action: the action itself failed (it must not throw, or the others would wait forever). */
    void failAction(Throwable e) {
        failure[0] = e;
        failed = true;
    }

    /** On the caller after the step's last barrier: throws the first member's failure, if any, and clears them all. */
    void rethrow(String what) {
        if (!failed) {
            return;
        }
        Throwable first = null;
        for (int t = 0; t < failure.length; t++) {
            if (failure[t] != null && first == null) {
                first = failure[t];
            }
            failure[t] = null;
        }
        if (first instanceof RuntimeException re) {
            throw re;
        }
        if (first instanceof Error er) {
            throw er;
        }
        throw new IllegalStateException("a " + what + " worker failed", first);
    }

    /** Nanoseconds member t spent so far waiting at barriers. */
    long waitNanos(int t) {
        return waitNanos[16 * t];
    }

    /** The ids of the T − 1 worker threads (the caller is member 0). */
    long[] workerThreadIds() {
        long[] ids = new long[pool.length];
        for (int i = 0; i < pool.length; i++) {
            ids[i] = pool[i].getId();
        }
        return ids;
    }

    boolean isClosed() {
        return closed;
    }

    /** Stops the worker threads (they finish at once: they are waiting for the next step). */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (pool.length > 0) {
            barrier.member(0, Thread.currentThread());
            barrier.await(null, 0);
        }
    }

    private void loop(int t, IntConsumer step) {
        while (true) {
            await(t, null);
            if (closed) {
                return;
            }
            step.accept(t);
        }
    }
}
