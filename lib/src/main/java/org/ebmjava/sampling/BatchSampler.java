package org.ebmjava.sampling;

import java.util.function.ObjIntConsumer;
import java.util.random.RandomGenerator;

/**
 * A Markov chain sampler that moves a batch of n independent chains in R<sup>d</sup> one step at a time: the
 * common frame of the Langevin samplers (ULA and SGLD, MALA, annealed Langevin).
 *
 * <p>A batch is one row-major float array of n&middot;d values, row i the state of chain i; n is its length / d.
 * {@link #run(float[], int, RandomGenerator)} moves the chains in place and returns the same array, so a training
 * loop reads {@code float[] negatives = sampler.run(buffer.sample(batch, rng), steps, rng)}. Every random number
 * comes from the generator passed to the call: the same seed gives the same chains.
 *
 * <p>After every step the new states are checked: a NaN or infinite coordinate stops the run with an
 * {@link IllegalStateException} naming the step, chain and coordinate (usually the step size is too large for the
 * energy's curvature, or the energy itself returned a non-finite gradient).
 *
 * <p>Samplers keep work buffers between calls: an instance is not thread-safe.
 */
public abstract class BatchSampler {

    private final int dimension;

    /**
     * Creates a sampler for points of the given dimension.
     *
     * @param dimension The dimension d of one point, at least 1.
     * @throws IllegalArgumentException If dimension &lt; 1.
     */
    protected BatchSampler(int dimension) {
        this.dimension = BatchOps.requireAtLeast(dimension, 1, "dimension");
    }

    /**
     * Returns the dimension of one point.
     *
     * @return d.
     */
    public final int dimension() {
        return dimension;
    }

    /**
     * Runs every chain for the given number of steps.
     *
     * @param x The starting states, n &ge; 1 rows of d finite floats. Modified: holds the final states.
     * @param steps The number of steps, at least 0.
     * @param rng The random source. Modified.
     * @return x itself, for chaining.
     * @throws IllegalArgumentException If x is empty, not a multiple of d long or not finite, steps &lt; 0, or rng
     *     is null.
     * @throws IllegalStateException If a step produces a non-finite coordinate.
     */
    public final float[] run(float[] x, int steps, RandomGenerator rng) {
        return run(x, steps, rng, null);
    }

    /**
     * Runs every chain for the given number of steps, calling back after each step.
     *
     * @param x The starting states, n &ge; 1 rows of d finite floats. Modified: holds the final states.
     * @param steps The number of steps, at least 0.
     * @param rng The random source. Modified.
     * @param onStep Called after step t = 1, ..., steps with the current states (the live array: read it, do not
     *     modify it) and t; null for none. Use it for progress bars, energy traces or snapshots.
     * @return x itself, for chaining.
     * @throws IllegalArgumentException If x is empty, not a multiple of d long or not finite, steps &lt; 0, or rng
     *     is null.
     * @throws IllegalStateException If a step produces a non-finite coordinate.
     */
    public final float[] run(float[] x, int steps, RandomGenerator rng, ObjIntConsumer<float[]> onStep) {
        int n = BatchOps.rows(x, dimension, "x");
        BatchOps.requireAtLeast(steps, 0, "steps");
        BatchOps.requireRng(rng);
        begin(x, n);
        for (int t = 0; t < steps; t++) {
            step(x, n, t, rng);
            checkFinite(x, t + 1);
            if (onStep != null) {
                onStep.accept(x, t + 1);
            }
        }
        return x;
    }

    /**
     * Runs every chain and records copies of the states after the given numbers of steps.
     *
     * @param x The starting states, n &ge; 1 rows of d finite floats. Modified: holds the final states.
     * @param steps The number of steps, at least 0.
     * @param rng The random source. Modified.
     * @param snapshotSteps The step counts to record, strictly increasing, each in [0, steps] (0 records the start).
     *     Not modified.
     * @return A new array: row k is a copy of all n&middot;d states after snapshotSteps[k] steps.
     * @throws IllegalArgumentException If an argument is invalid (as for {@link #run(float[], int, RandomGenerator)}
     *     or a snapshot step out of range or order).
     * @throws IllegalStateException If a step produces a non-finite coordinate.
     */
    public final float[][] runRecording(float[] x, int steps, RandomGenerator rng, int... snapshotSteps) {
        if (snapshotSteps == null) {
            throw new IllegalArgumentException("snapshotSteps: expected step counts, found null");
        }
        for (int k = 0; k < snapshotSteps.length; k++) {
            int lower = k == 0 ? 0 : snapshotSteps[k - 1] + 1;
            if (snapshotSteps[k] < lower || snapshotSteps[k] > steps) {
                throw new IllegalArgumentException("snapshotSteps[" + k + "]: expected strictly increasing values in [0, "
                        + steps + "], found " + snapshotSteps[k]);
            }
        }
        float[][] out = new float[snapshotSteps.length][];
        int[] next = {0};
        if (snapshotSteps.length > 0 && snapshotSteps[0] == 0) {
            BatchOps.rows(x, dimension, "x");
            out[0] = x.clone();
            next[0] = 1;
        }
        run(x, steps, rng, (state, t) -> {
            if (next[0] < snapshotSteps.length && snapshotSteps[next[0]] == t) {
                out[next[0]++] = state.clone();
            }
        });
        return out;
    }

    /**
     * Prepares a run (e.g. evaluates the energy at the starting states); called once per run before the first step.
     * The default does nothing.
     *
     * @param x The starting states, n rows, already checked. Not modified.
     * @param n The number of chains.
     */
    protected void begin(float[] x, int n) {}

    /**
     * Performs one step of every chain in place.
     *
     * @param x The states, n rows. Modified.
     * @param n The number of chains.
     * @param t The index of this step within the run, 0 for the first.
     * @param rng The random source. Modified.
     */
    protected abstract void step(float[] x, int n, int t, RandomGenerator rng);

    /**
     * Returns a work buffer of at least the given length, reusing the old one when it is long enough.
     *
     * @param buffer The current buffer, or null.
     * @param length The length needed.
     * @return buffer if long enough, else a new array.
     */
    static float[] ensure(float[] buffer, int length) {
        return buffer != null && buffer.length >= length ? buffer : new float[length];
    }

    private void checkFinite(float[] x, int step) {
        for (int k = 0; k < x.length; k++) {
            if (!Float.isFinite(x[k])) {
                throw new IllegalStateException(getClass().getSimpleName() + ": step " + step + " produced " + x[k] + " at chain "
                        + k / dimension + ", coordinate " + k % dimension + "; the step size is probably too large for "
                        + "this energy (or its gradient is not finite there)");
            }
        }
    }
}
