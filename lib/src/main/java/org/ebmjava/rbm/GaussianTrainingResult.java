package org.ebmjava.rbm;

import tech.tablesaw.api.Table;

/**
 * The outcome of training a {@link GaussianBernoulliRbm} with {@link RbmTrainer}: the trained model (a new object)
 * and one history row per epoch (columns as in {@link TrainingResult}; pseudo_log_likelihood is NaN).
 *
 * @param model The trained model, with provenance.
 * @param history One row per epoch.
 */
public record GaussianTrainingResult(GaussianBernoulliRbm model, Table history) {
    /**
     * Returns the total training time (monitoring excluded).
     *
     * @return The sum of the seconds column.
     */
    public double trainingSeconds() {
        return history.doubleColumn("seconds").sum();
    }
}
