package org.ebmjava.coop;

/**
 * The statistics of one JEM training iteration ({@link JemTrainer}).
 *
 * @param iteration The iteration, from 1.
 * @param crossEntropy The batch's mean cross-entropy -log p(y|x) before the step.
 * @param batchAccuracy The fraction of the batch classified correctly before the step.
 * @param meanDataEnergy The mean E(x) = -logsumexp f(x) of the data batch.
 * @param meanSampleEnergy The mean E of the Langevin samples.
 * @param gradientNorm The parameter gradient's L2 norm before clipping.
 * @param seconds Wall time since training started.
 */
public record JemStats(int iteration, double crossEntropy, double batchAccuracy, double meanDataEnergy,
        double meanSampleEnergy, double gradientNorm, double seconds) {}
