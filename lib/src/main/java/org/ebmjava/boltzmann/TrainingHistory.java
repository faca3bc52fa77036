package org.ebmjava.boltzmann;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The result of training a fully visible Boltzmann machine: the trained machine and the exact mean
 * log-likelihood of the training data before training and after every epoch.
 *
 * <p>Entry k of {@code logLikelihood} is the value after k epochs (entry 0: the initial machine),
 * in nats per data vector; NaN where it was not computed (too many units to enumerate). The array is
 * copied in and out.
 *
 * @param model The trained machine.
 * @param logLikelihood The per-epoch exact mean log-likelihood, length epochs + 1.
 */
public record TrainingHistory(BoltzmannMachine model, double[] logLikelihood) {

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
        return historyTable("training history", logLikelihood);
    }

    /** Builds the epoch / log-likelihood table shared by the training-history records. */
    static Table historyTable(String name, double[] logLikelihood) {
        int[] epochs = new int[logLikelihood.length];
        for (int k = 0; k < epochs.length; k++) {
            epochs[k] = k;
        }
        return Table.create(name, IntColumn.create("epoch", epochs),
                DoubleColumn.create("logLikelihood", logLikelihood.clone()));
    }
}
