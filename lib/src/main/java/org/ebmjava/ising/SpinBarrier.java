package org.ebmjava.ising;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A reusable barrier for a fixed number of threads that spins briefly, then parks.
 *
 * <p>A half-sweep of a 256 &times; 256 lattice takes about 0.1 ms, not much longer than the time a
 * parked thread needs to wake up, so a waiting party first busy-waits (on idle cores the others
 * arrive within microseconds) and only then parks, which frees its core when another process has
 * preempted a party. The last party to arrive unparks the parked ones. Every write made by any party
 * before {@link #await} happens-before every read made by any party after it returns (the arrival
 * counter, the generation and the parked-thread slots are atomic/volatile).
 */
final class SpinBarrier {

    /** Busy-wait iterations (tens of microseconds) before a waiting thread parks. */
    private static final int SPIN_LIMIT = 1 << 11;
    /** Upper bound of one park, a safety net only: the last party unparks the waiters. */
    private static final long PARK_NANOS = 10_000_000L;

    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private final AtomicReferenceArray<Thread> parked;
    private volatile int generation;
    private volatile boolean broken;

    /**
     * Creates a barrier.
     *
     * @param parties The number of threads that must arrive. Must be &ge; 1.
     */
    SpinBarrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be >= 1, found " + parties);
        }
        this.parties = parties;
        this.parked = new AtomicReferenceArray<>(parties);
    }

    /**
     * Waits until all parties have arrived.
     *
     * @param party The caller's slot, in [0, parties), distinct for each concurrently waiting thread.
     * @throws IllegalStateException If the barrier was broken by a failing party.
     */
    void await(int party) {
        int gen = generation;
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            generation = gen + 1;
            for (int k = 0; k < parties; k++) {
                Thread t = parked.get(k);
                if (t != null) {
                    LockSupport.unpark(t);
                }
            }
            return;
        }
        int spins = 0;
        while (generation == gen) {
            if (broken) {
                throw new IllegalStateException("another sampler thread failed");
            }
            if (spins < SPIN_LIMIT) {
                spins++;
                Thread.onSpinWait();
            } else {
                parked.set(party, Thread.currentThread());
                if (generation == gen && !broken) {
                    LockSupport.parkNanos(this, PARK_NANOS);
                }
                parked.set(party, null);
            }
        }
    }

    /** Releases every waiting party with an exception; the barrier stays broken. */
    void breakBarrier() {
        broken = true;
        for (int k = 0; k < parties; k++) {
            Thread t = parked.get(k);
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /**
     * Returns whether a party has broken the barrier.
     *
     * @return True once {@link #breakBarrier} was called.
     */
    boolean isBroken() {
        return broken;
    }
}
