package org.ebmjava.score;

import java.util.random.RandomGenerator;
import org.ebmjava.neural.Mlp;
import org.ebmjava.sampling.BatchOps;
import org.ebmjava.sampling.BatchScore;
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
 * same order. The network f must take the noise level as its per-sample conditioning input (an {@code Mlp} built
 * with a {@code SinusoidalEmbedding}, preferably {@code ofLog}); &sigma;<sub>i</sub> itself is passed as the level.
 *
 * <p>Two parameterisations of the score by the network output f(x, &sigma;):
 * <ul>
 *   <li><b>scaled</b> (the default; Song and Ermon, 2020, technique 3): s(x, &sigma;) = f(x, &sigma;)/&sigma;, so
 *       the loss is (1/2)|f + z|<sup>2</sup> and f predicts -z, a target of unit size at every level. The true
 *       score near the data grows like 1/&sigma;; the network does not have to produce that range itself.</li>
 *   <li><b>direct</b>: s(x, &sigma;) = f(x, &sigma;), the original NCSN.</li>
 * </ul>
 * Sample with {@link org.ebmjava.sampling.AnnealedLangevin} over the same schedule and the score view
 * {@link #score(Mlp)}, which applies the same parameterisation.
 *
 * <pre>
 * References: Y. Song and S. Ermon, "Generative Modeling by Estimating Gradients of the Data Distribution",
 * NeurIPS 2019 (Section 4.2, Equation 6).
 * Y. Song and S. Ermon, "Improved Techniques for Training Score-Based Generative Models", NeurIPS 2020.
 * </pre>
 */
public final class NoiseConditionalTrainer extends ScoreMatchingTrainer {

    private final NoiseSchedule schedule;
    private final boolean scaled;
    private float[] sigmas;
    private float[] ones;
    private float[] noise;
    private float[] noisy;
    private float[] out;
    private float[] outGrad;

    /**
     * Creates the trainer with the scaled parameterisation s = f/&sigma; and without gradient clipping.
     *
     * @param schedule The noise levels to train on.
     * @param steps The number of Adam steps, at least 1.
     * @param batchSize The minibatch size, at least 1.
     * @param learningRate Adam's learning rate, finite and &gt; 0.
     * @param seed The seed of the minibatch, level and noise draws.
     * @throws IllegalArgumentException If schedule is null or a number is out of range.
     */
    public NoiseConditionalTrainer(NoiseSchedule schedule, int steps, int batchSize, double learningRate, long seed) {
        this(schedule, true, steps, batchSize, learningRate, Double.POSITIVE_INFINITY, seed);
    }

    /**
     * Creates the trainer.
     *
     * @param schedule The noise levels to train on.
     * @param scaled True for s = f/&sigma; (recommended), false for s = f.
     * @param steps The number of Adam steps, at least 1.
     * @param batchSize The minibatch size, at least 1.
     * @param learningRate Adam's learning rate, finite and &gt; 0.
     * @param maxGradNorm The gradient-norm clip, &gt; 0, or +&infin; for none.
     * @param seed The seed of the minibatch, level and noise draws.
     * @throws IllegalArgumentException If schedule is null or a number is out of range.
     */
    public NoiseConditionalTrainer(NoiseSchedule schedule, boolean scaled, int steps, int batchSize,
            double learningRate, double maxGradNorm, long seed) {
        super(steps, batchSize, learningRate, maxGradNorm, seed);
        if (schedule == null) {
            throw new IllegalArgumentException("schedule: expected a noise schedule, found null");
        }
        this.schedule = schedule;
        this.scaled = scaled;
    }

    /**
     * Says which parameterisation the trainer uses.
     *
     * @return True for s = f/&sigma;, false for s = f.
     */
    public boolean scaled() {
        return scaled;
    }

    /**
     * Views a network trained by this trainer as the score field s(x, &sigma;) it parameterises.
     *
     * @param net The noise-conditional network (output = input dimension, with an embedding). Not modified.
     * @return f(x, &sigma;)/&sigma; if {@link #scaled()}, else f(x, &sigma;); shares the network (not thread-safe).
     * @throws IllegalArgumentException If net is null or not a score network.
     */
    public BatchScore score(Mlp net) {
        if (net == null) {
            throw new IllegalArgumentException("net: expected a network, found null");
        }
        BatchScore raw = net.asScore();
        if (!scaled) {
            return raw;
        }
        return new BatchScore() {
            @Override
            public int dimension() {
                return raw.dimension();
            }

            @Override
            public void score(float[] x, int n, double sigma, float[] out) {
                BatchOps.requirePositive(sigma, "sigma");
                raw.score(x, n, sigma, out);
                int m = n * raw.dimension();
                for (int k = 0; k < m; k++) {
                    out[k] = (float) (out[k] / sigma);
                }
            }

            @Override
            public String toString() {
                return "f(x, sigma)/sigma of " + net;
            }
        };
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
            ones = new float[n];
            java.util.Arrays.fill(ones, 1f);
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
        // scaled: sigma s + z = f + z, the same loss as DSM with sigma = 1 on the raw output
        double loss = ScoreOps.denoisingLoss(out, noise, scaled ? ones : sigmas, n, d, outGrad);
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
        return "NoiseConditionalTrainer[" + schedule + ", " + (scaled ? "s = f/sigma" : "s = f") + ", "
                + hyperparameters() + "]";
    }
}
