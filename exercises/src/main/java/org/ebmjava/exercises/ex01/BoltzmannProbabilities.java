package org.ebmjava.exercises.ex01;

/**
 * Exercise 01.1: the Boltzmann distribution of a finite system.
 *
 * <p>Performs the following operation:
 * <pre>
 *   p<sub>i</sub> = exp(-E<sub>i</sub>/T) / Z,   Z = &sum;<sub>j</sub> exp(-E<sub>j</sub>/T)
 * </pre>
 * computed without overflow or underflow to NaN, e.g. by shifting all energies by their minimum (log-sum-exp).
 */
@FunctionalInterface
public interface BoltzmannProbabilities {
    /**
     * Boltzmann probabilities of the states.
     *
     * @param energies Energies E<sub>i</sub> of the states; finite, at least one. Not modified.
     * @param temperature Temperature T &gt; 0 (k<sub>B</sub> = 1).
     * @return A new array of probabilities p<sub>i</sub> that sum to 1.
     * @throws IllegalArgumentException If the temperature is not a finite positive number.
     */
    double[] probabilities(double[] energies, double temperature);
}
