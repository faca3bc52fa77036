package org.ebmjava.ising;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Markov chain Monte Carlo for an {@link IsingModel}: checkerboard sweeps of Metropolis or
 * heat-bath single-spin updates at temperature T, optionally on several threads.
 *
 * <p>A sweep updates first every site with row + col even, then every site with row + col odd
 * (L<sup>2</sup> attempted updates). Sites of one sublattice have all four neighbours in the other,
 * so their updates are independent and each half-sweep is split into blocks of rows, one per
 * thread, separated by a barrier. Both rules are implemented as "flip s<sub>i</sub> with
 * probability P(s<sub>i</sub>, h<sup>nb</sup><sub>i</sub>)", tabulated for the ten combinations of
 * s<sub>i</sub> = &plusmn;1 and neighbour sum h<sup>nb</sup> &isin; {-4, -2, 0, 2, 4} whenever the
 * temperature changes (see {@link UpdateRule} and {@link #flipProbability}); with
 * &Delta;E = 2 s<sub>i</sub> (J h<sup>nb</sup> + h):
 * <pre>
 *   Metropolis: P = min(1, exp(-&Delta;E/T))
 *   heat bath:  P = 1 / (1 + exp(&Delta;E/T))   (the Gibbs conditional of -s_i)
 * </pre>
 *
 * <p>Randomness: the uniform number for the update of site i in sweep k (counted from 0 since
 * this sampler was created) is a pure function of (seed, k &middot; N + i): the SplitMix64
 * finaliser of mix(seed) + (k &middot; N + i + 1) &middot; 0x9E3779B97F4A7C15, top 53 bits,
 * compared with the tabulated probability as an integer threshold. The chain is therefore
 * identical for every thread count and every scheduling of the threads: a run with threads = 1 and
 * one with threads = 8 from the same state and seed give bit-identical spins.
 *
 * <p>Threads: with threads &gt; 1 the sampler owns threads - 1 daemon worker threads (the calling
 * thread does the first block), so {@link #close} it when done, e.g. in try-with-resources. The
 * threads meet at a barrier after every half-sweep (spinning briefly, then parking), so extra
 * threads pay off for large lattices (L &ge; 128 or so) on otherwise idle cores; when other
 * processes keep the cores busy, threads = 1 is usually fastest. About 200 M updates/s per thread
 * on a 2020s x86 core. The sampler and its model are not thread-safe: do not call it from two
 * threads at once or touch the model while a sweep runs.
 *
 * <pre>
 * Reference: N. Metropolis et al., "Equation of State Calculations by Fast Computing Machines",
 * J. Chem. Phys. 21, 1953; R. J. Glauber, "Time-Dependent Statistics of the Ising Model",
 * J. Math. Phys. 4, 1963; M. E. J. Newman and G. T. Barkema, "Monte Carlo Methods in Statistical
 * Physics", Oxford University Press, 1999, chapter 3.
 * </pre>
 */
public final class IsingSampler implements AutoCloseable {

    /** Table size: index h<sup>nb</sup> + 4 + (s + 1)/2 for h<sup>nb</sup> &isin; {-4,...,4} even. */
    private static final int TABLE_SIZE = 10;

    private final IsingModel model;
    private final UpdateRule rule;
    private final long seed;
    private final long key;
    private final int threads;
    private final int[] rowStart;
    private final ExecutorService pool;
    private final SpinBarrier barrier;
    private final double[] flipProb = new double[TABLE_SIZE];
    private final long[] thresholds = new long[TABLE_SIZE];
    private double temperature;
    private long sweepsDone;
    private long flipsSinceReset;
    private long updatesSinceReset;
    private boolean closed;

    /**
     * Creates a sampler that updates the given model in place.
     *
     * @param model The model; its spins are modified by every sweep. Must not be null.
     * @param temperature The temperature T (k<sub>B</sub> = 1, units of J). Must be finite and
     *     &gt; 0.
     * @param rule The update rule. Must not be null.
     * @param seed The seed of the counter-based random numbers.
     * @param threads The number of threads per sweep: &ge; 1, or 0 for
     *     {@link Runtime#availableProcessors()}. Capped at L. The chain does not depend on it.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public IsingSampler(IsingModel model, double temperature, UpdateRule rule, long seed, int threads) {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null");
        }
        if (rule == null) {
            throw new IllegalArgumentException("rule must not be null");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0 (0 = available processors), found " + threads);
        }
        this.model = model;
        this.rule = rule;
        this.seed = seed;
        this.key = CounterRandom.key(seed);
        int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        int L = model.size();
        this.threads = Math.max(1, Math.min(t, L));
        this.rowStart = new int[this.threads + 1];
        for (int b = 0; b <= this.threads; b++) {
            rowStart[b] = (int) ((long) L * b / this.threads);
        }
        setTemperature(temperature);
        if (this.threads > 1) {
            AtomicInteger count = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(this.threads - 1, r -> {
                Thread th = new Thread(r, "ising-sampler-" + count.incrementAndGet());
                th.setDaemon(true);
                return th;
            });
            this.barrier = new SpinBarrier(this.threads);
        } else {
            this.pool = null;
            this.barrier = null;
        }
    }

    /**
     * Performs one checkerboard sweep: N = L<sup>2</sup> attempted updates.
     *
     * @throws IllegalStateException If the sampler is closed.
     */
    public void sweep() {
        sweeps(1);
    }

    /**
     * Performs n checkerboard sweeps.
     *
     * @param n The number of sweeps. Must be &ge; 0.
     * @throws IllegalArgumentException If n &lt; 0.
     * @throws IllegalStateException If the sampler is closed or a worker thread failed.
     */
    public void sweeps(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, found " + n);
        }
        if (closed) {
            throw new IllegalStateException("sampler is closed");
        }
        if (n == 0) {
            return;
        }
        long first = sweepsDone;
        long flips = threads == 1 ? runBlock(0, first, n) : runParallel(first, n);
        sweepsDone += n;
        long updates = (long) n * model.spinCount();
        flipsSinceReset += flips;
        updatesSinceReset += updates;
    }

    /**
     * Returns the number of attempted single-spin updates since this sampler was created.
     *
     * @return Sweeps done times N.
     */
    public long updates() {
        return sweepsDone * model.spinCount();
    }

    /**
     * Returns the number of sweeps done since this sampler was created (the sweep counter of the
     * random numbers).
     *
     * @return The sweep count.
     */
    public long sweepsDone() {
        return sweepsDone;
    }

    /**
     * Sets the temperature, rebuilds the probability tables and restarts the acceptance count.
     * The model's state and the random-number counter carry on (annealing reuses the state).
     *
     * @param t The temperature T. Must be finite and &gt; 0.
     * @throws IllegalArgumentException If t is invalid.
     */
    public void setTemperature(double t) {
        if (!(t > 0.0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("temperature must be finite and > 0, found " + t);
        }
        this.temperature = t;
        double h = model.field();
        for (int nb = -4; nb <= 4; nb += 2) {
            for (int s = -1; s <= 1; s += 2) {
                double dE = 2.0 * s * (IsingModel.COUPLING * nb + h);
                double p = rule == UpdateRule.METROPOLIS
                        ? (dE <= 0.0 ? 1.0 : Math.exp(-dE / t))
                        : 1.0 / (1.0 + Math.exp(dE / t));
                int idx = index(s, nb);
                flipProb[idx] = p;
                thresholds[idx] = CounterRandom.threshold(p);
            }
        }
        flipsSinceReset = 0;
        updatesSinceReset = 0;
    }

    /**
     * Returns the tabulated probability of flipping a spin given its neighbours at the current
     * temperature.
     *
     * <p>Metropolis: min(1, exp(-&Delta;E/T)); heat bath: 1/(1 + exp(&Delta;E/T)); with
     * &Delta;E = 2 spin (J neighbourSum + h) = E(after) - E(before). The sweep compares uniform
     * numbers with this value rounded down to a multiple of 2<sup>-53</sup>.
     *
     * @param spin The current spin, +1 or -1.
     * @param neighbourSum The sum of the four neighbouring spins: -4, -2, 0, 2 or 4.
     * @return The flip probability, in [0, 1].
     * @throws IllegalArgumentException If spin or neighbourSum is invalid.
     */
    public double flipProbability(int spin, int neighbourSum) {
        if (spin != 1 && spin != -1) {
            throw new IllegalArgumentException("spin must be +1 or -1, found " + spin);
        }
        if (neighbourSum < -4 || neighbourSum > 4 || neighbourSum % 2 != 0) {
            throw new IllegalArgumentException("neighbourSum must be one of -4, -2, 0, 2, 4, found " + neighbourSum);
        }
        return flipProb[index(spin, neighbourSum)];
    }

    /**
     * Returns the fraction of attempted updates that flipped a spin since the sampler was
     * created or the temperature was last set. For Metropolis this is the acceptance rate; for
     * the heat bath it is the rate at which the resampled spin differs from the old one.
     *
     * @return A value in [0, 1], or NaN before the first sweep.
     */
    public double acceptanceRate() {
        return updatesSinceReset == 0 ? Double.NaN : (double) flipsSinceReset / updatesSinceReset;
    }

    /**
     * Returns the temperature.
     *
     * @return T.
     */
    public double temperature() {
        return temperature;
    }

    /**
     * Returns the model this sampler updates.
     *
     * @return The live model (not a copy).
     */
    public IsingModel model() {
        return model;
    }

    /**
     * Returns the update rule.
     *
     * @return The rule.
     */
    public UpdateRule rule() {
        return rule;
    }

    /**
     * Returns the seed.
     *
     * @return The seed.
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns the number of threads a sweep uses, after resolving 0 and capping at L.
     *
     * @return The thread count, &ge; 1.
     */
    public int threads() {
        return threads;
    }

    /** Stops the worker threads, if any. Further sweeps throw; closing twice is harmless. */
    @Override
    public void close() {
        closed = true;
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "IsingSampler[L=" + model.size() + ", h=" + model.field() + ", T=" + temperature
                + ", rule=" + rule + ", seed=" + seed + ", threads=" + threads + ", sweeps=" + sweepsDone + "]";
    }

    private static int index(int spin, int neighbourSum) {
        return neighbourSum + 4 + ((spin + 1) >> 1);
    }

    private long runParallel(long first, int n) {
        if (barrier.isBroken()) {
            throw new IllegalStateException("a worker thread failed earlier; create a new sampler");
        }
        List<Future<Long>> futures = new ArrayList<>(threads - 1);
        for (int b = 1; b < threads; b++) {
            final int block = b;
            futures.add(pool.submit(() -> runBlockGuarded(block, first, n)));
        }
        long flips = runBlockGuarded(0, first, n);
        for (Future<Long> f : futures) {
            try {
                flips += f.get();
            } catch (InterruptedException e) {
                barrier.breakBarrier();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for sampler threads", e);
            } catch (ExecutionException e) {
                barrier.breakBarrier();
                throw new IllegalStateException("a sampler thread failed", e.getCause());
            }
        }
        return flips;
    }

    private long runBlockGuarded(int block, long first, int n) {
        try {
            return runBlock(block, first, n);
        } catch (RuntimeException | Error e) {
            barrier.breakBarrier();
            throw e;
        }
    }

    /** Runs n sweeps of one row block; with several threads, waits at the barrier after each half. */
    private long runBlock(int block, long first, int n) {
        int r0 = rowStart[block];
        int r1 = rowStart[block + 1];
        long flips = 0;
        for (int k = 0; k < n; k++) {
            for (int parity = 0; parity < 2; parity++) {
                flips += halfSweep(parity, first + k, r0, r1);
                if (barrier != null) {
                    barrier.await(block);
                }
            }
        }
        return flips;
    }

    /**
     * Updates the sites with (row + col) % 2 == parity in rows [r0, r1) and returns the flip count.
     * The wrap-around columns 0 and L - 1 are peeled off so that the inner loop has no modulo and no
     * branch; the flip bit is the sign of (uniform - threshold).
     */
    private long halfSweep(int parity, long sweepIndex, int r0, int r1) {
        final byte[] s = model.rawSpins();
        final long[] thr = thresholds;
        final int L = model.size();
        final long base = key + (sweepIndex * s.length + 1) * CounterRandom.GOLDEN;
        long flips = 0;
        for (int r = r0; r < r1; r++) {
            final int row = r * L;
            final int up = (r == 0 ? L - 1 : r - 1) * L - row;
            final int down = (r == L - 1 ? 0 : r + 1) * L - row;
            int c = (r + parity) & 1;
            if (c == 0) {
                flips += update(s, thr, base, row, row + up, row + down, row + L - 1, row + 1);
                c = 2;
            }
            for (; c < L - 1; c += 2) {
                final int i = row + c;
                final int si = s[i];
                final int nb = s[i + up] + s[i + down] + s[i - 1] + s[i + 1];
                final long u = CounterRandom.mix64(base + i * CounterRandom.GOLDEN) >>> 11;
                final int flip = (int) ((u - thr[nb + 4 + ((si + 1) >> 1)]) >>> 63);
                s[i] = (byte) (si - 2 * si * flip);
                flips += flip;
            }
            if (c == L - 1) {
                final int i = row + c;
                flips += update(s, thr, base, i, i + up, i + down, i - 1, row);
            }
        }
        return flips;
    }

    /** One update of site i with the given neighbour indices; returns 1 if it flipped, else 0. */
    private static int update(byte[] s, long[] thr, long base, int i, int up, int down, int left, int right) {
        final int si = s[i];
        final int nb = s[up] + s[down] + s[left] + s[right];
        final long u = CounterRandom.mix64(base + i * CounterRandom.GOLDEN) >>> 11;
        final int flip = (int) ((u - thr[nb + 4 + ((si + 1) >> 1)]) >>> 63);
        s[i] = (byte) (si - 2 * si * flip);
        return flip;
    }
}
