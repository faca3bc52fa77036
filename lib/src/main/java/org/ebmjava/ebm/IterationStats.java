package org.ebmjava.ebm;

/**
 * The statistics of one iteration of maximum-likelihood EBM training, measured on that iteration's batches before
 * the parameter update.
 *
 * @param iteration The iteration, 1-based.
 * @param dataEnergy The mean energy of the data batch, (1/n) &sum; E(x<sub>i</sub><sup>+</sup>).
 * @param sampleEnergy The mean energy of the Langevin samples, (1/m) &sum; E(x<sub>j</sub><sup>-</sup>).
 * @param penalty The energy-magnitude penalty &alpha; [mean E(x<sup>+</sup>)<sup>2</sup> + mean
 *     E(x<sup>-</sup>)<sup>2</sup>].
 * @param gradientNorm The Euclidean norm of the parameter gradient of the loss (before any clipping).
 * @param seconds The wall-clock seconds since training started, at the end of this iteration.
 */
public record IterationStats(int iteration, double dataEnergy, double sampleEnergy, double penalty,
        double gradientNorm, double seconds) {

    /**
     * Returns the contrastive term, the surrogate of the negative log-likelihood's gradient direction.
     *
     * @return dataEnergy - sampleEnergy (negative once the data sit lower than the samples).
     */
    public double contrastive() {
        return dataEnergy - sampleEnergy;
    }

    /**
     * Returns the minimised loss.
     *
     * @return contrastive() + penalty.
     */
    public double loss() {
        return contrastive() + penalty;
    }
}
