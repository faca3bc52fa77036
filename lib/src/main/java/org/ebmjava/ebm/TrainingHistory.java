package org.ebmjava.ebm;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What {@link MaximumLikelihoodTrainer#train} returns besides the trained model (which it updates in place): the
 * statistics of every iteration, the last batch of Langevin samples and the wall-clock time.
 *
 * @param iterations One entry per iteration, in order.
 * @param lastSamples The negatives of the last iteration, m&middot;d floats row-major.
 * @param seconds The wall-clock seconds of the whole run.
 */
public record TrainingHistory(List<IterationStats> iterations, float[] lastSamples, double seconds) {

    /**
     * Copies the arguments.
     *
     * @param iterations One entry per iteration. Not modified (copied).
     * @param lastSamples The last negatives. Not modified (copied).
     * @param seconds The wall-clock seconds.
     */
    public TrainingHistory {
        iterations = List.copyOf(iterations);
        lastSamples = lastSamples.clone();
    }

    /**
     * Returns the last samples.
     *
     * @return A copy of the negatives of the last iteration.
     */
    @Override
    public float[] lastSamples() {
        return lastSamples.clone();
    }

    /**
     * Returns one statistic as a series, for plotting.
     *
     * @param statistic E.g. {@code IterationStats::dataEnergy}.
     * @return A new array, one value per iteration.
     */
    public double[] series(ToDoubleFunction<IterationStats> statistic) {
        return iterations.stream().mapToDouble(statistic).toArray();
    }

    /**
     * Returns the iteration numbers, for the x axis of a plot.
     *
     * @return 1, 2, ..., iterations().size() as doubles.
     */
    public double[] steps() {
        return series(IterationStats::iteration);
    }

    /**
     * Returns the statistics of the last iteration.
     *
     * @return The last entry.
     * @throws IllegalStateException If the history is empty.
     */
    public IterationStats last() {
        if (iterations.isEmpty()) {
            throw new IllegalStateException("the history is empty");
        }
        return iterations.get(iterations.size() - 1);
    }
}
