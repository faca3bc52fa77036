package org.ebmjava.sampling;

import java.util.random.RandomGenerator;

/**
 * Annealed Langevin dynamics (Song and Ermon, 2019, Algorithm 1): ULA with a noise-conditional score, walking down a
 * schedule of noise levels &sigma;<sub>1</sub> &gt; ... &gt; &sigma;<sub>L</sub> with T steps at each.
 *
 * <p>Performs, for levels i = 1, ..., L and T steps at each, xi ~ N(0, I):
 * <pre>
 *   &alpha;_i = &epsilon; &sigma;_i^2 / &sigma;_L^2
 *   x &larr; x + (&alpha;_i/2) s(x, &sigma;_i) + sqrt(&alpha;_i) xi
 * </pre>
 * where s(x, &sigma;) &asymp; &nabla;<sub>x</sub> log p<sub>&sigma;</sub>(x) is the score of the data density
 * convolved with N(0, &sigma;<sup>2</sup> I). At a large &sigma; the noisy density is smooth and nearly unimodal, so
 * the chains mix between modes and settle in proportion to the modes' weights; as &sigma; shrinks they refine into
 * the nearest mode without losing those proportions. Plain Langevin with the exact score of a mixture of
 * well-separated modes does not recover their weights: each chain stays in the mode whose basin it started in.
 * The step &alpha;<sub>i</sub> &prop; &sigma;<sub>i</sub><sup>2</sup> keeps the signal-to-noise ratio of a step
 * the same at every level.
 *
 * <p>Steps are counted over the whole run: step t (from 0) uses level min(t / T, L - 1), so
 * {@link #totalSteps()} = L&middot;T steps walk the schedule once ({@link #run(float[], RandomGenerator)}); more
 * steps stay at &sigma;<sub>L</sub>. {@link #denoise(float[])} applies the optional final denoising step
 * x + &sigma;<sub>L</sub><sup>2</sup> s(x, &sigma;<sub>L</sub>) (Tweedie's formula, the posterior mean of the clean
 * point), which removes the last level's noise.
 *
 * <pre>
 * Reference: Y. Song and S. Ermon, "Generative Modeling by Estimating Gradients of the Data Distribution",
 * NeurIPS 2019 (Algorithm 1; the mixture experiment of Section 3.2 and Figure 3).
 * </pre>
 */
public final class AnnealedLangevin extends BatchSampler {

    private final BatchScore score;
    private final NoiseSchedule schedule;
    private final int stepsPerLevel;
    private final double epsilon;
    private float[] drift;
    private float[] noiseBuffer;

    /**
     * Creates the sampler.
     *
     * @param score The noise-conditional score s(x, &sigma;). Not modified (evaluated).
     * @param schedule The noise levels, largest first.
     * @param stepsPerLevel T, at least 1.
     * @param epsilon The step size &epsilon; at the smallest level, finite and &gt; 0.
     * @throws IllegalArgumentException If an argument is null or out of range.
     */
    public AnnealedLangevin(BatchScore score, NoiseSchedule schedule, int stepsPerLevel, double epsilon) {
        super(LangevinSampler.checkScore(score).dimension());
        if (schedule == null) {
            throw new IllegalArgumentException("schedule: expected a noise schedule, found null");
        }
        this.score = score;
        this.schedule = schedule;
        this.stepsPerLevel = BatchOps.requireAtLeast(stepsPerLevel, 1, "stepsPerLevel");
        this.epsilon = BatchOps.requirePositive(epsilon, "epsilon");
    }

    /**
     * Returns the noise schedule.
     *
     * @return The schedule.
     */
    public NoiseSchedule schedule() {
        return schedule;
    }

    /**
     * Returns the number of steps per level.
     *
     * @return T.
     */
    public int stepsPerLevel() {
        return stepsPerLevel;
    }

    /**
     * Returns the base step size.
     *
     * @return &epsilon;.
     */
    public double epsilon() {
        return epsilon;
    }

    /**
     * Returns the number of steps that walk the schedule once.
     *
     * @return L&middot;T.
     */
    public int totalSteps() {
        return Math.multiplyExact(schedule.size(), stepsPerLevel);
    }

    /**
     * Returns the step size used at a level.
     *
     * @param level The level index, 0 (largest &sigma;) to L-1.
     * @return &alpha; = &epsilon; &sigma;<sub>level</sub><sup>2</sup> / &sigma;<sub>L</sub><sup>2</sup>.
     * @throws IndexOutOfBoundsException If level is out of range.
     */
    public double stepSize(int level) {
        double ratio = schedule.sigma(level) / schedule.min();
        return epsilon * ratio * ratio;
    }

    /**
     * Walks the whole schedule once: {@link #totalSteps()} steps.
     *
     * @param x The starting states (e.g. uniform noise), n &ge; 1 rows of d finite floats. Modified: the samples.
     * @param rng The random source. Modified.
     * @return x itself.
     * @throws IllegalArgumentException If x or rng is invalid.
     * @throws IllegalStateException If a step produces a non-finite coordinate.
     */
    public float[] run(float[] x, RandomGenerator rng) {
        return run(x, totalSteps(), rng);
    }

    /**
     * Applies the denoising step x &larr; x + &sigma;<sub>L</sub><sup>2</sup> s(x, &sigma;<sub>L</sub>): the
     * posterior mean E[x<sub>clean</sub> | x] under the smallest noise level (exact for the exact score).
     *
     * @param x The states, n &ge; 1 rows of d finite floats. Modified.
     * @return x itself.
     * @throws IllegalArgumentException If x is invalid.
     */
    public float[] denoise(float[] x) {
        int n = BatchOps.rows(x, dimension(), "x");
        drift = ensure(drift, x.length);
        double s2 = schedule.min() * schedule.min();
        score.score(x, n, schedule.min(), drift);
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) (x[k] + s2 * drift[k]);
        }
        return x;
    }

    @Override
    protected void step(float[] x, int n, int t, RandomGenerator rng) {
        int level = Math.min(t / stepsPerLevel, schedule.size() - 1);
        double sigma = schedule.sigma(level);
        double alpha = stepSize(level);
        double half = alpha / 2.0;
        double noise = Math.sqrt(alpha);
        int m = n * dimension();
        drift = ensure(drift, m);
        score.score(x, n, sigma, drift);
        noiseBuffer = ensure(noiseBuffer, m);
        GaussianNoise.fill(noiseBuffer, m, rng);
        for (int k = 0; k < m; k++) {
            x[k] = (float) (x[k] + half * drift[k] + noise * noiseBuffer[k]);
        }
    }

    /**
     * Describes the settings.
     *
     * @return E.g. "AnnealedLangevin[NoiseSchedule[geometric, L=10, 20 .. 1], T=100, epsilon=0.1, d=2]".
     */
    @Override
    public String toString() {
        return "AnnealedLangevin[" + schedule + ", T=" + stepsPerLevel + ", epsilon=" + BatchOps.num(epsilon) + ", d="
                + dimension() + "]";
    }
}
