package org.ebmjava.neural;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * A fixed team of P workers (the calling thread plus P - 1 daemon helpers) that runs one task at a time, each worker
 * with its index 0..P-1, and a barrier the task can use between its phases.
 *
 * <p>Why not an executor: a training step of a small MLP takes well under a millisecond and has several phases;
 * waking a parked thread costs tens of microseconds. Helpers therefore spin briefly after a task (about the length
 * of a step's pause), then yield the core (the machine may be shared), then park until the next task unparks them.
 * One team per thread count is shared by every {@link Mlp} of that thread count; tasks from different caller
 * threads take turns (a lock), and a task must not start another task on the same team.
 *
 * <p>A failure in any worker aborts the task: workers waiting at the barrier stop, and {@link #run} rethrows the
 * first failure on the caller.
 */
final class Workers {
    private static final int SPINS = 2_000;
    private static final int YIELDS = 20_000;
    private static final Map<Integer, Workers> SHARED = new HashMap<>();

    private final int size;
    private final Thread[] helpers;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int generation;
    private volatile int barrierGeneration;
    private volatile IntConsumer task;
    private volatile Throwable failure;

    /** Thrown inside workers to leave a task that another worker has failed. */
    private static final class Aborted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Aborted() {
            super(null, null, false, false);
        }
    }

    private Workers(int size) {
        this.size = size;
        this.helpers = new Thread[size - 1];
        for (int i = 1; i < size; i++) {
            int index = i;
            Thread t = new Thread(() -> helperLoop(index), "ebm-neural-worker-" + i + "-of-" + size);
            t.setDaemon(true);
            helpers[i - 1] = t;
            t.start();
        }
    }

    /**
     * Returns the shared team of the given size, creating it on first use.
     *
     * @param size P &ge; 1.
     * @return The team.
     */
    static synchronized Workers shared(int size) {
        return SHARED.computeIfAbsent(size, Workers::new);
    }

    /**
     * Returns the number of workers.
     *
     * @return P.
     */
    int size() {
        return size;
    }

    /**
     * Runs task(w) on every worker w = 0..P-1 (w = 0 on the caller) and returns when all have finished.
     *
     * @param t The task.
     * @throws RuntimeException The first failure of any worker (errors and unchecked exceptions as thrown, checked
     *     ones wrapped in an IllegalStateException).
     */
    void run(IntConsumer t) {
        if (size == 1) {
            t.accept(0);
            return;
        }
        lock.lock();
        try {
            failure = null;
            done.set(0);
            arrived.set(0);
            task = t;
            generation = generation + 1;
            for (Thread h : helpers) {
                LockSupport.unpark(h);
            }
            work(t, 0);
            for (int i = 0; done.get() < size - 1; i++) {
                if (i < SPINS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            task = null;
            Throwable f = failure;
            if (f != null) {
                failure = null;
                if (f instanceof RuntimeException) {
                    throw (RuntimeException) f;
                }
                if (f instanceof Error) {
                    throw (Error) f;
                }
                throw new IllegalStateException("a neural-engine worker failed", f);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every worker of the current task has arrived here. */
    void barrier() {
        if (size == 1) {
            return;
        }
        int gen = barrierGeneration;
        if (arrived.incrementAndGet() == size) {
            arrived.set(0);
            barrierGeneration = gen + 1;
            return;
        }
        for (int i = 0; barrierGeneration == gen; i++) {
            if (failure != null) {
                throw new Aborted();
            }
            if (i < SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    private void work(IntConsumer t, int index) {
        try {
            t.accept(index);
        } catch (Aborted e) {
            // another worker failed; its failure is reported
        } catch (Throwable e) {
            synchronized (this) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
    }

    private void helperLoop(int index) {
        int seen = 0;
        while (true) {
            for (int i = 0; generation == seen; i++) {
                if (i < SPINS) {
                    Thread.onSpinWait();
                } else if (i < SPINS + YIELDS) {
                    Thread.yield();
                } else {
                    LockSupport.park(this);
                }
            }
            seen = generation;
            IntConsumer t = task;
            if (t != null) {
                work(t, index);
            }
            done.incrementAndGet();
        }
    }
}
