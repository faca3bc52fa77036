package org.ebmjava.landscape;

import java.util.random.RandomGenerator;

/**
 * A (possibly stochastic) minimiser of a two-dimensional energy that records its whole path.
 *
 * <p>Implementations hold only hyperparameters, so one instance can be reused for many runs; all
 * randomness comes from the generator passed to {@link #run}.
 */
public interface Optimizer2D {

    /**
     * Runs the optimiser from a starting point.
     *
     * @param e The energy to minimise. Must not be null.
     * @param x0 The starting x. Must be finite.
     * @param y0 The starting y. Must be finite.
     * @param rng The source of randomness. Must not be null; advanced by the run.
     * @return The recorded trajectory, starting at (x0, y0).
     * @throws IllegalArgumentException If an argument is invalid.
     */
    Trajectory run(Energy2D e, double x0, double y0, RandomGenerator rng);
}
