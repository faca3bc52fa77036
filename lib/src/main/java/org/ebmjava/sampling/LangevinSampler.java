package org.ebmjava.sampling;

import java.util.random.RandomGenerator;

/**
 * Unadjusted Langevin dynamics on a batch of chains: gradient steps downhill on the energy plus Gaussian noise, in
 * two step-size conventions.
 *
 * <p><b>ULA</b> ({@link #ula(BatchEnergy, double)}), one step size &epsilon; &gt; 0, xi ~ N(0, I):
 * <pre>
 *   x &larr; x - (&epsilon;/2) &nabla;_xE(x)nabla;_x E(x) + sqrt(&epsilon;) xi  =  x + (&epsilon;/2) s(x) + sqrt(&epsilon;) xi
 * </pre>
 * the Euler-Maruyama discretisation, with time step dt = &epsilon;/2, of the Langevin diffusion dx = -&nabla;E dt +
 * sqrt(2) dW, whose stationary density is p &prop; exp(-E). This is the convention of Welling and Teh
 * (2011) and of Song and Ermon (2019), Algorithm 1. For &epsilon; &gt; 0 the chain is biased: on a Gaussian
 * with variance v per coordinate it settles at variance v / (1 - &epsilon;/(4v)), not v ({@link MalaSampler}
 * removes the bias with an accept/reject step).
 *
 * <p><b>SGLD-style</b> ({@link #sgld(BatchEnergy, double, double)}), separate gradient step a &gt; 0 and noise
 * scale s &ge; 0:
 * <pre>
 *   x &larr; clamp(x - a clip(&nabla;_xE(x)nabla;_x E(x)) + s xi)
 * </pre>
 * as used to train neural EBMs (Du and Mordatch, 2019; Nijkamp et al., 2019; the UvA-DL tutorial uses a = 10,
 * s = 0.005, gradients clipped to [-0.03, 0.03] per element and images clamped to [-1, 1]). With s &lt;&lt;
 * sqrt(2a) this samples exp(-E/T) at an effective temperature T = s<sup>2</sup>/(2a), far below 1: it is a
 * noisy descent that finds low-energy points, not an exact sampler of exp(-E). ULA is the special case a =
 * &epsilon;/2, s = sqrt(&epsilon;).
 *
 * <p>Options, for either convention: {@link #clipGradient(double)} clips each element of the gradient to [-c, c]
 * before the step; {@link #clampTo(double, double)} clamps every coordinate to a box after the step (e.g. [0, 1] or
 * [-1, 1] for images). Both change the stationary distribution; they are for training, not for exact sampling.
 *
 * <p>The drift can come from an energy (s = -&nabla;E) or from a score field s(x, &sigma;) evaluated at a fixed
 * noise level &sigma; ({@link #ula(BatchScore, double, double)}), e.g. a learned score. Instances are immutable in
 * their settings; the {@code clip}/{@code clamp} methods return new samplers. Work buffers make an instance not
 * thread-safe.
 *
 * <pre>
 * References: G. O. Roberts and R. L. Tweedie, "Exponential convergence of Langevin distributions and their
 * discrete approximations", Bernoulli 2(4), 341-363, 1996.
 * M. Welling and Y. W. Teh, "Bayesian Learning via Stochastic Gradient Langevin Dynamics", ICML 2011.
 * Y. Du and I. Mordatch, "Implicit Generation and Modeling with Energy-Based Models", NeurIPS 2019.
 * </pre>
 */
public final class LangevinSampler extends BatchSampler {

    private final BatchScore score;
    private final double sigma;
    private final double stepSize;
    private final double noiseScale;
    private final double clip;
    private final double lo;
    private final double hi;
    private final String convention;
    private float[] drift;
    private float[] noise;

    private LangevinSampler(BatchScore score, double sigma, double stepSize, double noiseScale, double clip,
            double lo, double hi, String convention) {
        super(checkScore(score).dimension());
        this.score = score;
        this.sigma = sigma;
        this.stepSize = stepSize;
        this.noiseScale = noiseScale;
        this.clip = clip;
        this.lo = lo;
        this.hi = hi;
        this.convention = convention;
    }

    /**
     * Creates the unadjusted Langevin algorithm x &larr; x - (&epsilon;/2) &nabla;E(x) + sqrt(&epsilon;) xi.
     *
     * @param energy The energy, p &prop; exp(-E). Not modified (evaluated).
     * @param epsilon The step size &epsilon;, finite and &gt; 0.
     * @return The sampler.
     * @throws IllegalArgumentException If energy is null or epsilon is not finite and positive.
     */
    public static LangevinSampler ula(BatchEnergy energy, double epsilon) {
        return ula(BatchScore.of(checkEnergy(energy)), 1.0, epsilon);
    }

    /**
     * Creates the unadjusted Langevin algorithm x &larr; x + (&epsilon;/2) s(x, &sigma;) + sqrt(&epsilon;) xi with a
     * score field at a fixed noise level.
     *
     * @param score The score s &asymp; &nabla;<sub>x</sub> log p. Not modified (evaluated).
     * @param sigma The noise level passed to the score, finite and &gt; 0 (ignored by an unconditional score).
     * @param epsilon The step size &epsilon;, finite and &gt; 0.
     * @return The sampler.
     * @throws IllegalArgumentException If score is null or sigma or epsilon is not finite and positive.
     */
    public static LangevinSampler ula(BatchScore score, double sigma, double epsilon) {
        BatchOps.requirePositive(sigma, "sigma");
        BatchOps.requirePositive(epsilon, "epsilon");
        return new LangevinSampler(score, sigma, epsilon / 2.0, Math.sqrt(epsilon), Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "ULA, epsilon=" + BatchOps.num(epsilon));
    }

    /**
     * Creates SGLD-style Langevin dynamics x &larr; x - a &nabla;E(x) + s xi with separate gradient step and noise
     * scale.
     *
     * @param energy The energy. Not modified (evaluated).
     * @param stepSize The gradient step a, finite and &gt; 0.
     * @param noiseScale The noise standard deviation s per step, finite and &ge; 0 (0 gives plain gradient descent).
     * @return The sampler.
     * @throws IllegalArgumentException If energy is null or a number is out of range.
     */
    public static LangevinSampler sgld(BatchEnergy energy, double stepSize, double noiseScale) {
        BatchOps.requirePositive(stepSize, "stepSize");
        BatchOps.requireNonNegative(noiseScale, "noiseScale");
        return new LangevinSampler(BatchScore.of(checkEnergy(energy)), 1.0, stepSize, noiseScale,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "SGLD");
    }

    /**
     * Returns a sampler that also clips every gradient element to [-maxAbs, maxAbs] before the step.
     *
     * @param maxAbs The clip c, finite and &gt; 0.
     * @return A new sampler with the same other settings.
     * @throws IllegalArgumentException If maxAbs is not finite and positive.
     */
    public LangevinSampler clipGradient(double maxAbs) {
        BatchOps.requirePositive(maxAbs, "maxAbs");
        return new LangevinSampler(score, sigma, stepSize, noiseScale, maxAbs, lo, hi, convention);
    }

    /**
     * Returns a sampler that also clamps every coordinate to [lo, hi] after the step.
     *
     * @param lo The lower edge, finite.
     * @param hi The upper edge, finite and &gt; lo.
     * @return A new sampler with the same other settings.
     * @throws IllegalArgumentException If the box is empty or not finite.
     */
    public LangevinSampler clampTo(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(hi > lo)) {
            throw new IllegalArgumentException("lo, hi: expected finite lo < hi, found lo = " + lo + ", hi = " + hi);
        }
        return new LangevinSampler(score, sigma, stepSize, noiseScale, clip, lo, hi, convention);
    }

    /**
     * Returns the gradient step a (&epsilon;/2 for ULA).
     *
     * @return a.
     */
    public double stepSize() {
        return stepSize;
    }

    /**
     * Returns the noise standard deviation s per step (sqrt(&epsilon;) for ULA).
     *
     * @return s.
     */
    public double noiseScale() {
        return noiseScale;
    }

    /**
     * Returns the effective temperature T = s<sup>2</sup>/(2a) whose density exp(-E/T) the dynamics targets in the
     * limit of small steps (1 for ULA).
     *
     * @return T.
     */
    public double temperature() {
        return noiseScale * noiseScale / (2.0 * stepSize);
    }

    /**
     * Performs one step of every chain (the same as {@code run(x, 1, rng)}).
     *
     * @param x The states, n &ge; 1 rows of d finite floats. Modified.
     * @param rng The random source. Modified.
     * @return x itself.
     * @throws IllegalArgumentException If x or rng is invalid.
     * @throws IllegalStateException If the step produces a non-finite coordinate.
     */
    public float[] step(float[] x, RandomGenerator rng) {
        return run(x, 1, rng);
    }

    @Override
    protected void step(float[] x, int n, int t, RandomGenerator rng) {
        int m = n * dimension();
        drift = ensure(drift, m);
        score.score(x, n, sigma, drift);
        if (noiseScale > 0.0) {
            noise = ensure(noise, m);
            GaussianNoise.fill(noise, m, rng);
        }
        // float arithmetic with Math.min/max clamps, which the JIT vectorises: on 128 x 784 images this loop took
        // 0.9-1.3 ms per step in double with if/else clamps (as long as a third of the network's input gradient)
        // and 0.05 ms like this. NaN still reaches x (Math.min/max return NaN), where run() reports it.
        float a = (float) stepSize;
        float s = (float) noiseScale;
        float c = (float) clip;
        float low = (float) lo;
        float high = (float) hi;
        if (noiseScale > 0.0) {
            for (int k = 0; k < m; k++) {
                float g = Math.max(-c, Math.min(c, drift[k]));
                x[k] = Math.max(low, Math.min(high, x[k] + a * g + s * noise[k]));
            }
        } else {
            for (int k = 0; k < m; k++) {
                float g = Math.max(-c, Math.min(c, drift[k]));
                x[k] = Math.max(low, Math.min(high, x[k] + a * g));
            }
        }
    }

    /**
     * Describes the settings.
     *
     * @return E.g. "LangevinSampler[SGLD, a=10, s=0.005, clip=0.03, box=[-1, 1], d=784]".
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("LangevinSampler[").append(convention);
        b.append(", a=").append(BatchOps.num(stepSize)).append(", s=").append(BatchOps.num(noiseScale));
        if (clip < Double.POSITIVE_INFINITY) {
            b.append(", clip=").append(BatchOps.num(clip));
        }
        if (lo > Double.NEGATIVE_INFINITY) {
            b.append(", box=[").append(BatchOps.num(lo)).append(", ").append(BatchOps.num(hi)).append(']');
        }
        return b.append(", d=").append(dimension()).append(']').toString();
    }

    static BatchScore checkScore(BatchScore score) {
        if (score == null) {
            throw new IllegalArgumentException("score: expected a score field, found null");
        }
        return score;
    }

    static BatchEnergy checkEnergy(BatchEnergy energy) {
        if (energy == null) {
            throw new IllegalArgumentException("energy: expected an energy, found null");
        }
        return energy;
    }
}
