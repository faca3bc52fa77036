package org.ebmjava.diffusion;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.ebmjava.neural.Adam;
import org.ebmjava.neural.DivergenceGuard;
import org.ebmjava.neural.GradientClipping;

/**
 * Trains a {@link MlpNoisePredictor} by DDPM's simplified objective (Ho et al. 2020, algorithm 1): for data
 * x<sub>0</sub>, a step t uniform in 1..T and noise &epsilon; ~ N(0, I),
 * <pre>
 *   L(&theta;) = E |&epsilon; - &epsilon;_&theta;( sqrt(&alpha;&#772;_t) x_0 + sqrt(1 - &alpha;&#772;_t) &epsilon;, t )|^2      (summed over the d dimensions)
 * </pre>
 * minimised with Adam on minibatches. Since the score of q(x<sub>t</sub> | x<sub>0</sub>) is
 * -&epsilon;/sqrt(1 - &alpha;&#772;<sub>t</sub>), L at step t is (1 - &alpha;&#772;<sub>t</sub>) times the denoising
 * score matching loss of the score model s<sub>&theta;</sub> = -&epsilon;<sub>&theta;</sub>/sqrt(1 - &alpha;&#772;<sub>t</sub>)
 * at that noise level (Vincent 2011): the same minimiser, E[&epsilon; | x<sub>t</sub>], at every level.
 *
 * <p>The trainer holds its optimiser and random stream, so {@link #train(int)} can be called repeatedly (for a
 * learning curve); the network is updated in place. Gradient: dL/d&epsilon;<sub>&theta;</sub> = 2(&epsilon;<sub>&theta;</sub>
 * - &epsilon;)/B for a batch of B points, passed to the engine's reverse mode; the global gradient norm is clipped
 * to {@link #clipNorm()}.
 *
 * <pre>
 * J. Ho, A. Jain and P. Abbeel, "Denoising Diffusion Probabilistic Models", NeurIPS 2020.
 * P. Vincent, "A Connection Between Score Matching and Denoising Autoencoders", Neural Computation 23(7), 2011.
 * </pre>
 */
public final class DdpmTrainer {

    private final GaussianDiffusion process;
    private final MlpNoisePredictor model;
    private final float[] data;
    private final int n;
    private final int batchSize;
    private final double learningRate;
    private final double clipNorm;
    private final long seed;
    private final Adam adam;
    private final SplittableRandom rng;
    private final float[] x0;
    private final float[] xt;
    private final float[] eps;
    private final float[] pred;
    private final float[] grad;
    private final int[] t;
    private final DivergenceGuard guard = new DivergenceGuard("DDPM noise-prediction loss", 1e6);
    private int iterations;

    /**
     * Creates a trainer.
     *
     * @param process The forward process (its schedule and dimension d). Must not be null.
     * @param model The predictor to train, of dimension d and T = the process's steps. Must not be null.
     * @param data The training points, n&middot;d floats, finite. Not modified (copied).
     * @param n The number of training points, &ge; 1.
     * @param batchSize The minibatch size B, &ge; 1.
     * @param learningRate Adam's learning rate, &gt; 0 (betas 0.9, 0.999).
     * @param clipNorm The gradient-norm clip, &gt; 0 (use a large value to disable).
     * @param seed The seed of the minibatch, step and noise draws.
     * @throws IllegalArgumentException If an argument is invalid (named in the message).
     */
    public DdpmTrainer(GaussianDiffusion process, MlpNoisePredictor model, float[] data, int n, int batchSize,
            double learningRate, double clipNorm, long seed) {
        if (process == null || model == null) {
            throw new IllegalArgumentException("process and model must not be null");
        }
        int d = process.dimension();
        if (model.dimension() != d || model.steps() != process.steps()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "model: expected dimension %d and T = %d, found %d and %d", d, process.steps(), model.dimension(),
                    model.steps()));
        }
        if (n < 1 || data == null || data.length < (long) n * d) {
            throw new IllegalArgumentException("data: expected n*d = " + (long) n * d + " floats with n >= 1, found "
                    + (data == null ? "null" : data.length));
        }
        for (int j = 0; j < n * d; j++) {
            if (!Float.isFinite(data[j])) {
                throw new IllegalArgumentException("data[" + j + "] is not finite: " + data[j]);
            }
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, found " + batchSize);
        }
        if (!(learningRate > 0) || !(clipNorm > 0)) {
            throw new IllegalArgumentException("learningRate and clipNorm must be > 0, found " + learningRate + ", "
                    + clipNorm);
        }
        this.process = process;
        this.model = model;
        this.data = java.util.Arrays.copyOf(data, n * d);
        this.n = n;
        this.batchSize = batchSize;
        this.learningRate = learningRate;
        this.clipNorm = clipNorm;
        this.seed = seed;
        this.adam = new Adam(learningRate);
        this.rng = new SplittableRandom(seed);
        this.x0 = new float[batchSize * d];
        this.xt = new float[batchSize * d];
        this.eps = new float[batchSize * d];
        this.pred = new float[batchSize * d];
        this.grad = new float[batchSize * d];
        this.t = new int[batchSize];
    }

    /**
     * Runs optimisation steps.
     *
     * @param steps The number of Adam updates, &ge; 0.
     * @return The minibatch loss of each update (a fresh array of length steps).
     * @throws org.ebmjava.rbm.TrainingDivergedException If the loss becomes non-finite or huge (the message names the
     *     iteration and a hint; from {@link DivergenceGuard}).
     */
    public double[] train(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, found " + steps);
        }
        double[] losses = new double[steps];
        for (int s = 0; s < steps; s++) {
            losses[s] = step();
        }
        return losses;
    }

    /**
     * Runs one Adam update on a fresh minibatch.
     *
     * @return The minibatch loss before the update.
     */
    public double step() {
        int d = process.dimension();
        int T = process.steps();
        for (int i = 0; i < batchSize; i++) {
            int row = rng.nextInt(n);
            System.arraycopy(data, row * d, x0, i * d, d);
            t[i] = 1 + rng.nextInt(T);
        }
        process.sampleMarginal(x0, batchSize, t, rng, xt, eps);
        float[] level = model.levels(t, batchSize);
        model.network().output(xt, level, batchSize, pred);
        double loss = 0;
        for (int j = 0; j < batchSize * d; j++) {
            double r = pred[j] - eps[j];
            loss += r * r;
            grad[j] = (float) (2 * r / batchSize);
        }
        loss /= batchSize;
        guard.check(iterations, loss);
        model.network().zeroGradients();
        model.network().accumulateGradient(xt, level, batchSize, grad);
        GradientClipping.clipNorm(model.network(), clipNorm);
        adam.step(model.network());
        iterations++;
        return loss;
    }

    /**
     * The noise-prediction loss with fixed draws, for held-out evaluation: the mean over points of
     * |&epsilon; - &epsilon;&#770;(x<sub>t</sub>, t)|<sup>2</sup>.
     *
     * @param model The predictor.
     * @param xt The noisy points, n&middot;d floats. Not modified.
     * @param n The number of points, &ge; 1.
     * @param t The step of each point. Not modified.
     * @param eps The noise that produced each x<sub>t</sub>. Not modified.
     * @return The mean squared error per point (summed over dimensions).
     */
    public static double noiseLoss(NoisePredictor model, float[] xt, int n, int[] t, float[] eps) {
        int d = model.dimension();
        float[] out = new float[n * d];
        int chunk = DdpmSampler.DEFAULT_CHUNK;
        float[] bx = new float[chunk * d];
        float[] bo = new float[chunk * d];
        int[] bt = new int[chunk];
        for (int start = 0; start < n; start += chunk) {
            int m = Math.min(chunk, n - start);
            System.arraycopy(xt, start * d, bx, 0, m * d);
            System.arraycopy(t, start, bt, 0, m);
            model.predict(bx, m, bt, bo);
            System.arraycopy(bo, 0, out, start * d, m * d);
        }
        double s = 0;
        for (int j = 0; j < n * d; j++) {
            double r = out[j] - eps[j];
            s += r * r;
        }
        return s / n;
    }

    /**
     * Draws a fixed evaluation set: each point at a uniform step with its noise, from a seed.
     *
     * @param process The forward process.
     * @param x0 The clean points, n&middot;d floats. Not modified.
     * @param n The number of points.
     * @param rng The source of randomness. Advanced.
     * @return {xt, eps} as float arrays and the steps in {@link EvaluationSet#t()}.
     */
    public static EvaluationSet evaluationSet(GaussianDiffusion process, float[] x0, int n, RandomGenerator rng) {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1 + rng.nextInt(process.steps());
        }
        float[] xt = new float[n * process.dimension()];
        float[] eps = new float[n * process.dimension()];
        process.sampleMarginal(x0, n, t, rng, xt, eps);
        return new EvaluationSet(xt, eps, t, n);
    }

    /**
     * A fixed set of noised points for held-out losses.
     *
     * @param xt The noisy points.
     * @param eps The noise used.
     * @param t The steps.
     * @param n The number of points.
     */
    public record EvaluationSet(float[] xt, float[] eps, int[] t, int n) {

        /**
         * Evaluates a predictor on this set.
         *
         * @param model The predictor.
         * @return {@link DdpmTrainer#noiseLoss} on this set.
         */
        public double loss(NoisePredictor model) {
            return noiseLoss(model, xt, n, t, eps);
        }
    }

    /**
     * Returns the number of updates so far.
     *
     * @return The iteration count.
     */
    public int iterations() {
        return iterations;
    }

    /**
     * Returns the gradient-norm clip.
     *
     * @return The clip.
     */
    public double clipNorm() {
        return clipNorm;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DdpmTrainer[batch=%d, Adam lr=%s, clip=%s, seed=%d, %d iterations so far]",
                batchSize, learningRate, clipNorm, seed, iterations);
    }
}
