package org.ebmjava.coop;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.ebmjava.apps.ClassifierEnergy;
import org.ebmjava.apps.MlpClassifier;
import org.ebmjava.ebm.NegativeSource;
import org.ebmjava.neural.Adam;
import org.ebmjava.neural.DivergenceGuard;
import org.ebmjava.neural.GradientClipping;
import org.ebmjava.sampling.BatchOps;
import org.ebmjava.sampling.BatchSampler;

/**
 * Trains a classifier as a joint energy model (JEM, Grathwohl et al., 2020): the cross-entropy of p(y|x) plus the
 * maximum-likelihood gradient of p(x) &prop; exp(-E(x)), E(x) = -logsumexp<sub>y</sub> f(x)<sub>y</sub>, with
 * negatives from Langevin dynamics (SGLD and a replay buffer in the paper).
 *
 * <p>Per iteration, with a data batch (x<sub>i</sub>, y<sub>i</sub>) of size n and n negatives x&#770;<sub>j</sub>
 * (K steps of the given sampler from the negative source):
 * <pre>
 *   L = (1/n) &Sigma;_i -log softmax(f(x_i))_{y_i}
 *       + &lambda; [ (1/n) &Sigma;_i E(x_i) - (1/n) &Sigma;_j E(x&#770;_j) ]
 *       + &lambda; &alpha; [ (1/n) &Sigma;_i E(x_i)^2 + (1/n) &Sigma;_j E(x&#770;_j)^2 ]
 * </pre>
 * and one Adam step on &nabla;<sub>&theta;</sub>L (negatives held fixed, as in every EBM trainer). &lambda; (the
 * generative weight, 1 in JEM) = 0 gives a plain classifier with the same loop, the baseline JEM is compared with.
 * &alpha; &ge; 0 is the energy-magnitude penalty of Du and Mordatch (2019) (0 in JEM). A divergence guard stops the
 * run with a named {@code rbm.TrainingDivergedException} when the loss or the energies become non-finite or exceed
 * {@link #maxAbsEnergy(double)}.
 *
 * <p>The sampler must be built on {@code model.energy()} (e.g. {@code LangevinSampler.sgld(model.energy(), 1,
 * 0.01).clampTo(0, 1)}: JEM's SGLD has step 1 and noise 0.01); the negative source is a replay buffer
 * ({@code NegativeSource.replay}) or short-run noise. Settings are mutable (builder style) and seeded; the same
 * settings, seed, data and thread count reproduce a run.
 *
 * <pre>
 * Reference: W. Grathwohl, K.-C. Wang, J.-H. Jacobsen, D. Duvenaud, M. Norouzi and K. Swersky, "Your Classifier is
 * Secretly an Energy Based Model and You Should Treat it Like One", ICLR 2020.
 * </pre>
 */
public final class JemTrainer {

    private int batchSize = 64;
    private int langevinSteps = 20;
    private double generativeWeight = 1.0;
    private double alpha = 0.0;
    private double learningRate = 1e-3;
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double maxGradientNorm = Double.POSITIVE_INFINITY;
    private double maxAbsEnergy = 1e4;
    private long seed = 1;

    /** Creates a trainer with JEM's defaults (&lambda; = 1, &alpha; = 0, K = 20, batch 64, Adam 1e-3). */
    public JemTrainer() {}

    /**
     * Sets the batch size n (data and negatives).
     *
     * @param n &ge; 1.
     * @return This trainer.
     * @throws IllegalArgumentException If n &lt; 1.
     */
    public JemTrainer batchSize(int n) {
        this.batchSize = BatchOps.requireAtLeast(n, 1, "batchSize");
        return this;
    }

    /**
     * Sets K, the Langevin steps per iteration.
     *
     * @param k &ge; 0.
     * @return This trainer.
     * @throws IllegalArgumentException If k &lt; 0.
     */
    public JemTrainer langevinSteps(int k) {
        this.langevinSteps = BatchOps.requireAtLeast(k, 0, "langevinSteps");
        return this;
    }

    /**
     * Sets &lambda;, the weight of the log p(x) term (0: a plain classifier).
     *
     * @param lambda Finite, &ge; 0.
     * @return This trainer.
     * @throws IllegalArgumentException If lambda is negative or not finite.
     */
    public JemTrainer generativeWeight(double lambda) {
        this.generativeWeight = BatchOps.requireNonNegative(lambda, "generativeWeight");
        return this;
    }

    /**
     * Sets &alpha;, the energy-magnitude penalty.
     *
     * @param alpha Finite, &ge; 0.
     * @return This trainer.
     * @throws IllegalArgumentException If alpha is negative or not finite.
     */
    public JemTrainer energyPenalty(double alpha) {
        this.alpha = BatchOps.requireNonNegative(alpha, "energyPenalty");
        return this;
    }

    /**
     * Sets Adam's learning rate.
     *
     * @param lr &gt; 0.
     * @return This trainer.
     * @throws IllegalArgumentException If lr is not positive.
     */
    public JemTrainer learningRate(double lr) {
        this.learningRate = BatchOps.requirePositive(lr, "learningRate");
        return this;
    }

    /**
     * Sets Adam's &beta;<sub>1</sub> and &beta;<sub>2</sub>.
     *
     * @param beta1 In [0, 1).
     * @param beta2 In [0, 1).
     * @return This trainer.
     * @throws IllegalArgumentException If a value is out of range.
     */
    public JemTrainer adamBetas(double beta1, double beta2) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta1, beta2: expected both in [0, 1), found " + beta1 + ", " + beta2);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        return this;
    }

    /**
     * Clips the parameter gradient's L2 norm.
     *
     * @param maxNorm &gt; 0 (infinite: no clipping, the default).
     * @return This trainer.
     * @throws IllegalArgumentException If maxNorm is not positive.
     */
    public JemTrainer maxGradientNorm(double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxGradientNorm: expected > 0, found " + maxNorm);
        }
        this.maxGradientNorm = maxNorm;
        return this;
    }

    /**
     * Sets the divergence bound on the loss and the mean energies.
     *
     * @param maxAbs &gt; 0.
     * @return This trainer.
     * @throws IllegalArgumentException If maxAbs is not positive.
     */
    public JemTrainer maxAbsEnergy(double maxAbs) {
        if (!(maxAbs > 0)) {
            throw new IllegalArgumentException("maxAbsEnergy: expected > 0, found " + maxAbs);
        }
        this.maxAbsEnergy = maxAbs;
        return this;
    }

    /**
     * Sets the seed of the batch order and the Langevin noise.
     *
     * @param seed The seed.
     * @return This trainer.
     */
    public JemTrainer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Trains the classifier in place.
     *
     * @param model The classifier read as an energy model. Its network is trained.
     * @param sampler Langevin dynamics on {@code model.energy()}; run K steps per iteration (unused when &lambda; =
     *     0).
     * @param negatives Where the chains start and go (replay buffer or short-run); unused when &lambda; = 0.
     * @param x The training inputs, N &ge; batchSize rows of d finite floats. Not modified.
     * @param labels The N labels. Not modified.
     * @param iterations The number of parameter updates, &ge; 1.
     * @param listener Called after every iteration (e.g. a progress bar), or null.
     * @return The statistics of every iteration.
     * @throws IllegalArgumentException On a bad argument (named).
     * @throws org.ebmjava.rbm.TrainingDivergedException If the guard trips.
     */
    public List<JemStats> train(ClassifierEnergy model, BatchSampler sampler, NegativeSource negatives, float[] x,
            int[] labels, int iterations, Consumer<JemStats> listener) {
        if (model == null) {
            throw new IllegalArgumentException("model: expected a classifier energy, found null");
        }
        MlpClassifier classifier = model.classifier();
        int d = classifier.inputDim();
        boolean generative = generativeWeight > 0;
        if (generative) {
            if (sampler == null || negatives == null) {
                throw new IllegalArgumentException("sampler, negatives: expected both when generativeWeight > 0, "
                        + "found " + sampler + ", " + negatives);
            }
            if (sampler.dimension() != d || negatives.dimension() != d) {
                throw new IllegalArgumentException("sampler, negatives: expected dimension " + d
                        + " (the classifier's), found " + sampler.dimension() + ", " + negatives.dimension());
            }
        }
        int rows = BatchOps.rows(x, d, "x");
        BatchOps.requireFinite(x, "x");
        if (labels == null || labels.length != rows) {
            throw new IllegalArgumentException("labels: expected " + rows + " labels (one per row of x), found "
                    + (labels == null ? "null" : labels.length));
        }
        if (rows < batchSize) {
            throw new IllegalArgumentException("x: expected at least batchSize = " + batchSize + " rows, found "
                    + rows);
        }
        BatchOps.requireAtLeast(iterations, 1, "iterations");

        RandomGenerator rng = new SplittableRandom(seed);
        Adam adam = new Adam(learningRate, beta1, beta2, 1e-8);
        DivergenceGuard guard = new DivergenceGuard("JEM loss or mean energy", maxAbsEnergy);
        DivergenceGuard normGuard = new DivergenceGuard("parameter gradient norm", Double.MAX_VALUE);
        int n = batchSize;
        float[] pos = new float[n * d];
        int[] posLabels = new int[n];
        float[] ePos = new float[n];
        float[] eNeg = new float[n];
        float[] wPos = new float[n];
        float[] wNeg = new float[n];
        float[] logits = new float[n * classifier.classes()];
        int[] order = permutation(rows, rng);
        int cursor = 0;
        List<JemStats> history = new ArrayList<>(iterations);
        long start = System.nanoTime();
        for (int it = 1; it <= iterations; it++) {
            for (int r = 0; r < n; r++) {
                if (cursor == rows) {
                    order = permutation(rows, rng);
                    cursor = 0;
                }
                int j = order[cursor++];
                System.arraycopy(x, j * d, pos, r * d, d);
                posLabels[r] = labels[j];
            }
            classifier.logits(pos, n, logits);
            double batchAcc = org.ebmjava.apps.LogitScores.accuracy(logits, classifier.classes(), posLabels);
            model.zeroGradients();
            double ce = classifier.accumulateGradient(pos, posLabels, n);
            guard.check(it, ce);
            double meanPos = Double.NaN;
            double meanNeg = Double.NaN;
            if (generative) {
                float[] neg = sampler.run(negatives.starts(n, rng), langevinSteps, rng);
                negatives.keep(neg);
                model.energy().evaluate(pos, n, ePos, null);
                model.energy().evaluate(neg, n, eNeg, null);
                meanPos = 0;
                meanNeg = 0;
                for (int i = 0; i < n; i++) {
                    meanPos += ePos[i] / (double) n;
                    meanNeg += eNeg[i] / (double) n;
                    wPos[i] = (float) (generativeWeight * (1 + 2 * alpha * ePos[i]) / n);
                    wNeg[i] = (float) (generativeWeight * (-1 + 2 * alpha * eNeg[i]) / n);
                }
                guard.check(it, meanPos);
                guard.check(it, meanNeg);
                model.accumulateGradient(pos, n, wPos);
                model.accumulateGradient(neg, n, wNeg);
            }
            double norm = GradientClipping.clipNorm(model.gradients(), maxGradientNorm);
            normGuard.check(it, norm);
            adam.step(model);
            JemStats stats = new JemStats(it, ce, batchAcc, meanPos, meanNeg, norm,
                    (System.nanoTime() - start) * 1e-9);
            history.add(stats);
            if (listener != null) {
                listener.accept(stats);
            }
        }
        return history;
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

    @Override
    public String toString() {
        return "JemTrainer[batch=" + batchSize + ", K=" + langevinSteps + ", lambda=" + generativeWeight + ", alpha="
                + alpha + ", lr=" + learningRate + ", seed=" + seed + "]";
    }
}
