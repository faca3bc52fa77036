package org.ebmjava.sampling;

import java.util.random.RandomGenerator;

/**
 * Short-run Langevin sampling (Nijkamp et al., 2019): every batch starts afresh from noise and runs a fixed, small
 * number K of Langevin steps; nothing persists between batches.
 *
 * <p>Performs x<sub>0</sub> ~ noise, then K steps of the given sampler. Nijkamp et al. show that an EBM trained
 * with such non-convergent chains learns an energy whose K-step dynamics from noise is a good generator, even though
 * long chains on the same energy drift away from the data; the replay buffer of {@code org.ebmjava.ebm} is the
 * persistent alternative.
 *
 * <pre>
 * Reference: E. Nijkamp, M. Hill, S.-C. Zhu and Y. N. Wu, "Learning Non-Convergent Non-Persistent Short-Run MCMC
 * Toward Energy-Based Model", NeurIPS 2019.
 * </pre>
 */
public final class ShortRunLangevin {

    private final BatchSampler sampler;
    private final InitialNoise noise;
    private final int steps;

    /**
     * Creates the sampler.
     *
     * @param sampler The Langevin dynamics to run (usually a {@link LangevinSampler}).
     * @param noise Where the chains start; its dimension must equal the sampler's.
     * @param steps K, the number of steps from noise, at least 0.
     * @throws IllegalArgumentException If an argument is null, the dimensions differ, or steps &lt; 0.
     */
    public ShortRunLangevin(BatchSampler sampler, InitialNoise noise, int steps) {
        if (sampler == null || noise == null) {
            throw new IllegalArgumentException("sampler and noise: expected both, found " + sampler + ", " + noise);
        }
        if (noise.dimension() != sampler.dimension()) {
            throw new IllegalArgumentException("noise: expected dimension " + sampler.dimension()
                    + " (the sampler's), found " + noise.dimension());
        }
        this.sampler = sampler;
        this.noise = noise;
        this.steps = BatchOps.requireAtLeast(steps, 0, "steps");
    }

    /**
     * Draws n samples: n chains from fresh noise, K steps each.
     *
     * @param n The number of samples, at least 1.
     * @param rng The random source for the noise and the dynamics. Modified.
     * @return A new row-major array of n&middot;d floats.
     * @throws IllegalArgumentException If n &lt; 1 or rng is null.
     * @throws IllegalStateException If a step produces a non-finite coordinate.
     */
    public float[] sample(int n, RandomGenerator rng) {
        return sampler.run(noise.draw(n, rng), steps, rng);
    }

    /**
     * Draws n samples and records the chains along the way.
     *
     * @param n The number of samples, at least 1.
     * @param rng The random source. Modified.
     * @param snapshotSteps Step counts in [0, K] to record, strictly increasing (0 = the starting noise). Not
     *     modified.
     * @return A new array: row k holds the n&middot;d states after snapshotSteps[k] steps.
     * @throws IllegalArgumentException If an argument is invalid.
     * @throws IllegalStateException If a step produces a non-finite coordinate.
     */
    public float[][] sampleRecording(int n, RandomGenerator rng, int... snapshotSteps) {
        return sampler.runRecording(noise.draw(n, rng), steps, rng, snapshotSteps);
    }

    /**
     * Returns the number of steps from noise.
     *
     * @return K.
     */
    public int steps() {
        return steps;
    }

    /**
     * Describes the settings.
     *
     * @return E.g. "ShortRunLangevin[K=100 from uniform[-1, 1]^784, LangevinSampler[...]]".
     */
    @Override
    public String toString() {
        return "ShortRunLangevin[K=" + steps + " from " + noise + ", " + sampler + "]";
    }
}
