package org.ebmjava.score;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.ebmjava.neural.Adam;
import org.ebmjava.neural.GradientClipping;
import org.ebmjava.neural.Mlp;
import org.ebmjava.sampling.BatchOps;

/**
 * The training loop shared by the score-matching trainers: minibatches drawn with replacement from the data, one
 * loss-and-gradient evaluation per step (the subclass's objective), optional gradient-norm clipping, one Adam step.
 *
 * <p>A trainer holds hyperparameters only and trains the model it is given in place: the caller builds the network
 * (architecture, initialisation seed) with {@link Mlp#builder(int)} and keeps it; {@link #train} returns the loss
 * history. Randomness (minibatches, noise, projections) comes from a {@link SplittableRandom} seeded by
 * {@link #seed()}, so a run is reproducible for a given model seed, data and thread count.
 *
 * <p>A non-finite loss or parameter stops training with an {@link IllegalStateException} naming the step and a
 * hint (usually the learning rate is too large).
 */
public abstract class ScoreMatchingTrainer {

    /** Receives the loss after every step; called on the training thread, so keep it short. */
    @FunctionalInterface
    public interface StepListener {
        /**
         * Reports one step.
         *
         * @param step The step just done, 1-based.
         * @param steps The total number of steps.
         * @param loss The minibatch loss of this step.
         */
        void onStep(int step, int steps, double loss);

        /**
         * Returns a listener that ignores every call.
         *
         * @return A no-op listener.
         */
        static StepListener none() {
            return (step, steps, loss) -> { };
        }
    }

    private final int steps;
    private final int batchSize;
    private final double learningRate;
    private final double maxGradNorm;
    private final long seed;

    /**
     * Sets the common hyperparameters.
     *
     * @param steps The number of optimiser steps, at least 1.
     * @param batchSize The minibatch size, at least 1.
     * @param learningRate Adam's learning rate (&beta;<sub>1</sub> = 0.9, &beta;<sub>2</sub> = 0.999, &epsilon; =
     *     1e-8), finite and &gt; 0.
     * @param maxGradNorm The gradient-norm clip, finite and &gt; 0, or +&infin; for none.
     * @param seed The seed of the minibatch and noise draws.
     * @throws IllegalArgumentException If a number is out of range.
     */
    protected ScoreMatchingTrainer(int steps, int batchSize, double learningRate, double maxGradNorm, long seed) {
        this.steps = BatchOps.requireAtLeast(steps, 1, "steps");
        this.batchSize = BatchOps.requireAtLeast(batchSize, 1, "batchSize");
        this.learningRate = BatchOps.requirePositive(learningRate, "learningRate");
        if (!(maxGradNorm > 0)) {
            throw new IllegalArgumentException("maxGradNorm: expected > 0 (or infinity for none), found "
                    + maxGradNorm);
        }
        this.maxGradNorm = maxGradNorm;
        this.seed = seed;
    }

    /**
     * Trains a model in place.
     *
     * @param model The network; its parameters are updated. Modified.
     * @param data The training points, row-major, n &ge; 1 rows of model.inputDim() finite floats. Not modified.
     * @param listener Called after every step; {@link StepListener#none()} for none.
     * @return The loss of every step and the wall time.
     * @throws IllegalArgumentException If the model's shape does not suit the objective or the data are invalid.
     * @throws IllegalStateException If the loss or a gradient becomes non-finite (the message names the step).
     */
    public ScoreTrainingResult train(Mlp model, float[] data, StepListener listener) {
        if (model == null) {
            throw new IllegalArgumentException("model: expected a network, found null");
        }
        checkModel(model);
        int d = model.inputDim();
        int n = BatchOps.rows(data, d, "data");
        if (listener == null) {
            throw new IllegalArgumentException("listener: expected a listener (StepListener.none() for none), found null");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Adam adam = new Adam(learningRate, 0.9, 0.999, 1e-8);
        float[] batch = new float[batchSize * d];
        double[] losses = new double[steps];
        long t0 = System.nanoTime();
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < batchSize; i++) {
                System.arraycopy(data, rng.nextInt(n) * d, batch, i * d, d);
            }
            model.zeroGradients();
            double loss = lossAndGradient(model, batch, batchSize, rng);
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException(name() + " diverged at step " + (t + 1) + ": loss " + loss
                        + "; lower the learning rate (" + learningRate + ") or clip the gradient norm");
            }
            double norm = GradientClipping.clipNorm(model.gradients(), maxGradNorm);
            if (!Double.isFinite(norm)) {
                throw new IllegalStateException(name() + " diverged at step " + (t + 1) + ": loss " + loss
                        + ", gradient norm " + norm + "; lower the learning rate (" + learningRate
                        + ") or clip the gradient norm");
            }
            adam.step(model);
            losses[t] = loss;
            listener.onStep(t + 1, steps, loss);
        }
        return new ScoreTrainingResult(losses, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Checks that the model's shape suits the objective.
     *
     * @param model The network. Not modified.
     * @throws IllegalArgumentException If it does not (the message names the expected and found shape).
     */
    protected abstract void checkModel(Mlp model);

    /**
     * Evaluates the objective on one minibatch and accumulates its parameter gradient into
     * {@code model.gradients()} (zeroed by the caller).
     *
     * @param model The network. Modified (its gradient accumulator).
     * @param batch The minibatch, n rows. Not modified.
     * @param n The minibatch size.
     * @param rng The random source for noise or projections. Modified.
     * @return The minibatch loss.
     */
    protected abstract double lossAndGradient(Mlp model, float[] batch, int n, RandomGenerator rng);

    /**
     * Names the objective for messages.
     *
     * @return E.g. "denoising score matching".
     */
    protected abstract String name();

    /**
     * Returns the number of steps.
     *
     * @return steps.
     */
    public int steps() {
        return steps;
    }

    /**
     * Returns the minibatch size.
     *
     * @return batchSize.
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Returns Adam's learning rate.
     *
     * @return learningRate.
     */
    public double learningRate() {
        return learningRate;
    }

    /**
     * Returns the gradient-norm clip.
     *
     * @return maxGradNorm (+&infin; for none).
     */
    public double maxGradNorm() {
        return maxGradNorm;
    }

    /**
     * Returns the seed of the minibatch and noise draws.
     *
     * @return seed.
     */
    public long seed() {
        return seed;
    }

    /**
     * Describes the common hyperparameters.
     *
     * @return E.g. "steps=2000, batchSize=256, learningRate=0.001, maxGradNorm=inf, seed=42".
     */
    protected String hyperparameters() {
        return "steps=" + steps + ", batchSize=" + batchSize + ", learningRate=" + BatchOps.num(learningRate)
                + ", maxGradNorm=" + (Double.isInfinite(maxGradNorm) ? "inf" : BatchOps.num(maxGradNorm))
                + ", seed=" + seed;
    }

    static void requireEnergyHead(Mlp model, String objective) {
        if (model.outputDim() != 1) {
            throw new IllegalArgumentException("model: " + objective + " needs an energy network (output 1), found "
                    + "output " + model.outputDim());
        }
    }

    static void requireScoreHead(Mlp model, String objective) {
        if (model.outputDim() != model.inputDim()) {
            throw new IllegalArgumentException("model: " + objective + " needs a score network (output = input = "
                    + model.inputDim() + "), found output " + model.outputDim());
        }
    }
}
