package org.ebmjava.neural;

import java.util.Arrays;

/**
 * A model with a flat float32 parameter vector and a gradient accumulator of the same layout: what an
 * {@link Optimizer} updates.
 *
 * <p>Both arrays are live: an optimiser writes {@link #parameters()} in place and the model reads them at its next
 * call; gradient passes add into {@link #gradients()} until {@link #zeroGradients()}.
 */
public interface Parameterized {
    /**
     * Returns the number of parameters.
     *
     * @return The length of {@link #parameters()} and {@link #gradients()}.
     */
    int parameterCount();

    /**
     * Returns the live parameter vector.
     *
     * @return The model's own array (not a copy).
     */
    float[] parameters();

    /**
     * Returns the live gradient accumulator, same layout as {@link #parameters()}.
     *
     * @return The model's own array (not a copy).
     */
    float[] gradients();

    /** Sets every gradient to 0. */
    default void zeroGradients() {
        Arrays.fill(gradients(), 0f);
    }
}
