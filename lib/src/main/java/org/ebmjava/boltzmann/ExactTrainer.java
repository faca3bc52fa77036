package org.ebmjava.boltzmann;

import java.util.List;
import java.util.Locale;

/**
 * Trains a fully visible Boltzmann machine by full-batch gradient ascent on the exact mean
 * log-likelihood, with the model moments computed by enumerating all 2<sup>n</sup> states.
 *
 * <p>Performs, once per epoch,
 * <pre>
 *   W_ij += lr (&lt;s_i s_j&gt;_data - &lt;s_i s_j&gt;_model)     (i != j)
 *   b_i  += lr (&lt;s_i&gt;_data     - &lt;s_i&gt;_model)
 * </pre>
 * which is lr times the gradient of L = (1/N) &sum;<sub>d</sub> log p(s<sup>(d)</sup>). L is
 * concave in (W, b) (the machine is an exponential family) and its Hessian is minus the covariance
 * of the sufficient statistics, whose largest eigenvalue is at most n(n+1)/8; so any
 * lr &lt; 16/(n(n+1)) increases L at every epoch. At the maximum the model moments equal the data
 * moments ("moment matching"). Deterministic: no randomness.
 *
 * <pre>
 * Reference: D. H. Ackley, G. E. Hinton and T. J. Sejnowski, "A Learning Algorithm for Boltzmann
 * Machines", Cognitive Science 9(1), 147-169, 1985.
 * </pre>
 */
public final class ExactTrainer {

    /** The step size lr. */
    private final double learningRate;
    /** The number of full-batch updates. */
    private final int epochs;

    /**
     * Creates the trainer.
     *
     * @param learningRate The step size lr. Must be finite and &gt; 0.
     * @param epochs The number of full-batch gradient steps. Must be &ge; 0.
     * @throws IllegalArgumentException If a hyperparameter is out of range.
     */
    public ExactTrainer(double learningRate, int epochs) {
        this.learningRate = checkLearningRate(learningRate);
        this.epochs = checkEpochs(epochs);
    }

    /**
     * Trains a copy of the initial machine on the data.
     *
     * @param init The starting machine (unchanged), n &le; {@link BoltzmannMachine#MAX_EXACT_UNITS}.
     * @param data The training vectors, each of length n and binary; non-empty. Not modified.
     * @return The trained machine and the exact mean log-likelihood before training and after each
     *     epoch (length epochs + 1).
     * @throws IllegalArgumentException If init is null, the data are invalid or n is too large.
     */
    public TrainingHistory<BoltzmannMachine> train(BoltzmannMachine init, List<int[]> data) {
        if (init == null) {
            throw new IllegalArgumentException("init must not be null");
        }
        BoltzmannOps.checkData(data, init.size());
        Moments target = Moments.ofData(data);
        double[] ll = new double[epochs + 1];
        BoltzmannMachine bm = init;
        ll[0] = bm.logLikelihood(data);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            bm = target.ascend(bm, bm.exactMoments(), learningRate);
            ll[epoch] = bm.logLikelihood(data);
        }
        return new TrainingHistory<>(bm, ll);
    }

    /**
     * Returns the learning rate.
     *
     * @return lr.
     */
    public double learningRate() {
        return learningRate;
    }

    /**
     * Returns the number of epochs.
     *
     * @return The number of full-batch updates.
     */
    public int epochs() {
        return epochs;
    }

    /**
     * Describes the hyperparameters.
     *
     * @return A one-line description.
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ExactTrainer[learningRate=%s, epochs=%d]",
                learningRate, epochs);
    }

    static double checkLearningRate(double learningRate) {
        if (!(learningRate > 0.0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException(
                    "learningRate must be finite and > 0, found " + learningRate);
        }
        return learningRate;
    }

    static int checkEpochs(int epochs) {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, found " + epochs);
        }
        return epochs;
    }
}
