package org.ebmjava.ebm;

/**
 * Thrown by {@link MaximumLikelihoodTrainer} when training blows up: a mean energy left the allowed range, became
 * NaN or infinite, the parameter gradient became non-finite, or the Langevin chains produced a non-finite
 * coordinate. The message names the iteration, the statistic and its value, and gives a hint. Training never
 * continues silently after this.
 *
 * <p>(The neural engine's own divergence guard is planned for a later stage of issue 8; when it lands this class can
 * become, or give way to, that one.)
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int iteration;
    private final String statistic;
    private final double value;

    /**
     * Creates the exception.
     *
     * @param iteration The iteration (1-based) at which divergence was detected.
     * @param statistic What was checked, e.g. "mean sample energy".
     * @param value The value found.
     * @param detail The bound or condition that failed, and a hint.
     */
    public TrainingDivergedException(int iteration, String statistic, double value, String detail) {
        super("training diverged at iteration " + iteration + ": " + statistic + " = " + value + "; " + detail);
        this.iteration = iteration;
        this.statistic = statistic;
        this.value = value;
    }

    /**
     * Returns the iteration.
     *
     * @return The 1-based iteration at which divergence was detected.
     */
    public int iteration() {
        return iteration;
    }

    /**
     * Returns what was checked.
     *
     * @return E.g. "mean data energy".
     */
    public String statistic() {
        return statistic;
    }

    /**
     * Returns the offending value.
     *
     * @return The value (NaN or infinite, or beyond the bound).
     */
    public double value() {
        return value;
    }
}
