package descent.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A reusable barrier for a fixed team of threads that allocates nothing per crossing (unlike
 * {@code CyclicBarrier}, which makes a new generation object each trip, or a {@code Phaser}, which queues a node when
 * it blocks). A thread that arrives early spins for a few tens of microseconds, the usual gap between two phases of a
 * training step, then parks until the last one arrives. The last arriver may run an action before the others go on,
 * and wakes only the members that went to sleep (an unpark of a running thread costs a lock and leaves a permit that
 * makes its next park return at once).
 */
final class StepBarrier {

    private static final long SPIN_NANOS = 50_000;

    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private final Thread[] members;
    // 1 while member i is parked or about to park (written before it re-reads the generation, read after the opener
    // wrote it: one of the two sees the other, so no sleeper is missed)
    private final AtomicIntegerArray sleeping;
    private volatile int generation;

    StepBarrier(int parties) {
        this.parties = parties;
        this.members = new Thread[parties];
        this.sleeping = new AtomicIntegerArray(parties);
    }

    /** Registers the thread that plays member {@code index} (it is unparked when the barrier opens). */
    void member(int index, Thread thread) {
        members[index] = thread;
    }

    /**
     * Member {@code index} (the thread registered with {@link #member}) waits until all members have arrived. The last to arrive runs {@code lastAction} (when not null; it must not
     * throw) before anyone leaves, so everything it writes is visible to every member after the barrier.
     */
    void await(Runnable lastAction, int index) {
        int gen = generation;
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            if (lastAction != null) {
                lastAction.run();
            }
            generation = gen + 1;
            for (int i = 0; i < parties; i++) {
                if (sleeping.get(i) != 0) {
                    LockSupport.unpark(members[i]);
                }
            }
            return;
        }
        long start = System.nanoTime();
        for (int spin = 1; generation == gen; spin++) {
            if ((spin & 63) != 0 || System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                sleeping.set(index, 1);
                if (generation == gen) {
                    LockSupport.park(this);
                }
                sleeping.set(index, 0);
            }
        }
    }
}
