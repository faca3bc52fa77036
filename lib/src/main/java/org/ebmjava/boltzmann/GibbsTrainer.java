package org.ebmjava.boltzmann;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ebmjava.sampling.GibbsSampler;

/**
 * Trains a fully visible Boltzmann machine with the same update as {@link ExactTrainer}, but with
 * the model moments estimated from persistent Gibbs chains instead of enumeration.
 *
 * <p>Performs, once per epoch: advance each of numChains persistent chains by sweepsPerUpdate
 * Gibbs sweeps under the current machine, estimate &lt;s<sub>i</sub>&gt;<sub>model</sub> and
 * &lt;s<sub>i</sub> s<sub>j</sub>&gt;<sub>model</sub> by averaging over the chains' current states,
 * then
 * <pre>
 *   W_ij += lr (&lt;s_i s_j&gt;_data - &lt;s_i s_j&gt;_chains)     (i != j)
 *   b_i  += lr (&lt;s_i&gt;_data     - &lt;s_i&gt;_chains)
 * </pre>
 * The chains are never restarted ("persistent" chains, stochastic approximation): because the
 * parameters change slowly, they stay close to the current model's equilibrium. The gradient is
 * noisy, so the log-likelihood wanders around the exact trainer's curve rather than rising
 * monotonically; more chains reduce the noise.
 *
 * <p>Randomness: a {@link SplittableRandom} seeded with {@code seed} draws the chains' uniform
 * random starting states, then drives every Gibbs update; the same seed gives the same result.
 * For a comparison with the exact trainer, the exact log-likelihood is recorded every epoch when
 * n &le; {@link #MAX_EXACT_LOG_LIKELIHOOD_UNITS} (NaN otherwise).
 *
 * <pre>
 * References: D. H. Ackley, G. E. Hinton and T. J. Sejnowski, "A Learning Algorithm for Boltzmann
 * Machines", Cognitive Science 9(1), 147-169, 1985.
 * L. Younes, "Parametric Inference for Imperfectly Observed Gibbsian Fields", Probability Theory
 * and Related Fields 82(4), 625-645, 1989.
 * T. Tieleman, "Training Restricted Boltzmann Machines using Approximations to the Likelihood
 * Gradient", ICML 2008.
 * </pre>
 */
public final class GibbsTrainer {

    /** Largest n for which the exact log-likelihood is recorded each epoch. */
    public static final int MAX_EXACT_LOG_LIKELIHOOD_UNITS = 16;

    /** The step size lr. */
    private final double learningRate;
    /** The number of parameter updates. */
    private final int epochs;
    /** The number of persistent chains whose states estimate the model moments. */
    private final int numChains;
    /** The Gibbs sweeps each chain makes between two updates. */
    private final int sweepsPerUpdate;
    /** The seed of all randomness of a {@link #train} call. */
    private final long seed;

    /**
     * Creates the trainer.
     *
     * @param learningRate The step size lr. Must be finite and &gt; 0.
     * @param epochs The number of parameter updates. Must be &ge; 0.
     * @param numChains The number of persistent chains. Must be &ge; 1.
     * @param sweepsPerUpdate The Gibbs sweeps per chain per update. Must be &ge; 1.
     * @param seed The seed of the random source.
     * @throws IllegalArgumentException If a hyperparameter is out of range.
     */
    public GibbsTrainer(double learningRate, int epochs, int numChains, int sweepsPerUpdate,
            long seed) {
        this.learningRate = ExactTrainer.checkLearningRate(learningRate);
        this.epochs = ExactTrainer.checkEpochs(epochs);
        if (numChains < 1) {
            throw new IllegalArgumentException("numChains must be >= 1, found " + numChains);
        }
        if (sweepsPerUpdate < 1) {
            throw new IllegalArgumentException(
                    "sweepsPerUpdate must be >= 1, found " + sweepsPerUpdate);
        }
        this.numChains = numChains;
        this.sweepsPerUpdate = sweepsPerUpdate;
        this.seed = seed;
    }

    /**
     * Trains a copy of the initial machine on the data.
     *
     * @param init The starting machine (unchanged).
     * @param data The training vectors, each of length n and binary; non-empty. Not modified.
     * @return The trained machine and the exact mean log-likelihood before training and after each
     *     epoch (length epochs + 1; NaN entries if n &gt; {@link #MAX_EXACT_LOG_LIKELIHOOD_UNITS}).
     * @throws IllegalArgumentException If init is null or the data are invalid.
     */
    public TrainingHistory<BoltzmannMachine> train(BoltzmannMachine init, List<int[]> data) {
        if (init == null) {
            throw new IllegalArgumentException("init must not be null");
        }
        int n = init.size();
        BoltzmannOps.checkData(data, n);
        boolean exact = n <= MAX_EXACT_LOG_LIKELIHOOD_UNITS;
        Moments target = Moments.ofData(data);
        SplittableRandom rng = new SplittableRandom(seed);
        List<int[]> chains = new ArrayList<>(numChains);
        for (int c = 0; c < numChains; c++) {
            int[] s = new int[n];
            for (int i = 0; i < n; i++) {
                s[i] = rng.nextInt(2);
            }
            chains.add(s);
        }
        double[] ll = new double[epochs + 1];
        BoltzmannMachine bm = init;
        ll[0] = exact ? bm.logLikelihood(data) : Double.NaN;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            GibbsSampler sampler = new GibbsSampler(bm, rng);
            for (int[] s : chains) {
                for (int t = 0; t < sweepsPerUpdate; t++) {
                    sampler.sweep(s);
                }
            }
            bm = target.ascend(bm, Moments.ofData(chains), learningRate);
            ll[epoch] = exact ? bm.logLikelihood(data) : Double.NaN;
        }
        return new TrainingHistory<>(bm, ll);
    }

    /**
     * Describes the hyperparameters.
     *
     * @return A one-line description.
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GibbsTrainer[learningRate=%s, epochs=%d, numChains=%d,"
                + " sweepsPerUpdate=%d, seed=%d]", learningRate, epochs, numChains, sweepsPerUpdate,
                seed);
    }
}
