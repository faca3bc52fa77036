package org.ebmjava.score;

import java.util.random.RandomGenerator;
import org.ebmjava.neural.Mlp;
import org.ebmjava.neural.SecondOrderLoss;

/**
 * Trains an MLP energy E<sub>&theta;</sub> by sliced score matching: the Hessian trace of exact score matching
 * replaced by a random projection.
 *
 * <p>Performs, per minibatch, with one projection v<sub>i</sub> per sample (Rademacher, E[v v<sup>T</sup>] = I):
 * <pre>
 *   J(&theta;) = (1/n) &sum;_i [ (1/2) (v_i&middot;&nabla;_x E(x_i))^2 - v_i^T &nabla;_x^2 E(x_i) v_i ]
 * </pre>
 * whose expectation over v is the exact score-matching objective (E[(v&middot;g)<sup>2</sup>] = |g|<sup>2</sup>,
 * E[v<sup>T</sup>Hv] = tr H). One Hessian-vector product per sample replaces d of them, so the cost does not grow
 * with the dimension; the price is extra variance.
 *
 * <pre>
 * Reference: Y. Song, S. Garg, J. Shi and S. Ermon, "Sliced Score Matching: A Scalable Approach to Density and
 * Score Estimation", UAI 2019.
 * </pre>
 */
public final class SlicedScoreMatchingTrainer extends ScoreMatchingTrainer {

    private float[] projections;

    /**
     * Creates the trainer without gradient clipping.
     *
     * @param steps The number of Adam steps, at least 1.
     * @param batchSize The minibatch size, at least 1.
     * @param learningRate Adam's learning rate, finite and &gt; 0.
     * @param seed The seed of the minibatch and projection draws.
     * @throws IllegalArgumentException If a number is out of range.
     */
    public SlicedScoreMatchingTrainer(int steps, int batchSize, double learningRate, long seed) {
        this(steps, batchSize, learningRate, Double.POSITIVE_INFINITY, seed);
    }

    /**
     * Creates the trainer.
     *
     * @param steps The number of Adam steps, at least 1.
     * @param batchSize The minibatch size, at least 1.
     * @param learningRate Adam's learning rate, finite and &gt; 0.
     * @param maxGradNorm The gradient-norm clip, &gt; 0, or +&infin; for none.
     * @param seed The seed of the minibatch and projection draws.
     * @throws IllegalArgumentException If a number is out of range.
     */
    public SlicedScoreMatchingTrainer(int steps, int batchSize, double learningRate, double maxGradNorm, long seed) {
        super(steps, batchSize, learningRate, maxGradNorm, seed);
    }

    @Override
    protected void checkModel(Mlp model) {
        requireEnergyHead(model, "sliced score matching");
    }

    @Override
    protected double lossAndGradient(Mlp model, float[] batch, int n, RandomGenerator rng) {
        int m = n * model.inputDim();
        if (projections == null || projections.length != m) {
            projections = new float[m];
        }
        ScoreOps.rademacher(projections, m, rng);
        return SecondOrderLoss.slicedScoreMatching(model, batch, n, projections);
    }

    @Override
    protected String name() {
        return "sliced score matching";
    }

    /**
     * Describes the trainer.
     *
     * @return The hyperparameters.
     */
    @Override
    public String toString() {
        return "SlicedScoreMatchingTrainer[" + hyperparameters() + ", projections=Rademacher]";
    }
}
