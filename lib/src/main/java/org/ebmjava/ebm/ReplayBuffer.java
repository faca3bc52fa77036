package org.ebmjava.ebm;

import java.util.random.RandomGenerator;
import org.ebmjava.sampling.BatchOps;
import org.ebmjava.sampling.InitialNoise;

/**
 * A replay buffer of past Langevin samples (Du and Mordatch, 2019): persistent chains for maximum-likelihood EBM
 * training, with a fraction of fresh noise in every batch so that new modes keep being explored.
 *
 * <p>One training iteration reads:
 * <pre>
 *   float[] negatives = sampler.run(buffer.sample(batch, rng), steps, rng);   // K Langevin steps from the batch
 *   buffer.push(negatives);                                                  // the chains persist
 * </pre>
 * {@link #sample(int, RandomGenerator)} draws each row independently: with probability f (the fresh fraction,
 * typically 0.05) a new point from the noise distribution, otherwise a stored point chosen uniformly with
 * replacement. So the number of fresh rows is Binomial(batch, f), as in the UvA-DL tutorial. While the buffer is
 * empty every row is fresh noise (the first iteration is short-run Langevin from noise). {@link #push(float[])}
 * appends rows; once the buffer is full each new row overwrites the oldest (first in, first out, a ring).
 *
 * <p>All randomness comes from the generator passed to {@code sample}: the same seed and the same pushes give the
 * same batches. An instance is not thread-safe.
 *
 * <pre>
 * References: Y. Du and I. Mordatch, "Implicit Generation and Modeling with Energy-Based Models", NeurIPS 2019.
 * P. Lippe, UvA Deep Learning Tutorials, Tutorial 8: "Deep Energy-Based Generative Models" (the Sampler's buffer).
 * </pre>
 */
public final class ReplayBuffer {

    /** The fresh-noise fraction of Du and Mordatch and of the UvA-DL tutorial: 5 %. */
    public static final double DEFAULT_FRESH_FRACTION = 0.05;

    private final InitialNoise noise;
    private final int dimension;
    private final int capacity;
    private final double freshFraction;
    private final float[] data;
    private int size;
    private int next;
    private boolean[] lastFresh = new boolean[0];

    /**
     * Creates an empty buffer.
     *
     * @param capacity The most points it holds, at least 1 (e.g. 8192 for MNIST-sized models).
     * @param freshFraction f, the probability that a sampled row is fresh noise, in [0, 1].
     * @param noise The distribution of fresh rows; its dimension is the buffer's.
     * @throws IllegalArgumentException If capacity &lt; 1, freshFraction is outside [0, 1] or NaN, noise is null, or
     *     capacity &middot; d overflows an array.
     */
    public ReplayBuffer(int capacity, double freshFraction, InitialNoise noise) {
        BatchOps.requireAtLeast(capacity, 1, "capacity");
        if (!(freshFraction >= 0.0 && freshFraction <= 1.0)) {
            throw new IllegalArgumentException("freshFraction: expected a probability in [0, 1], found "
                    + freshFraction);
        }
        if (noise == null) {
            throw new IllegalArgumentException("noise: expected a noise distribution, found null");
        }
        this.noise = noise;
        this.dimension = noise.dimension();
        this.capacity = capacity;
        this.freshFraction = freshFraction;
        long floats = (long) capacity * dimension;
        if (floats > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("capacity: expected capacity * d <= " + (Integer.MAX_VALUE - 8)
                    + " floats, found " + capacity + " * " + dimension + " = " + floats);
        }
        this.data = new float[(int) floats];
    }

    /**
     * Creates an empty buffer with the default 5 % fresh noise.
     *
     * @param capacity The most points it holds, at least 1.
     * @param noise The distribution of fresh rows.
     * @throws IllegalArgumentException If capacity &lt; 1 or noise is null.
     */
    public ReplayBuffer(int capacity, InitialNoise noise) {
        this(capacity, DEFAULT_FRESH_FRACTION, noise);
    }

    /**
     * Draws a batch of starting points: each row fresh noise with probability f (always while the buffer is
     * empty), otherwise a copy of a uniformly chosen stored point.
     *
     * @param batch The number of rows, at least 1.
     * @param rng The random source. Modified.
     * @return A new row-major array of batch&middot;d floats (the buffer is not changed).
     * @throws IllegalArgumentException If batch &lt; 1 or rng is null.
     */
    public float[] sample(int batch, RandomGenerator rng) {
        BatchOps.requireAtLeast(batch, 1, "batch");
        BatchOps.requireRng(rng);
        float[] out = new float[Math.multiplyExact(batch, dimension)];
        boolean[] fresh = new boolean[batch];
        for (int r = 0; r < batch; r++) {
            if (size == 0 || rng.nextDouble() < freshFraction) {
                noise.fillRows(out, r, 1, rng);
                fresh[r] = true;
            } else {
                System.arraycopy(data, rng.nextInt(size) * dimension, out, r * dimension, dimension);
            }
        }
        lastFresh = fresh;
        return out;
    }

    /**
     * Stores points, overwriting the oldest once the buffer is full.
     *
     * @param x The points, n &ge; 1 rows of d finite floats (usually the chains after Langevin). Not modified
     *     (copied); if n exceeds the capacity only the last capacity rows remain.
     * @throws IllegalArgumentException If x is empty, not a multiple of d long or holds NaN or infinity (nothing is
     *     stored then).
     */
    public void push(float[] x) {
        int n = BatchOps.rows(x, dimension, "x");
        for (int r = 0; r < n; r++) {
            System.arraycopy(x, r * dimension, data, next * dimension, dimension);
            next = (next + 1) % capacity;
        }
        size = Math.min(capacity, size + n);
    }

    /**
     * Says which rows of the most recent {@link #sample} were fresh noise.
     *
     * @return A new array, one entry per row of that batch (empty before the first sample).
     */
    public boolean[] lastFreshRows() {
        return lastFresh.clone();
    }

    /**
     * Returns the stored points, oldest first.
     *
     * @return A new row-major array of size()&middot;d floats.
     */
    public float[] contents() {
        float[] out = new float[size * dimension];
        int oldest = size < capacity ? 0 : next;
        for (int r = 0; r < size; r++) {
            System.arraycopy(data, ((oldest + r) % capacity) * dimension, out, r * dimension, dimension);
        }
        return out;
    }

    /** Removes every stored point (the capacity stays). */
    public void clear() {
        size = 0;
        next = 0;
    }

    /**
     * Returns the number of stored points.
     *
     * @return 0 to capacity().
     */
    public int size() {
        return size;
    }

    /**
     * Returns the capacity.
     *
     * @return The most points the buffer holds.
     */
    public int capacity() {
        return capacity;
    }

    /**
     * Returns the dimension of one point.
     *
     * @return d.
     */
    public int dimension() {
        return dimension;
    }

    /**
     * Returns the fresh-noise fraction.
     *
     * @return f.
     */
    public double freshFraction() {
        return freshFraction;
    }

    /**
     * Returns the distribution of fresh rows.
     *
     * @return The noise.
     */
    public InitialNoise noise() {
        return noise;
    }

    /**
     * Describes the buffer.
     *
     * @return E.g. "ReplayBuffer[512/8192 points, d=784, fresh=0.05 from uniform[-1, 1]^784]".
     */
    @Override
    public String toString() {
        return "ReplayBuffer[" + size + "/" + capacity + " points, d=" + dimension + ", fresh="
                + BatchOps.num(freshFraction) + " from " + noise + "]";
    }
}
