package org.ebmjava.coop;

import java.util.SplittableRandom;
import org.ebmjava.ebm.NegativeSource;
import org.ebmjava.sampling.BatchOps;
import org.ebmjava.sampling.BatchSampler;
import org.ebmjava.stats.SampleDistances;

/**
 * How close a sampler's output is to held-out data after k Langevin steps, for several k: the measure notebook 08
 * uses to compare CoopNets (chains start at a generator's proposals) with an EBM alone (chains start at noise).
 *
 * <p>For each k in the step list, n chains start from {@code starts.starts(n, rng)} (a fresh random source seeded
 * with the same seed for every k, so the curve compares the same starts), run k steps of the sampler, and the
 * energy distance (Sz&eacute;kely and Rizzo, 2013) between the n end points and the first n held-out points is
 * recorded:
 * <pre>
 *   D(k) = 2 E|X_k - Y| - E|X_k - X_k'| - E|Y - Y'|   &ge; 0, and 0 only when the two distributions are equal
 * </pre>
 * in the data's units (Euclidean distance in R<sup>d</sup>; pixels for images). The cost is O(n<sup>2</sup> d) per
 * k. The source's {@code keep} is never called, so a replay buffer or a generator is left as it was (a
 * {@link GeneratorNegatives} only remembers its last codes).
 */
public final class SampleQuality {

    private SampleQuality() {}

    /**
     * Returns D(k) for each k in steps.
     *
     * @param starts Where the chains start (e.g. {@code NegativeSource.shortRun(noise)} or a
     *     {@link GeneratorNegatives}). Its {@code starts} is called once per k.
     * @param sampler The Langevin dynamics, same dimension d as the source.
     * @param heldOut At least n rows of d finite floats. Not modified.
     * @param n The number of chains and of held-out points compared, &ge; 2.
     * @param steps The step counts k, each &ge; 0. Not modified.
     * @param seed The seed of the starts and the Langevin noise (the same for every k).
     * @return A new array, D(k) for each entry of steps.
     * @throws IllegalArgumentException On a bad argument (named).
     */
    public static double[] energyDistanceAfterSteps(NegativeSource starts, BatchSampler sampler, float[] heldOut,
            int n, int[] steps, long seed) {
        if (starts == null || sampler == null) {
            throw new IllegalArgumentException("starts, sampler: expected both, found " + starts + ", " + sampler);
        }
        int d = sampler.dimension();
        if (starts.dimension() != d) {
            throw new IllegalArgumentException("starts: expected dimension " + d + " (the sampler's), found "
                    + starts.dimension());
        }
        BatchOps.requireAtLeast(n, 2, "n");
        int rows = BatchOps.rows(heldOut, d, "heldOut");
        if (rows < n) {
            throw new IllegalArgumentException("heldOut: expected at least n = " + n + " rows, found " + rows);
        }
        if (steps == null || steps.length == 0) {
            throw new IllegalArgumentException("steps: expected at least one step count, found "
                    + (steps == null ? "null" : "none"));
        }
        for (int s = 0; s < steps.length; s++) {
            if (steps[s] < 0) {
                throw new IllegalArgumentException("steps[" + s + "]: expected >= 0, found " + steps[s]);
            }
        }
        double[][] y = toRows(heldOut, n, d);
        double[] out = new double[steps.length];
        for (int s = 0; s < steps.length; s++) {
            SplittableRandom rng = new SplittableRandom(seed);
            float[] x = starts.starts(n, rng);
            if (steps[s] > 0) {
                sampler.run(x, steps[s], rng);
            }
            out[s] = SampleDistances.energyDistance(toRows(x, n, d), y);
        }
        return out;
    }

    private static double[][] toRows(float[] x, int n, int d) {
        double[][] r = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                r[i][k] = x[i * d + k];
            }
        }
        return r;
    }
}
