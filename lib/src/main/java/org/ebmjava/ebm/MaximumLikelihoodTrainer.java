package org.ebmjava.ebm;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.ebmjava.Ebm;
import org.ebmjava.neural.Adam;
import org.ebmjava.neural.GradientClipping;
import org.ebmjava.rbm.TrainingDivergedException;
import org.ebmjava.sampling.BatchOps;
import org.ebmjava.sampling.BatchSampler;

/**
 * Maximum-likelihood training of an energy-based model p<sub>&theta;</sub>(x) = exp(-E<sub>&theta;</sub>(x)) /
 * Z(&theta;) with Langevin samples as negatives (Du and Mordatch, 2019; Nijkamp et al., 2019).
 *
 * <p>The gradient of the mean negative log-likelihood is
 * <pre>
 *   &nabla;_&theta; NLL = E_data[&nabla;_&theta; E_&theta;(x)] - E_model[&nabla;_&theta; E_&theta;(x)]
 * </pre>
 * and the second expectation is estimated with m samples x<sup>-</sup> from K steps of Langevin dynamics on the
 * current energy. Each iteration draws n data points x<sup>+</sup> (shuffled epochs), runs the chains from a
 * {@link NegativeSource} (fresh noise, or a {@link ReplayBuffer}), and takes one optimiser step on the loss
 * <pre>
 *   L = mean_i E(x_i^+) - mean_j E(x_j^-) + &alpha; [ mean_i E(x_i^+)^2 + mean_j E(x_j^-)^2 ]
 * </pre>
 * whose first two terms have the maximum-likelihood gradient above (the samples are treated as constants); the
 * &alpha; term (Du and Mordatch's energy regulariser) keeps the energies near 0 so that they cannot drift to
 * large magnitudes, which the contrastive term alone does not prevent. Concretely, dL/dE(x<sub>i</sub><sup>+</sup>)
 * = (1 + 2&alpha;E)/n and dL/dE(x<sub>j</sub><sup>-</sup>) = (-1 + 2&alpha;E)/m, passed to
 * {@link EnergyModel#accumulateGradient}. The optimiser is Adam with &beta;<sub>1</sub> = 0 by default, as Du and
 * Mordatch (the sample term is noisy and changes every iteration, so momentum hurts); the parameter gradient may
 * be clipped to a maximum norm.
 *
 * <p>Divergence guard: after every iteration's energies the trainer checks that both mean energies are finite
 * and at most {@link #maxAbsEnergy(double)} in magnitude, that the gradient norm is finite, and that the chains
 * stayed finite; otherwise it stops with a {@link TrainingDivergedException}, which names the iteration,
 * the statistic and its value. The model then holds the parameters of the last good iteration's update.
 *
 * <p>The trainer holds hyperparameters only; {@link #train} updates the model in place (the neural engine's
 * parameters are live arrays) and returns the history. All randomness comes from {@link #seed(long)}: the same
 * seed, model, sampler and data give the same run (for a given thread count of the model).
 *
 * <pre>
 * References: Y. Du and I. Mordatch, "Implicit Generation and Modeling with Energy-Based Models", NeurIPS 2019.
 * E. Nijkamp, M. Hill, S.-C. Zhu and Y. N. Wu, "Learning Non-Convergent Non-Persistent Short-Run MCMC Toward
 * Energy-Based Model", NeurIPS 2019.
 * P. Lippe, UvA Deep Learning Tutorials, Tutorial 8: "Deep Energy-Based Generative Models".
 * </pre>
 */
public final class MaximumLikelihoodTrainer {

    private int batchSize = 64;
    private int langevinSteps = 20;
    private double alpha = 0.1;
    private double learningRate = 1e-4;
    private double beta1 = 0.0;
    private double beta2 = 0.999;
    private double maxGradientNorm = Double.POSITIVE_INFINITY;
    private double maxAbsEnergy = 1e4;
    private double dataNoise = 0.0;
    private long seed = Ebm.DEFAULT_SEED;

    /**
     * Creates a trainer with the defaults: batch 64, K = 20 Langevin steps, &alpha; = 0.1, Adam with learning rate
     * 1e-4, &beta;<sub>1</sub> = 0, &beta;<sub>2</sub> = 0.999, no gradient clipping, energies guarded at 1e4, no
     * data noise, seed {@link Ebm#DEFAULT_SEED}.
     */
    public MaximumLikelihoodTrainer() {
    }

    /**
     * Sets the number of data points and of negatives per iteration.
     *
     * @param batchSize n = m, at least 1.
     * @return This trainer.
     * @throws IllegalArgumentException If batchSize &lt; 1.
     */
    public MaximumLikelihoodTrainer batchSize(int batchSize) {
        this.batchSize = BatchOps.requireAtLeast(batchSize, 1, "batchSize");
        return this;
    }

    /**
     * Sets the number of Langevin steps per iteration.
     *
     * @param steps K, at least 1.
     * @return This trainer.
     * @throws IllegalArgumentException If steps &lt; 1.
     */
    public MaximumLikelihoodTrainer langevinSteps(int steps) {
        this.langevinSteps = BatchOps.requireAtLeast(steps, 1, "langevinSteps");
        return this;
    }

    /**
     * Sets the weight of the energy-magnitude penalty.
     *
     * @param alpha &alpha; &ge; 0 (0 switches it off; Du and Mordatch and the UvA-DL tutorial use 0.1 and 1 in
     *     their settings).
     * @return This trainer.
     * @throws IllegalArgumentException If alpha is negative or not finite.
     */
    public MaximumLikelihoodTrainer energyPenalty(double alpha) {
        this.alpha = BatchOps.requireNonNegative(alpha, "alpha");
        return this;
    }

    /**
     * Sets Adam's learning rate.
     *
     * @param learningRate The rate, finite and &gt; 0.
     * @return This trainer.
     * @throws IllegalArgumentException If the rate is not finite and positive.
     */
    public MaximumLikelihoodTrainer learningRate(double learningRate) {
        this.learningRate = BatchOps.requirePositive(learningRate, "learningRate");
        return this;
    }

    /**
     * Sets Adam's decay rates.
     *
     * @param beta1 &beta;<sub>1</sub> in [0, 1) (0: no momentum, as Du and Mordatch).
     * @param beta2 &beta;<sub>2</sub> in [0, 1).
     * @return This trainer.
     * @throws IllegalArgumentException If a rate is outside [0, 1).
     */
    public MaximumLikelihoodTrainer adamBetas(double beta1, double beta2) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta1, beta2: expected both in [0, 1), found " + beta1 + ", " + beta2);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        return this;
    }

    /**
     * Clips the parameter gradient to a maximum Euclidean norm before each update.
     *
     * @param maxNorm The norm, &gt; 0 (Double.POSITIVE_INFINITY: no clipping, the default).
     * @return This trainer.
     * @throws IllegalArgumentException If maxNorm is not positive.
     */
    public MaximumLikelihoodTrainer maxGradientNorm(double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm: expected > 0, found " + maxNorm);
        }
        this.maxGradientNorm = maxNorm;
        return this;
    }

    /**
     * Sets the divergence guard's bound on the mean energies.
     *
     * @param maxAbs The largest allowed |mean energy| of the data or the samples, finite and &gt; 0.
     * @return This trainer.
     * @throws IllegalArgumentException If maxAbs is not finite and positive.
     */
    public MaximumLikelihoodTrainer maxAbsEnergy(double maxAbs) {
        this.maxAbsEnergy = BatchOps.requirePositive(maxAbs, "maxAbs");
        return this;
    }

    /**
     * Adds Gaussian noise of this standard deviation to every data batch (the UvA-DL tutorial uses 0.005 for
     * images in [-1, 1]): the data then have a density, and the energy cannot make infinitely sharp wells at them.
     *
     * @param std The standard deviation, &ge; 0 (0, the default: none).
     * @return This trainer.
     * @throws IllegalArgumentException If std is negative or not finite.
     */
    public MaximumLikelihoodTrainer dataNoise(double std) {
        this.dataNoise = BatchOps.requireNonNegative(std, "dataNoise");
        return this;
    }

    /**
     * Sets the seed of the data order, the chains' starts and the Langevin noise.
     *
     * @param seed The seed.
     * @return This trainer.
     */
    public MaximumLikelihoodTrainer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Trains the model in place.
     *
     * @param model The energy E<sub>&theta;</sub>; its parameters are updated. Modified.
     * @param sampler The Langevin dynamics built on {@code model.energy()} (e.g.
     *     {@code LangevinSampler.sgld(model.energy(), 10, 0.005).clipGradient(0.03).clampTo(0, 1)}); the trainer
     *     runs K of its steps per iteration. Its dimension must be the model's.
     * @param negatives Where the chains start and where they go afterwards (short-run or replay).
     * @param data The training points, N &ge; batchSize rows of d finite floats, row-major. Not modified.
     * @param iterations The number of parameter updates, at least 1.
     * @param listener Called after every iteration with its statistics (e.g. a progress bar); may be null.
     * @return The history of the run.
     * @throws IllegalArgumentException If an argument is null or out of range, the dimensions differ, or the data
     *     hold NaN or infinity (the message names the argument and the value).
     * @throws TrainingDivergedException If the divergence guard trips.
     */
    public TrainingHistory train(EnergyModel model, BatchSampler sampler, NegativeSource negatives, float[] data,
            int iterations, Consumer<IterationStats> listener) {
        if (model == null || sampler == null || negatives == null) {
            throw new IllegalArgumentException("model, sampler and negatives: expected all three, found " + model
                    + ", " + sampler + ", " + negatives);
        }
        int d = model.dimension();
        if (sampler.dimension() != d) {
            throw new IllegalArgumentException("sampler: expected dimension " + d + " (the model's), found "
                    + sampler.dimension());
        }
        if (negatives.dimension() != d) {
            throw new IllegalArgumentException("negatives: expected dimension " + d + " (the model's), found "
                    + negatives.dimension());
        }
        int rows = BatchOps.rows(data, d, "data");
        BatchOps.requireFinite(data, "data");
        if (rows < batchSize) {
            throw new IllegalArgumentException("data: expected at least batchSize = " + batchSize + " rows, found "
                    + rows);
        }
        BatchOps.requireAtLeast(iterations, 1, "iterations");

        RandomGenerator rng = new SplittableRandom(seed);
        Adam adam = new Adam(learningRate, beta1, beta2, 1e-8);
        int n = batchSize;
        float[] pos = new float[n * d];
        float[] ePos = new float[n];
        float[] eNeg = new float[n];
        float[] wPos = new float[n];
        float[] wNeg = new float[n];
        int[] order = permutation(rows, rng);
        int cursor = 0;
        List<IterationStats> history = new ArrayList<>(iterations);
        float[] neg = null;
        long start = System.nanoTime();
        for (int it = 1; it <= iterations; it++) {
            for (int r = 0; r < n; r++) {
                if (cursor == rows) {
                    order = permutation(rows, rng);
                    cursor = 0;
                }
                System.arraycopy(data, order[cursor++] * d, pos, r * d, d);
            }
            if (dataNoise > 0) {
                for (int k = 0; k < pos.length; k++) {
                    pos[k] += (float) (dataNoise * rng.nextGaussian());
                }
            }
            try {
                neg = sampler.run(negatives.starts(n, rng), langevinSteps, rng);
            } catch (IllegalStateException e) {
                throw new TrainingDivergedException(it, "Langevin samples", Double.NaN, e.getMessage() + "; "
                        + HINT);
            }
            model.energy().evaluate(pos, n, ePos, null);
            model.energy().evaluate(neg, n, eNeg, null);
            double meanPos = 0;
            double meanNeg = 0;
            double sqPos = 0;
            double sqNeg = 0;
            for (int i = 0; i < n; i++) {
                meanPos += ePos[i];
                meanNeg += eNeg[i];
                sqPos += (double) ePos[i] * ePos[i];
                sqNeg += (double) eNeg[i] * eNeg[i];
                wPos[i] = (float) ((1 + 2 * alpha * ePos[i]) / n);
                wNeg[i] = (float) ((-1 + 2 * alpha * eNeg[i]) / n);
            }
            meanPos /= n;
            meanNeg /= n;
            guard(it, "mean data energy", meanPos, maxAbsEnergy);
            guard(it, "mean sample energy", meanNeg, maxAbsEnergy);
            negatives.keep(neg);
            model.zeroGradients();
            model.accumulateGradient(pos, n, wPos);
            model.accumulateGradient(neg, n, wNeg);
            double norm = maxGradientNorm < Double.POSITIVE_INFINITY
                    ? GradientClipping.clipNorm(model.gradients(), maxGradientNorm) : norm(model.gradients());
            guard(it, "parameter gradient norm", norm, Double.MAX_VALUE);
            adam.step(model);
            IterationStats stats = new IterationStats(it, meanPos, meanNeg, alpha * (sqPos + sqNeg) / n, norm,
                    (System.nanoTime() - start) * 1e-9);
            history.add(stats);
            if (listener != null) {
                listener.accept(stats);
            }
        }
        return new TrainingHistory(history, neg, (System.nanoTime() - start) * 1e-9);
    }

    private static final String HINT = "lower the Langevin step size or the learning rate, or raise the energy "
            + "penalty alpha";

    private static void guard(int iteration, String statistic, double value, double maxAbs) {
        if (!Double.isFinite(value) || Math.abs(value) > maxAbs) {
            throw new TrainingDivergedException(iteration, statistic, value, "expected a finite value with |value| <= "
                    + BatchOps.num(maxAbs) + "; " + HINT);
        }
    }

    private static int[] permutation(int n, RandomGenerator rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static double norm(float[] g) {
        double s = 0;
        for (float v : g) {
            s += (double) v * v;
        }
        return Math.sqrt(s);
    }

    /**
     * Describes every hyperparameter.
     *
     * @return E.g. "MaximumLikelihoodTrainer[batch=64, K=20, alpha=0.1, Adam(lr=1e-4, beta1=0, beta2=0.999), ...]".
     */
    @Override
    public String toString() {
        return "MaximumLikelihoodTrainer[batch=" + batchSize + ", K=" + langevinSteps + ", alpha="
                + BatchOps.num(alpha) + ", Adam(lr=" + BatchOps.num(learningRate) + ", beta1=" + BatchOps.num(beta1)
                + ", beta2=" + BatchOps.num(beta2) + "), maxGradientNorm=" + BatchOps.num(maxGradientNorm)
                + ", maxAbsEnergy=" + BatchOps.num(maxAbsEnergy) + ", dataNoise=" + BatchOps.num(dataNoise)
                + ", seed=" + seed + "]";
    }
}
