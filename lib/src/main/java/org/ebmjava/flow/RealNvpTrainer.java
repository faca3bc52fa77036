package org.ebmjava.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ebmjava.neural.Adam;
import org.ebmjava.neural.DivergenceGuard;
import org.ebmjava.neural.GradientClipping;
import org.ebmjava.neural.Mlp;

/**
 * Trains a {@link RealNvp} by maximum likelihood: minibatch Adam on the exact mean negative log-likelihood, one
 * Adam per layer network (same settings), each network's gradient norm clipped.
 *
 * <p>The trainer keeps its optimisers and random stream, so {@link #train(int)} can be called repeatedly.
 */
public final class RealNvpTrainer {

    private final RealNvp flow;
    private final float[] data;
    private final int n;
    private final int batchSize;
    private final double learningRate;
    private final double clipNorm;
    private final long seed;
    private final List<Adam> optimisers = new ArrayList<>();
    private final SplittableRandom rng;
    private final float[] batch;
    private final DivergenceGuard guard =
            new DivergenceGuard("flow NLL", 1e6).hint("lower the learning rate or the scale bound");
    private int iterations;

    /**
     * Creates a trainer.
     *
     * @param flow The flow to train (updated in place). Must not be null.
     * @param data The training points, n&middot;d finite floats. Not modified (copied).
     * @param n The number of points, &ge; 1.
     * @param batchSize The minibatch size, &ge; 1.
     * @param learningRate Adam's learning rate, &gt; 0.
     * @param clipNorm The per-network gradient-norm clip, &gt; 0.
     * @param seed The seed of the minibatch draws.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public RealNvpTrainer(RealNvp flow, float[] data, int n, int batchSize, double learningRate, double clipNorm,
            long seed) {
        if (flow == null) {
            throw new IllegalArgumentException("flow must not be null");
        }
        int d = flow.dimension();
        if (n < 1 || data == null || data.length < (long) n * d) {
            throw new IllegalArgumentException("data: expected n*d = " + (long) n * d + " floats with n >= 1, found "
                    + (data == null ? "null" : data.length));
        }
        for (int j = 0; j < n * d; j++) {
            if (!Float.isFinite(data[j])) {
                throw new IllegalArgumentException("data[" + j + "] is not finite: " + data[j]);
            }
        }
        if (batchSize < 1 || !(learningRate > 0) || !(clipNorm > 0)) {
            throw new IllegalArgumentException("need batchSize >= 1, learningRate > 0 and clipNorm > 0, found "
                    + batchSize + ", " + learningRate + ", " + clipNorm);
        }
        this.flow = flow;
        this.data = java.util.Arrays.copyOf(data, n * d);
        this.n = n;
        this.batchSize = batchSize;
        this.learningRate = learningRate;
        this.clipNorm = clipNorm;
        this.seed = seed;
        for (int l = 0; l < flow.networks().size(); l++) {
            optimisers.add(new Adam(learningRate));
        }
        this.rng = new SplittableRandom(seed);
        this.batch = new float[batchSize * d];
    }

    /**
     * Runs Adam updates.
     *
     * @param steps The number of updates, &ge; 0.
     * @return The minibatch NLL (nats per point) before each update.
     * @throws org.ebmjava.rbm.TrainingDivergedException If the loss becomes non-finite or huge (the message names the
     *     iteration and a hint; from {@link DivergenceGuard}).
     */
    public double[] train(int steps) {
        int d = flow.dimension();
        double[] losses = new double[steps];
        List<Mlp> nets = flow.networks();
        for (int s = 0; s < steps; s++) {
            for (int i = 0; i < batchSize; i++) {
                System.arraycopy(data, rng.nextInt(n) * d, batch, i * d, d);
            }
            nets.forEach(Mlp::zeroGradients);
            double loss = flow.nllAndGradient(batch, batchSize);
            guard.check(iterations, loss);
            for (int l = 0; l < nets.size(); l++) {
                GradientClipping.clipNorm(nets.get(l), clipNorm);
                optimisers.get(l).step(nets.get(l));
            }
            losses[s] = loss;
            iterations++;
        }
        return losses;
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
        return String.format(Locale.ROOT, "RealNvpTrainer[batch=%d, Adam lr=%s, clip=%s, seed=%d, %d iterations so far]",
                batchSize, learningRate, clipNorm, seed, iterations);
    }
}
