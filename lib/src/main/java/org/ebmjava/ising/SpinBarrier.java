package org.ebmjava.ising;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reusable barrier for a fixed number of threads that spins briefly, then yields.
 *
 * <p>A half-sweep of a 256 &times; 256 lattice takes about 0.1 ms, shorter than the time a parked
 * thread needs to wake up, so {@link java.util.concurrent.CyclicBarrier} would cost more than the
 * work it separates. Every write made by any party before {@link #await} happens-before every read
 * made by any party after it returns (the arrival counter and the generation are atomic/volatile).
 */
final class SpinBarrier {

    /** Busy-wait iterations before a waiting thread starts to yield its core. */
    private static final int SPIN_LIMIT = 1 << 12;

    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
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
    }

    /**
     * Waits until all parties have arrived.
     *
     * @throws IllegalStateException If the barrier was broken by a failing party.
     */
    void await() {
        int gen = generation;
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            generation = gen + 1;
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
                Thread.yield();
            }
        }
    }

    /** Releases every waiting party with an exception; the barrier stays broken. */
    void breakBarrier() {
        broken = true;
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
