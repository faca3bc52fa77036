package org.ebmjava.rbm;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A reusable barrier for a few threads that each hold a core: waiters first spin (the phases of a training
 * step are balanced, so the wait is usually microseconds), then yield the core (so on a machine shared with
 * other processes a waiter does not keep the thread it waits for off the CPU), then sleep in short slices
 * (so a waiter costs nothing while the other side does longer work such as end-of-epoch monitoring).
 *
 * <p>{@link java.util.concurrent.CyclicBarrier} parks at once; waking a parked thread takes tens of
 * microseconds, a noticeable share of a 1 ms phase.
 */
final class SpinBarrier {
    /** Busy spins (each a {@link Thread#onSpinWait()}) before yielding. */
    static final int SPINS = 200;
    /** Further rounds that call {@link Thread#yield()} (about a microsecond each) before sleeping. */
    static final int YIELDS = 2_000;
    /** Sleep slice after spinning, in nanoseconds. */
    static final long SLEEP_NANOS = 50_000;

    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int generation;

    SpinBarrier(int parties) {
        this.parties = parties;
    }

    /** Waits until all parties have arrived; the memory effects before each arrival are visible after it. */
    void await() {
        int gen = generation;
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            generation = gen + 1;
            return;
        }
        for (int i = 0; generation == gen; i++) {
            if (i < SPINS) {
                Thread.onSpinWait();
            } else if (i < SPINS + YIELDS) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(SLEEP_NANOS);
            }
        }
    }
}
