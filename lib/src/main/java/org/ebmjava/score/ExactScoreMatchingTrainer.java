package org.ebmjava.score;

import java.util.random.RandomGenerator;
import org.ebmjava.neural.Mlp;
import org.ebmjava.neural.SecondOrderLoss;

/**
 * Trains an MLP energy E<sub>&theta;</sub> by exact (Hyv&auml;rinen) score matching.
 *
 * <p>Performs, per minibatch, with the model score s = -&nabla;<sub>x</sub>E<sub>&theta;</sub>:
 * <pre>
 *   J(&theta;) = (1/n) &sum;_i [ (1/2) |&nabla;_x E(x_i)|^2 - tr &nabla;_x^2 E(x_i) ]
 * </pre>
 * which equals the Fisher divergence from the data up to a constant. The Hessian trace costs one extra pass per
 * input dimension (the engine's {@code SecondOrderLoss.exactScoreMatching}), so this is for low-dimensional data;
 * {@link SlicedScoreMatchingTrainer} replaces it by random projections.
 *
 * <pre>
 * Reference: A. Hyv&auml;rinen, "Estimation of Non-Normalized Statistical Models by Score Matching", JMLR 6, 2005.
 * </pre>
 */
public final class ExactScoreMatchingTrainer extends ScoreMatchingTrainer {

    /**
     * Creates the trainer without gradient clipping.
     *
     * @param steps The number of Adam steps, at least 1.
     * @param batchSize The minibatch size, at least 1.
     * @param learningRate Adam's learning rate, finite and &gt; 0.
     * @param seed The seed of the minibatch draws.
     * @throws IllegalArgumentException If a number is out of range.
     */
    public ExactScoreMatchingTrainer(int steps, int batchSize, double learningRate, long seed) {
        this(steps, batchSize, learningRate, Double.POSITIVE_INFINITY, seed);
    }

    /**
     * Creates the trainer.
     *
     * @param steps The number of Adam steps, at least 1.
     * @param batchSize The minibatch size, at least 1.
     * @param learningRate Adam's learning rate, finite and &gt; 0.
     * @param maxGradNorm The gradient-norm clip, &gt; 0, or +&infin; for none.
     * @param seed The seed of the minibatch draws.
     * @throws IllegalArgumentException If a number is out of range.
     */
    public ExactScoreMatchingTrainer(int steps, int batchSize, double learningRate, double maxGradNorm, long seed) {
        super(steps, batchSize, learningRate, maxGradNorm, seed);
    }

    @Override
    protected void checkModel(Mlp model) {
        requireEnergyHead(model, "exact score matching");
    }

    @Override
    protected double lossAndGradient(Mlp model, float[] batch, int n, RandomGenerator rng) {
        return SecondOrderLoss.exactScoreMatching(model, batch, n);
    }

    @Override
    protected String name() {
        return "exact score matching";
    }

    /**
     * Describes the trainer.
     *
     * @return The hyperparameters.
     */
    @Override
    public String toString() {
        return "ExactScoreMatchingTrainer[" + hyperparameters() + "]";
    }
}
