package org.ebmjava.rbm;

/**
 * Thrown by {@link RbmTrainer} when training blows up: a parameter became NaN or infinite, or the weights'
 * root-mean-square exceeded {@link RbmTrainer#maxWeightRms()}. The message names the epoch, the mini-batch, the
 * statistic and its value, and gives a hint with the current learning rate. Training never continues silently
 * after this.
 *
 * <p>Shared with the neural engine: {@code org.ebmjava.neural.DivergenceGuard} throws it with the
 * iteration-based constructor (then {@link #iteration()} is the iteration, {@link #epoch()} is 0 and
 * {@link #batch()} equals the iteration).
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batch;
    private final String statistic;
    private final double value;
    private final int iteration;

    /**
     * Creates the exception.
     *
     * @param epoch The epoch (1-based) in which divergence was detected.
     * @param batch The mini-batch (1-based) after which it was detected.
     * @param statistic What was checked, e.g. "weight RMS".
     * @param value The value found.
     * @param detail The bound or condition that failed, and a hint.
     */
    public TrainingDivergedException(int epoch, int batch, String statistic, double value, String detail) {
        super("training diverged in epoch " + epoch + " (detected after mini-batch " + batch + "): " + statistic
                + " = " + value + "; " + detail);
        this.epoch = epoch;
        this.batch = batch;
        this.statistic = statistic;
        this.value = value;
        this.iteration = -1;
    }

    /**
     * Creates the exception for a training loop counted in iterations (optimizer steps) rather than epochs.
     *
     * @param iteration The iteration (as the training loop counts it) at which divergence was detected.
     * @param statistic What was checked, e.g. "energy of the negatives".
     * @param value The value found.
     * @param detail The bound or condition that failed, and a hint.
     */
    public TrainingDivergedException(int iteration, String statistic, double value, String detail) {
        super("training diverged at iteration " + iteration + ": " + statistic + " = " + value + "; " + detail);
        this.epoch = 0;
        this.batch = iteration;
        this.statistic = statistic;
        this.value = value;
        this.iteration = iteration;
    }

    /**
     * Returns the iteration of an iteration-based training loop.
     *
     * @return The iteration, or -1 when the exception was raised by an epoch-based trainer (the RBM's).
     */
    public int iteration() {
        return iteration;
    }

    /**
     * Returns the epoch.
     *
     * @return The 1-based epoch in which divergence was detected.
     */
    public int epoch() {
        return epoch;
    }

    /**
     * Returns the mini-batch.
     *
     * @return The 1-based mini-batch after which divergence was detected.
     */
    public int batch() {
        return batch;
    }

    /**
     * Returns the statistic that failed.
     *
     * @return E.g. "weight RMS" or "parameter sum of squares".
     */
    public String statistic() {
        return statistic;
    }

    /**
     * Returns the value found.
     *
     * @return The statistic's value (may be NaN or infinite).
     */
    public double value() {
        return value;
    }
}
