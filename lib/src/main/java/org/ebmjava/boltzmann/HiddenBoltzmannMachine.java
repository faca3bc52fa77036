package org.ebmjava.boltzmann;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.ebmjava.sampling.GibbsSampler;
import org.ebmjava.thermo.ThermoOps;

/**
 * A general (not restricted) Boltzmann machine whose units are split into nv visible units (units
 * 0, ..., nv-1) and nh hidden units (units nv, ..., nv+nh-1), with all pairs connected.
 *
 * <p>The joint distribution is that of the underlying {@link BoltzmannMachine} over s = (v, h);
 * data only fix v, and the model of the data is the visible marginal
 * <pre>
 *   p(v) = &sum;_h exp(-E(v, h)) / Z
 * </pre>
 * Hidden units let the machine represent higher-order dependencies between visible units that no
 * fully visible (pairwise) machine can, e.g. the parity of three bits.
 *
 * <p>Learning (Ackley, Hinton and Sejnowski, 1985): the gradient of the mean log-likelihood is
 * dL/dW<sub>ij</sub> = &lt;s<sub>i</sub>s<sub>j</sub>&gt;<sub>clamped</sub> -
 * &lt;s<sub>i</sub>s<sub>j</sub>&gt;<sub>free</sub>, where "clamped" averages over the data with
 * the hidden units drawn from p(h | v) (positive phase) and "free" over the model p(v, h)
 * (negative phase); likewise for the biases. {@link #train} estimates both phases with persistent
 * Gibbs chains.
 *
 * <p>Exact quantities enumerate all 2<sup>nv+nh</sup> joint states, so nv + nh &le;
 * {@link #MAX_UNITS}. Index convention: visible state v has the binary-counting index of
 * {@link BoltzmannOps#index}. Instances are immutable.
 *
 * <pre>
 * Reference: D. H. Ackley, G. E. Hinton and T. J. Sejnowski, "A Learning Algorithm for Boltzmann
 * Machines", Cognitive Science 9(1), 147-169, 1985.
 * </pre>
 */
public final class HiddenBoltzmannMachine {

    /** Largest nv + nh accepted (exact marginals are enumerated). */
    public static final int MAX_UNITS = 16;

    private final int nv;
    private final BoltzmannMachine bm;
    private volatile double[] logMarginal;

    /**
     * Wraps a Boltzmann machine whose first visibleSize units are visible.
     *
     * @param visibleSize nv, the number of visible units, &ge; 1.
     * @param machine The joint machine over nv + nh units, nv &le; size &le; {@link #MAX_UNITS}.
     * @throws IllegalArgumentException If machine is null or the sizes are out of range.
     */
    public HiddenBoltzmannMachine(int visibleSize, BoltzmannMachine machine) {
        if (machine == null) {
            throw new IllegalArgumentException("machine must not be null");
        }
        if (visibleSize < 1 || visibleSize > machine.size()) {
            throw new IllegalArgumentException("visibleSize must be in [1, " + machine.size()
                    + "], found " + visibleSize);
        }
        if (machine.size() > MAX_UNITS) {
            throw new IllegalArgumentException("nv + nh must be <= " + MAX_UNITS + ", found "
                    + machine.size());
        }
        this.nv = visibleSize;
        this.bm = machine;
    }

    /**
     * Creates a machine with random parameters, as {@link BoltzmannMachine#random} on nv + nh units.
     *
     * @param nv The number of visible units, &ge; 1.
     * @param nh The number of hidden units, &ge; 0; nv + nh &le; {@link #MAX_UNITS}.
     * @param scale The standard deviation of every weight and bias. Must be finite and &ge; 0.
     * @param rng The random source. Modified (advanced).
     * @return The new machine.
     * @throws IllegalArgumentException If a size or the scale is out of range, or rng is null.
     */
    public static HiddenBoltzmannMachine random(int nv, int nh, double scale, RandomGenerator rng) {
        if (nv < 1 || nh < 0 || nv + nh > MAX_UNITS) {
            throw new IllegalArgumentException("need nv >= 1, nh >= 0 and nv + nh <= " + MAX_UNITS
                    + ", found nv = " + nv + ", nh = " + nh);
        }
        return new HiddenBoltzmannMachine(nv, BoltzmannMachine.random(nv + nh, scale, rng));
    }

    /**
     * Returns the number of visible units.
     *
     * @return nv.
     */
    public int visibleSize() {
        return nv;
    }

    /**
     * Returns the number of hidden units.
     *
     * @return nh.
     */
    public int hiddenSize() {
        return bm.size() - nv;
    }

    /**
     * Returns the joint machine over (v, h).
     *
     * @return The machine; units 0..nv-1 are visible.
     */
    public BoltzmannMachine machine() {
        return bm;
    }

    /**
     * Computes the exact visible marginal p(v) = &sum;<sub>h</sub> p(v, h) by enumerating all joint
     * states (in log space: log p(v) = logsumexp<sub>h</sub> log p(v, h)).
     *
     * @return A new array of length 2<sup>nv</sup>, entry i = p(v) for the visible state with
     *     binary-counting index i; sums to 1.
     */
    public double[] visibleMarginal() {
        double[] lp = logVisibleMarginal();
        double[] p = new double[lp.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(lp[i]);
        }
        return p;
    }

    /**
     * Computes the exact mean log-likelihood (1/N) &sum;<sub>d</sub> log p(v<sup>(d)</sup>) of
     * visible data through the visible marginal.
     *
     * @param data The visible vectors, each of length nv and binary; non-empty. Not modified.
     * @return The mean log-likelihood in nats per vector (&le; 0).
     * @throws IllegalArgumentException If the data are invalid.
     */
    public double logLikelihood(List<int[]> data) {
        BoltzmannOps.checkData(data, nv);
        double[] lp = logVisibleMarginal();
        double sum = 0.0;
        for (int[] v : data) {
            sum += lp[BoltzmannOps.index(v)];
        }
        return sum / data.size();
    }

    /**
     * Trains a copy of this machine by the Boltzmann-machine learning rule with persistent Gibbs
     * chains.
     *
     * <p>Performs, once per epoch (full batch):
     * <ol>
     *   <li>positive phase: every data vector d has its own persistent state (v<sup>(d)</sup>, h);
     *       the hidden units get {@code sweeps} Gibbs sweeps with v clamped;</li>
     *   <li>negative phase: each of {@code chains} persistent free-running chains gets
     *       {@code sweeps} full Gibbs sweeps;</li>
     *   <li>W<sub>ij</sub> += lr (&lt;s<sub>i</sub>s<sub>j</sub>&gt;<sub>positive</sub> -
     *       &lt;s<sub>i</sub>s<sub>j</sub>&gt;<sub>negative</sub>), b<sub>i</sub> += lr
     *       (&lt;s<sub>i</sub>&gt;<sub>positive</sub> - &lt;s<sub>i</sub>&gt;<sub>negative</sub>),
     *       averages over the current states of the positive and negative chains.</li>
     * </ol>
     * Randomness: a {@link SplittableRandom} seeded with {@code seed} draws the uniform random
     * initial hidden states (in data order), then the negative chains' initial states, then drives
     * every Gibbs update. The exact log-likelihood is evaluated after every epoch (cost
     * O(2<sup>nv+nh</sup>(nv+nh)<sup>2</sup>) each).
     *
     * @param data The visible training vectors, each of length nv and binary; non-empty. Not
     *     modified.
     * @param lr The learning rate. Must be finite and &gt; 0.
     * @param epochs The number of updates, &ge; 0.
     * @param chains The number of negative-phase chains, &ge; 1.
     * @param sweeps The Gibbs sweeps per chain (both phases) per update, &ge; 1.
     * @param seed The seed of all randomness.
     * @return The trained machine and the exact mean log-likelihood before training and after each
     *     epoch (length epochs + 1).
     * @throws IllegalArgumentException If the data or a hyperparameter are invalid.
     */
    public TrainingHistory<HiddenBoltzmannMachine> train(List<int[]> data, double lr, int epochs, int chains,
            int sweeps, long seed) {
        BoltzmannOps.checkData(data, nv);
        ExactTrainer.checkLearningRate(lr);
        ExactTrainer.checkEpochs(epochs);
        if (chains < 1 || sweeps < 1) {
            throw new IllegalArgumentException("chains and sweeps must be >= 1, found chains = "
                    + chains + ", sweeps = " + sweeps);
        }
        int n = bm.size();
        SplittableRandom rng = new SplittableRandom(seed);
        List<int[]> positive = new ArrayList<>(data.size());
        for (int[] v : data) {
            int[] s = new int[n];
            System.arraycopy(v, 0, s, 0, nv);
            for (int i = nv; i < n; i++) {
                s[i] = rng.nextInt(2);
            }
            positive.add(s);
        }
        List<int[]> negative = new ArrayList<>(chains);
        for (int c = 0; c < chains; c++) {
            int[] s = new int[n];
            for (int i = 0; i < n; i++) {
                s[i] = rng.nextInt(2);
            }
            negative.add(s);
        }
        double[] ll = new double[epochs + 1];
        HiddenBoltzmannMachine model = this;
        ll[0] = model.logLikelihood(data);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            GibbsSampler sampler = new GibbsSampler(model.bm, rng);
            for (int[] s : positive) {
                for (int t = 0; t < sweeps; t++) {
                    sampler.sweepRange(s, nv, n);
                }
            }
            for (int[] s : negative) {
                for (int t = 0; t < sweeps; t++) {
                    sampler.sweep(s);
                }
            }
            BoltzmannMachine next = Moments.ofData(positive)
                    .ascend(model.bm, Moments.ofData(negative), lr);
            model = new HiddenBoltzmannMachine(nv, next);
            ll[epoch] = model.logLikelihood(data);
        }
        return new TrainingHistory<>(model, ll);
    }

    /**
     * Summarises the machine.
     *
     * @return A one-line description with nv, nh and the joint machine.
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "HiddenBoltzmannMachine[nv=%d, nh=%d, %s]", nv,
                hiddenSize(), bm);
    }

    private double[] logVisibleMarginal() {
        double[] lm = logMarginal;
        if (lm == null) {
            double[] joint = bm.exactBoltzmann().logProbabilities();
            int nVisible = 1 << nv;
            int nHidden = 1 << hiddenSize();
            lm = new double[nVisible];
            double[] terms = new double[nHidden];
            for (int v = 0; v < nVisible; v++) {
                for (int h = 0; h < nHidden; h++) {
                    terms[h] = joint[v | (h << nv)];
                }
                lm[v] = ThermoOps.logSumExp(terms);
            }
            logMarginal = lm;
        }
        return lm;
    }
}
