package org.ebmjava.diffusion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;

/**
 * Ancestral sampling of a DDPM (Ho et al. 2020, algorithm 2): start from noise and run the learned reverse
 * Markov chain down to the data.
 * <pre>
 *   x_T ~ N(0, I)
 *   for t = T, ..., 1:   x_{t-1} = &mu;_&theta;(x_t, t) + &sigma;_t z,   z ~ N(0, I) for t &gt; 1, z = 0 for t = 1
 *   &mu;_&theta;(x_t, t) = (x_t - &beta;_t / sqrt(1 - &alpha;&#772;_t) &epsilon;_&theta;(x_t, t)) / sqrt(&alpha;_t)
 * </pre>
 * with &sigma;<sub>t</sub><sup>2</sup> from {@link ReverseVariance}. Each step is a small move along the
 * score, s = -&epsilon;<sub>&theta;</sub>/sqrt(1 - &alpha;&#772;<sub>t</sub>), plus fresh noise: a
 * Langevin-like chain whose target changes with t, run out of equilibrium from the prior to the data
 * (Sohl-Dickstein et al. 2015).
 *
 * <p>The noise predictor is called once per step with at most {@link #chunk()} rows at a time; the random
 * draws are taken in a fixed order (the initial noise row by row, then each step's noise row by row), so a
 * seed gives the same samples whatever the chunk size. Cost: T predictor calls per chunk.
 *
 * <pre>
 * J. Ho, A. Jain and P. Abbeel, "Denoising Diffusion Probabilistic Models", NeurIPS 2020.
 * J. Sohl-Dickstein, E. Weiss, N. Maheswaranathan and S. Ganguli, "Deep Unsupervised Learning using
 * Nonequilibrium Thermodynamics", ICML 2015.
 * </pre>
 */
public final class DdpmSampler {

    /** Rows per predictor call unless told otherwise (the neural engine's default batch). */
    public static final int DEFAULT_CHUNK = 256;

    private final GaussianDiffusion diffusion;
    private final ReverseVariance variance;
    private final int chunk;

    /**
     * A sampling run with snapshots of the chain.
     *
     * @param samples The final samples x<sub>0</sub>, n&middot;d floats.
     * @param steps The steps at which snapshots were taken, in the order taken (descending t).
     * @param snapshots x<sub>t</sub> at each of those steps, n&middot;d floats each.
     */
    public record Trajectory(float[] samples, int[] steps, List<float[]> snapshots) {}

    /**
     * Creates a sampler calling the predictor with up to {@link #DEFAULT_CHUNK} rows.
     *
     * @param diffusion The process. Must not be null.
     * @param variance The reverse variance choice. Must not be null.
     * @throws IllegalArgumentException If an argument is null.
     */
    public DdpmSampler(GaussianDiffusion diffusion, ReverseVariance variance) {
        this(diffusion, variance, DEFAULT_CHUNK);
    }

    /**
     * Creates a sampler.
     *
     * @param diffusion The process. Must not be null.
     * @param variance The reverse variance choice. Must not be null.
     * @param chunk The most rows per predictor call, &ge; 1.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public DdpmSampler(GaussianDiffusion diffusion, ReverseVariance variance, int chunk) {
        this.chunk = GaussianDiffusion.checkSetup(diffusion, variance, chunk);
        this.diffusion = diffusion;
        this.variance = variance;
    }

    /**
     * Draws n samples.
     *
     * @param model The noise predictor, of the process's dimension.
     * @param n The number of samples, &ge; 0.
     * @param rng The source of randomness. Advanced.
     * @return A new array of n&middot;d floats, row-major.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public float[] sample(NoisePredictor model, int n, RandomGenerator rng) {
        return sample(model, n, rng, new int[0], null).samples();
    }

    /**
     * Draws n samples and keeps snapshots of the chain at chosen steps.
     *
     * @param model The noise predictor, of the process's dimension.
     * @param n The number of samples, &ge; 0.
     * @param rng The source of randomness. Advanced.
     * @param snapshotSteps Steps t (0 &le; t &le; T) at which to copy x<sub>t</sub>; T is the initial noise and 0
     *     the final samples. Not modified.
     * @param progress Called with t after each reverse step (t = T, ..., 1), or null.
     * @return The samples and the snapshots, in descending t.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public Trajectory sample(NoisePredictor model, int n, RandomGenerator rng, int[] snapshotSteps,
            IntConsumer progress) {
        int d = diffusion.dimension();
        diffusion.checkModel(model);
        if (n < 0 || rng == null || snapshotSteps == null) {
            throw new IllegalArgumentException("need n >= 0, an rng and a (possibly empty) snapshot list");
        }
        int steps = diffusion.steps();
        boolean[] keep = new boolean[steps + 1];
        for (int s : snapshotSteps) {
            if (s < 0 || s > steps) {
                throw new IllegalArgumentException("snapshot steps must be in [0, " + steps + "], found " + s);
            }
            keep[s] = true;
        }
        VarianceSchedule schedule = diffusion.schedule();
        float[] x = new float[n * d];
        for (int j = 0; j < x.length; j++) {
            x[j] = (float) rng.nextGaussian();
        }
        List<float[]> shots = new ArrayList<>();
        List<Integer> shotSteps = new ArrayList<>();
        if (keep[steps]) {
            shots.add(x.clone());
            shotSteps.add(steps);
        }
        for (int t = steps; t >= 1; t--) {
            diffusion.reverseMeans(model, x, n, t, chunk, x);
            if (t > 1) {
                double sigma = Math.sqrt(variance.variance(schedule, t));
                for (int j = 0; j < x.length; j++) {
                    x[j] += (float) (sigma * rng.nextGaussian());
                }
            }
            if (keep[t - 1]) {
                shots.add(x.clone());
                shotSteps.add(t - 1);
            }
            if (progress != null) {
                progress.accept(t);
            }
        }
        return new Trajectory(x, shotSteps.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(shots));
    }

    /**
     * Returns the most rows per predictor call.
     *
     * @return The chunk size.
     */
    public int chunk() {
        return chunk;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DdpmSampler[%s, sigma^2=%s, chunk=%d]", diffusion, variance, chunk);
    }
}
