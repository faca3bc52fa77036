package org.ebmjava.score;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.ebmjava.neural.Mlp;
import org.ebmjava.sampling.BatchOps;

/**
 * Trains a score network s<sub>&theta;</sub>: R<sup>d</sup> &rarr; R<sup>d</sup> by denoising score matching at
 * one noise level &sigma;.
 *
 * <p>Performs, per minibatch, with fresh z<sub>i</sub> ~ N(0, I) and x&#771;<sub>i</sub> = x<sub>i</sub> + &sigma;
 * z<sub>i</sub>:
 * <pre>
 *   L(&theta;) = (1/n) &sum;_i (1/2) |&sigma; s_&theta;(x&#771;_i) + z_i|^2       (= &sigma;^2 times Vincent's loss)
 * </pre>
 * The minimiser over all functions is the score of the noisy density p * N(0, &sigma;<sup>2</sup> I) (exact
 * for a Gaussian: {@code GaussianEnergy.convolved(sigma)}); it needs no derivative of the model with respect to its
 * input, only the engine's first-order backward pass. The reported loss includes an irreducible part (d/2 at
 * &sigma; &rarr; &infin;, smaller for smaller &sigma;), so it does not go to zero.
 *
 * <pre>
 * Reference: P. Vincent, "A Connection Between Score Matching and Denoising Autoencoders", Neural Computation
 * 23(7), 1661-1674, 2011.
 * </pre>
 */
public final class DenoisingScoreMatchingTrainer extends ScoreMatchingTrainer {

    private final double sigma;
    private float[] sigmas;
    private float[] noise;
    private float[] noisy;
    private float[] out;
    private float[] outGrad;

    /**
     * Creates the trainer without gradient clipping.
     *
     * @param sigma The noise level &sigma;, finite and &gt; 0.
     * @param steps The number of Adam steps, at least 1.
     * @param batchSize The minibatch size, at least 1.
     * @param learningRate Adam's learning rate, finite and &gt; 0.
     * @param seed The seed of the minibatch and noise draws.
     * @throws IllegalArgumentException If a number is out of range.
     */
    public DenoisingScoreMatchingTrainer(double sigma, int steps, int batchSize, double learningRate, long seed) {
        this(sigma, steps, batchSize, learningRate, Double.POSITIVE_INFINITY, seed);
    }

    /**
     * Creates the trainer.
     *
     * @param sigma The noise level &sigma;, finite and &gt; 0.
     * @param steps The number of Adam steps, at least 1.
     * @param batchSize The minibatch size, at least 1.
     * @param learningRate Adam's learning rate, finite and &gt; 0.
     * @param maxGradNorm The gradient-norm clip, &gt; 0, or +&infin; for none.
     * @param seed The seed of the minibatch and noise draws.
     * @throws IllegalArgumentException If a number is out of range.
     */
    public DenoisingScoreMatchingTrainer(double sigma, int steps, int batchSize, double learningRate,
            double maxGradNorm, long seed) {
        super(steps, batchSize, learningRate, maxGradNorm, seed);
        this.sigma = BatchOps.requirePositive(sigma, "sigma");
    }

    /**
     * Returns the noise level.
     *
     * @return &sigma;.
     */
    public double sigma() {
        return sigma;
    }

    @Override
    protected void checkModel(Mlp model) {
        requireScoreHead(model, "denoising score matching");
    }

    @Override
    protected double lossAndGradient(Mlp model, float[] batch, int n, RandomGenerator rng) {
        int d = model.inputDim();
        int m = n * d;
        if (sigmas == null || sigmas.length != n) {
            sigmas = new float[n];
            Arrays.fill(sigmas, (float) sigma);
            noise = new float[m];
            noisy = new float[m];
            out = new float[m];
            outGrad = new float[m];
        }
        ScoreOps.perturb(batch, sigmas, n, d, rng, noise, noisy);
        model.output(noisy, null, n, out);
        double loss = ScoreOps.denoisingLoss(out, noise, sigmas, n, d, outGrad);
        if (Double.isFinite(loss)) {
            model.accumulateGradient(noisy, null, n, outGrad);
        }
        return loss;
    }

    @Override
    protected String name() {
        return "denoising score matching";
    }

    /**
     * Describes the trainer.
     *
     * @return The hyperparameters.
     */
    @Override
    public String toString() {
        return "DenoisingScoreMatchingTrainer[sigma=" + BatchOps.num(sigma) + ", " + hyperparameters() + "]";
    }
}
