package org.ebmjava.rbm;

import tech.tablesaw.api.Table;

/**
 * The outcome of {@link RbmTrainer#train(BernoulliRbm, org.nd4j.linalg.api.ndarray.INDArray, ProgressListener)}: the trained model (a new
 * object; the initial model is not modified) and one history row per epoch.
 *
 * <p>History columns: epoch (1-based), learning_rate, momentum, reconstruction_error, free_energy_train,
 * free_energy_heldout, free_energy_gap, pseudo_log_likelihood, weight_norm, seconds; see {@link TrainingStats}
 * for their meaning.
 *
 * @param model The trained model, with provenance (seed, hyperparameters, data source, library version).
 * @param history One row per epoch.
 */
public record TrainingResult(BernoulliRbm model, Table history) {
    /**
     * Returns the total training time (monitoring excluded).
     *
     * @return The sum of the seconds column.
     */
    public double trainingSeconds() {
        return history.doubleColumn("seconds").sum();
    }
}
