package org.ebmjava.boltzmann;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The result of training a Boltzmann machine, fully visible or with hidden units: the trained model and
 * the exact mean log-likelihood of the training data (through the visible marginal when there are hidden
 * units) before training and after every epoch.
 *
 * <p>Entry k of {@code logLikelihood} is the value after k epochs (entry 0: the initial machine),
 * in nats per data vector; NaN where it was not computed (too many units to enumerate). The array is
 * copied in and out.
 *
 * @param model The trained machine.
 * @param logLikelihood The per-epoch exact mean log-likelihood, length epochs + 1.
 * @param <M> The model type: {@link BoltzmannMachine} or {@link HiddenBoltzmannMachine}.
 */
public record TrainingHistory<M>(M model, double[] logLikelihood) {

    /**
     * Validates and copies the history.
     *
     * @param model The trained machine.
     * @param logLikelihood The per-epoch log-likelihood. Not modified (copied).
     * @throws IllegalArgumentException If model or logLikelihood is null, or logLikelihood is empty.
     */
    public TrainingHistory {
        if (model == null || logLikelihood == null || logLikelihood.length == 0) {
            throw new IllegalArgumentException("model and a non-empty logLikelihood are required");
        }
        logLikelihood = logLikelihood.clone();
    }

    /**
     * Returns the per-epoch log-likelihood.
     *
     * @return A new array; entry k is the value after k epochs.
     */
    @Override
    public double[] logLikelihood() {
        return logLikelihood.clone();
    }

    /**
     * Returns the number of epochs trained.
     *
     * @return logLikelihood().length - 1.
     */
    public int epochs() {
        return logLikelihood.length - 1;
    }

    /**
     * Returns the log-likelihood after the last epoch.
     *
     * @return The last entry of {@link #logLikelihood()}.
     */
    public double finalLogLikelihood() {
        return logLikelihood[logLikelihood.length - 1];
    }

    /**
     * Returns the history as a table, e.g. for a learning-curve plot.
     *
     * @return A new table with columns "epoch" (int) and "logLikelihood" (double).
     */
    public Table toTable() {
        int[] epochs = new int[logLikelihood.length];
        for (int k = 0; k < epochs.length; k++) {
            epochs[k] = k;
        }
        return Table.create("training history", IntColumn.create("epoch", epochs),
                DoubleColumn.create("logLikelihood", logLikelihood.clone()));
    }
}
