package org.ebmjava.ebm;

import java.util.random.RandomGenerator;
import org.ebmjava.sampling.BatchOps;
import org.ebmjava.sampling.InitialNoise;

/**
 * Where the Langevin chains of maximum-likelihood EBM training start, and what happens to their end points: fresh
 * noise every iteration (short-run, Nijkamp et al. 2019) or a replay buffer of past samples with a fraction of
 * fresh noise (persistent, Du and Mordatch 2019).
 *
 * <p>One training iteration reads {@code x = sampler.run(source.starts(m, rng), K, rng); source.keep(x)}.
 */
public interface NegativeSource {

    /**
     * Returns the dimension of one point.
     *
     * @return d.
     */
    int dimension();

    /**
     * Draws the starting points of m chains.
     *
     * @param m The number of chains, at least 1.
     * @param rng The random source. Modified.
     * @return A new row-major array of m&middot;d floats.
     * @throws IllegalArgumentException If m &lt; 1 or rng is null.
     */
    float[] starts(int m, RandomGenerator rng);

    /**
     * Receives the chains' end points after the Langevin steps (a replay buffer stores them; short-run drops them).
     *
     * @param samples The m&middot;d end points. Not modified.
     */
    void keep(float[] samples);

    /**
     * Short-run Langevin: every iteration starts all chains from fresh noise and keeps nothing.
     *
     * @param noise The noise the chains start from.
     * @return The source.
     * @throws IllegalArgumentException If noise is null.
     */
    static NegativeSource shortRun(InitialNoise noise) {
        if (noise == null) {
            throw new IllegalArgumentException("noise: expected a noise distribution, found null");
        }
        return new NegativeSource() {
            @Override
            public int dimension() {
                return noise.dimension();
            }

            @Override
            public float[] starts(int m, RandomGenerator rng) {
                BatchOps.requireRng(rng);
                return noise.draw(m, rng);
            }

            @Override
            public void keep(float[] samples) {
                // short-run chains are not persistent
            }

            @Override
            public String toString() {
                return "short-run from " + noise;
            }
        };
    }

    /**
     * Persistent chains in a replay buffer: every iteration starts from {@link ReplayBuffer#sample} (a fraction of
     * fresh noise, the rest past samples) and pushes the end points back.
     *
     * @param buffer The buffer; it is modified by training, and holds the chains afterwards.
     * @return The source.
     * @throws IllegalArgumentException If buffer is null.
     */
    static NegativeSource replay(ReplayBuffer buffer) {
        if (buffer == null) {
            throw new IllegalArgumentException("buffer: expected a replay buffer, found null");
        }
        return new NegativeSource() {
            @Override
            public int dimension() {
                return buffer.dimension();
            }

            @Override
            public float[] starts(int m, RandomGenerator rng) {
                return buffer.sample(m, rng);
            }

            @Override
            public void keep(float[] samples) {
                buffer.push(samples);
            }

            @Override
            public String toString() {
                return "replay " + buffer;
            }
        };
    }
}
