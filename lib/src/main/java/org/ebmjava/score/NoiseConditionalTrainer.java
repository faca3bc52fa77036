package org.ebmjava.score;

import java.util.random.RandomGenerator;
import org.ebmjava.neural.Mlp;
import org.ebmjava.sampling.NoiseSchedule;

/**
 * Trains a noise-conditional score network s<sub>&theta;</sub>(x, &sigma;) (NCSN) by denoising score matching over
 * a whole schedule of noise levels at once.
 *
 * <p>Performs, per minibatch, with a level &sigma;<sub>i</sub> drawn uniformly from the schedule for each sample,
 * z<sub>i</sub> ~ N(0, I) and x&#771;<sub>i</sub> = x<sub>i</sub> + &sigma;<sub>i</sub> z<sub>i</sub>:
 * <pre>
 *   L(&theta;) = (1/n) &sum;_i (1/2) |&sigma;_i s_&theta;(x&#771;_i, &sigma;_i) + z_i|^2
 * </pre>
 * the weighting &lambda;(&sigma;) = &sigma;<sup>2</sup> of Song and Ermon, which gives every level a loss of the
 * same order. The network must take the noise level as its per-sample conditioning input (an
 * {@code Mlp} built with a {@code SinusoidalEmbedding}); &sigma;<sub>i</sub> itself is passed as the level, as
 * {@code Mlp.asScore()} does when a sampler asks for s(x, &sigma;). Sample with
 * {@link org.ebmjava.sampling.AnnealedLangevin} over the same schedule.
 *
 * <pre>
 * Reference: Y. Song and S. Ermon, "Generative Modeling by Estimating Gradients of the Data Distribution",
 * NeurIPS 2019 (Section 4.2, Equation 6).
 * </pre>
 */
public final class NoiseConditionalTrainer extends ScoreMatchingTrainer {

    private final NoiseSchedule schedule;
    private float[] sigmas;
    private float[] noise;
    private float[] noisy;
    private float[] out;
    private float[] outGrad;

    /**
     * Creates the trainer without gradient clipping.
     *
     * @param schedule The noise levels to train on.
     * @param steps The number of Adam steps, at least 1.
     * @param batchSize The minibatch size, at least 1.
     * @param learningRate Adam's learning rate, finite and &gt; 0.
     * @param seed The seed of the minibatch, level and noise draws.
     * @throws IllegalArgumentException If schedule is null or a number is out of range.
     */
    public NoiseConditionalTrainer(NoiseSchedule schedule, int steps, int batchSize, double learningRate, long seed) {
        this(schedule, steps, batchSize, learningRate, Double.POSITIVE_INFINITY, seed);
    }

    /**
     * Creates the trainer.
     *
     * @param schedule The noise levels to train on.
     * @param steps The number of Adam steps, at least 1.
     * @param batchSize The minibatch size, at least 1.
     * @param learningRate Adam's learning rate, finite and &gt; 0.
     * @param maxGradNorm The gradient-norm clip, &gt; 0, or +&infin; for none.
     * @param seed The seed of the minibatch, level and noise draws.
     * @throws IllegalArgumentException If schedule is null or a number is out of range.
     */
    public NoiseConditionalTrainer(NoiseSchedule schedule, int steps, int batchSize, double learningRate,
            double maxGradNorm, long seed) {
        super(steps, batchSize, learningRate, maxGradNorm, seed);
        if (schedule == null) {
            throw new IllegalArgumentException("schedule: expected a noise schedule, found null");
        }
        this.schedule = schedule;
    }

    /**
     * Returns the noise levels.
     *
     * @return The schedule.
     */
    public NoiseSchedule schedule() {
        return schedule;
    }

    @Override
    protected void checkModel(Mlp model) {
        requireScoreHead(model, "noise-conditional score matching");
    }

    @Override
    protected double lossAndGradient(Mlp model, float[] batch, int n, RandomGenerator rng) {
        int d = model.inputDim();
        int m = n * d;
        if (sigmas == null || sigmas.length != n) {
            sigmas = new float[n];
            noise = new float[m];
            noisy = new float[m];
            out = new float[m];
            outGrad = new float[m];
        }
        for (int i = 0; i < n; i++) {
            sigmas[i] = (float) schedule.sigma(rng.nextInt(schedule.size()));
        }
        ScoreOps.perturb(batch, sigmas, n, d, rng, noise, noisy);
        model.output(noisy, sigmas, n, out);
        double loss = ScoreOps.denoisingLoss(out, noise, sigmas, n, d, outGrad);
        if (Double.isFinite(loss)) {
            model.accumulateGradient(noisy, sigmas, n, outGrad);
        }
        return loss;
    }

    @Override
    protected String name() {
        return "noise-conditional score matching";
    }

    /**
     * Describes the trainer.
     *
     * @return The hyperparameters.
     */
    @Override
    public String toString() {
        return "NoiseConditionalTrainer[" + schedule + ", " + hyperparameters() + "]";
    }
}
