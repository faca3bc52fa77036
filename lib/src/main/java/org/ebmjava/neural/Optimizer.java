package org.ebmjava.neural;

/**
 * A first-order optimiser: reads a model's accumulated {@link Parameterized#gradients() gradients} and updates its
 * {@link Parameterized#parameters() parameters} in place. It does not zero the gradients (the training loop does,
 * so that several losses can add into them first).
 *
 * <p>An optimiser with state (moments, velocities) binds to the first model it steps and refuses a model of
 * another size.
 */
public interface Optimizer {
    /**
     * Performs one update.
     *
     * @param model The model. Its parameters are modified.
     * @throws IllegalArgumentException If model is null or of another size than the optimiser's state.
     */
    void step(Parameterized model);
}
