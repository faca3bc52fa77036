package org.ebmjava.neural;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed team of P workers (the calling thread plus P - 1 daemon helpers) that runs one phase at a time: a phase is
 * a fixed number of blocks, block(b, w) for b = 0..blocks-1, each run exactly once by whichever worker w claims it
 * first (an atomic counter). {@link #run} returns when every block of the phase has finished.
 *
 * <p>Why claiming instead of one fixed block per worker with barriers: the course's machines are shared 2-core boxes.
 * With a fixed assignment, a phase lasts until the slowest worker is scheduled and done, and a helper that another
 * tenant's process has preempted stalls the caller (measured: a 2-128-128-1 training step went from 0.5 ms to 15 ms
 * with 2 workers at load 9). Here the caller never waits for a helper that has not started: it claims the blocks
 * itself, and waits only for a block that a helper has already begun. Which worker runs a block never changes the
 * result: the blocks and the order of every sum inside a block are fixed by the caller, so results are bit-identical
 * however the blocks are scheduled.
 *
 * <p>A phase with one block, or a team of one, runs on the caller without touching the helpers. Helpers spin briefly
 * after a phase (about the length of a step's pause), then yield the core, then park until the next phase unparks
 * them. One team per thread count is shared by every {@link Mlp} of that thread count; phases from different caller
 * threads take turns (a lock), and a block must not start another phase on the same team.
 *
 * <p>A failure in any block aborts the phase (blocks not yet claimed are skipped), and {@link #run} rethrows the
 * first failure on the caller.
 */
final class Workers {
    private static final int SPINS = 2_000;
    /**
     * Yields before a helper parks. 20 000 (an earlier value) kept helpers yielding in a loop through the sampler's
     * work between two Langevin gradients, costing CPU that a loaded 2-core machine does not have (process CPU of a
     * 784-512-512-1 EBM iteration with 2 workers: 700-720 ms with 20 000 at load averages 7-9, 530-650 ms with
     * 1 000 at 4-6; the loads differed, so this is an indication, not a measurement of the constant); parking costs a wake-up of tens of microseconds on the next call, small against the 2.7 ms
     * of a call that is split at all.
     */
    private static final int YIELDS = 1_000;
    private static final Map<Integer, Workers> SHARED = new HashMap<>();

    /** One block of a phase. */
    @FunctionalInterface
    interface Block {
        /**
         * Runs block b on worker w.
         *
         * @param b The block, 0..blocks-1.
         * @param w The worker, 0..P-1 (0 is the caller); a worker runs one block at a time, so per-worker scratch
         *     space indexed by w is safe.
         */
        void run(int b, int w);
    }

    /** One phase: its blocks, the next block to claim, the number finished, the first failure. */
    private static final class Phase {
        final Block block;
        final int blocks;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Phase(Block block, int blocks) {
            this.block = block;
            this.blocks = blocks;
        }

        /** Claims and runs blocks until none is left. */
        void work(int w) {
            for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                try {
                    if (failure == null) {
                        block.run(b, w);
                    }
                } catch (Throwable e) {
                    synchronized (this) {
                        if (failure == null) {
                            failure = e;
                        }
                    }
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }

    private final int size;
    private final Thread[] helpers;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile int generation;
    private volatile Phase current;

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
     * Runs block(b, w) for every b = 0..blocks-1 and returns when all have finished.
     *
     * @param blocks The number of blocks, &ge; 0.
     * @param block The work.
     * @throws RuntimeException The first failure of any block (errors and unchecked exceptions as thrown, checked
     *     ones wrapped in an IllegalStateException).
     */
    void run(int blocks, Block block) {
        if (blocks <= 0) {
            return;
        }
        if (size == 1 || blocks == 1) {
            for (int b = 0; b < blocks; b++) {
                block.run(b, 0);
            }
            return;
        }
        lock.lock();
        try {
            Phase p = new Phase(block, blocks);
            current = p;
            generation = generation + 1;
            for (Thread h : helpers) {
                LockSupport.unpark(h);
            }
            p.work(0);
            for (int i = 0; p.done.get() < blocks; i++) {
                if (i < SPINS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            current = null;
            Throwable f = p.failure;
            if (f != null) {
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
            Phase p = current;
            if (p != null) {
                p.work(index);
            }
        }
    }
}
