package org.ebmjava.rbm;

/**
 * A snapshot of training statistics passed to a {@link ProgressListener}; the epoch-level fields are the same
 * values that go into the history table of {@link TrainingResult}.
 *
 * @param epoch The epoch, 1-based.
 * @param batch Mini-batches done in this epoch.
 * @param batchesPerEpoch Mini-batches per epoch (the data's rows divided by the batch size, rounded down).
 * @param epochs The number of epochs of the run.
 * @param endOfEpoch Whether this is the end-of-epoch call with fresh monitoring statistics.
 * @param learningRate The learning rate used in this epoch.
 * @param momentum The momentum used in this epoch.
 * @param reconstructionError Mean squared error of a mean-field up-down pass on the monitoring subset of the
 *     training data (NaN when monitoring is off).
 * @param freeEnergyTrain Mean free energy F(v) on the monitoring subset of the training data, in nats.
 * @param freeEnergyHeldOut Mean free energy on the held-out subset (NaN without held-out data).
 * @param freeEnergyGap freeEnergyHeldOut - freeEnergyTrain; a growing gap signals overfitting (Hinton's guide,
 *     section 6). NaN without held-out data.
 * @param pseudoLogLikelihood Stochastic pseudo-log-likelihood per sample, nv log sigmoid(F(v') - F(v)) with one
 *     random unit of each row flipped in v', in nats (Bernoulli RBMs; NaN for Gaussian ones).
 * @param weightNorm The Frobenius norm |W|.
 * @param seconds Wall-clock seconds of this epoch's training loop (monitoring excluded); for mid-epoch calls,
 *     seconds since the epoch began.
 */
public record TrainingStats(int epoch, int batch, int batchesPerEpoch, int epochs, boolean endOfEpoch,
        double learningRate, double momentum, double reconstructionError, double freeEnergyTrain,
        double freeEnergyHeldOut, double freeEnergyGap, double pseudoLogLikelihood, double weightNorm,
        double seconds) {
}
