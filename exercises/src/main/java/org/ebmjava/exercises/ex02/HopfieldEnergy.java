package org.ebmjava.exercises.ex02;

/**
 * Exercise 02.1: the energy of a Hopfield network.
 *
 * <p>Performs the following operation:
 * <pre>
 *   E(s) = -1/2 &sum;<sub>i,j</sub> W<sub>ij</sub> s<sub>i</sub> s<sub>j</sub> - &sum;<sub>i</sub> b<sub>i</sub> s<sub>i</sub>
 * </pre>
 * for a symmetric weight matrix W with zero diagonal.
 */
@FunctionalInterface
public interface HopfieldEnergy {
    /**
     * Energy of a state.
     *
     * @param weights The symmetric N x N weight matrix W, zero diagonal. Not modified.
     * @param biases The N biases b. Not modified.
     * @param state The state s, N spins in {-1, +1}. Not modified.
     * @return E(s).
     */
    double energy(double[][] weights, double[] biases, int[] state);
}
