package org.ebmjava.variational;

import java.util.Locale;
import java.util.SplittableRandom;
import org.ebmjava.neural.Adam;
import org.ebmjava.neural.DivergenceGuard;
import org.ebmjava.neural.GradientClipping;

/**
 * Trains a {@link Vae} by minimising the one-sample estimate of its variational free energy (maximising the
 * ELBO) with Adam on minibatches drawn without replacement per epoch; one Adam each for encoder and decoder.
 *
 * <p>The trainer keeps its optimisers and random stream, so {@link #train(int)} can be called repeatedly.
 */
public final class VaeTrainer {

    private final Vae vae;
    private final float[] data;
    private final int n;
    private final int batchSize;
    private final double learningRate;
    private final double clipNorm;
    private final long seed;
    private final Adam encoderAdam;
    private final Adam decoderAdam;
    private final SplittableRandom rng;
    private final int[] order;
    private final DivergenceGuard guard = new DivergenceGuard("VAE free energy", 1e7).hint("lower the learning rate");
    private int iterations;

    /**
     * Creates a trainer.
     *
     * @param vae The model (updated in place). Must not be null.
     * @param data The training data, n&middot;d finite floats. Not modified (copied).
     * @param n The number of points, &ge; 1.
     * @param batchSize The minibatch size, 1 &le; B &le; n.
     * @param learningRate Adam's learning rate, &gt; 0.
     * @param clipNorm The per-network gradient-norm clip, &gt; 0.
     * @param seed The seed of the shuffles and of &epsilon;.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public VaeTrainer(Vae vae, float[] data, int n, int batchSize, double learningRate, double clipNorm, long seed) {
        if (vae == null) {
            throw new IllegalArgumentException("vae must not be null");
        }
        int d = vae.dataDimension();
        if (n < 1 || data == null || data.length < (long) n * d) {
            throw new IllegalArgumentException("data: expected n*d = " + (long) n * d + " floats with n >= 1, found "
                    + (data == null ? "null" : data.length));
        }
        if (batchSize < 1 || batchSize > n || !(learningRate > 0) || !(clipNorm > 0)) {
            throw new IllegalArgumentException("need 1 <= batchSize <= n, learningRate > 0 and clipNorm > 0, found "
                    + batchSize + ", " + learningRate + ", " + clipNorm);
        }
        for (int j = 0; j < n * d; j++) {
            if (!Float.isFinite(data[j])) {
                throw new IllegalArgumentException("data[" + j + "] is not finite: " + data[j]);
            }
        }
        this.vae = vae;
        this.data = java.util.Arrays.copyOf(data, n * d);
        this.n = n;
        this.batchSize = batchSize;
        this.learningRate = learningRate;
        this.clipNorm = clipNorm;
        this.seed = seed;
        this.encoderAdam = new Adam(learningRate);
        this.decoderAdam = new Adam(learningRate);
        this.rng = new SplittableRandom(seed);
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
    }

    /**
     * Runs epochs: each a shuffled pass over the data in floor(n / B) minibatches.
     *
     * @param epochs The number of epochs, &ge; 0.
     * @return The mean minibatch loss (-ELBO, nats per point) of each epoch.
     * @throws org.ebmjava.rbm.TrainingDivergedException If the loss becomes non-finite or huge (the message names the
     *     iteration and a hint; from {@link DivergenceGuard}).
     */
    public double[] train(int epochs) {
        int d = vae.dataDimension();
        double[] out = new double[epochs];
        float[] batch = new float[batchSize * d];
        int batches = n / batchSize;
        for (int e = 0; e < epochs; e++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double sum = 0;
            for (int b = 0; b < batches; b++) {
                for (int i = 0; i < batchSize; i++) {
                    System.arraycopy(data, order[b * batchSize + i] * d, batch, i * d, d);
                }
                vae.encoder().zeroGradients();
                vae.decoder().zeroGradients();
                double loss = vae.lossAndGradient(batch, batchSize, rng);
                guard.check(iterations, loss);
                GradientClipping.clipNorm(vae.encoder(), clipNorm);
                GradientClipping.clipNorm(vae.decoder(), clipNorm);
                encoderAdam.step(vae.encoder());
                decoderAdam.step(vae.decoder());
                iterations++;
                sum += loss;
            }
            out[e] = sum / batches;
        }
        return out;
    }

    /**
     * Returns the number of updates so far.
     *
     * @return The iteration count.
     */
    public int iterations() {
        return iterations;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "VaeTrainer[batch=%d, Adam lr=%s, clip=%s, seed=%d, %d iterations so far]",
                batchSize, learningRate, clipNorm, seed, iterations);
    }
}
