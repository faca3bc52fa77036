package org.ebmjava.exercises.ex02;

/**
 * Exercise 02.2: one asynchronous sweep of Hopfield dynamics.
 *
 * <p>Visits the neurons in the given order; for each neuron i computes the local field
 * h<sub>i</sub> = &sum;<sub>j</sub> W<sub>ij</sub> s<sub>j</sub> + b<sub>i</sub> from the <em>current</em> state
 * (including updates made earlier in the same sweep) and sets s<sub>i</sub> = sign(h<sub>i</sub>), keeping
 * s<sub>i</sub> unchanged when h<sub>i</sub> = 0.
 */
@FunctionalInterface
public interface AsyncSweep {
    /**
     * One sweep, in place.
     *
     * @param weights The symmetric N x N weight matrix W, zero diagonal. Not modified.
     * @param biases The N biases b. Not modified.
     * @param state The state s, N spins in {-1, +1}. Modified: updated in place.
     * @param order The order of the updates, a permutation of 0..N-1. Not modified.
     * @return The number of neurons whose spin changed.
     */
    int sweep(double[][] weights, double[] biases, int[] state, int[] order);
}
