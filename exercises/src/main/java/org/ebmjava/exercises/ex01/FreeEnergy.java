package org.ebmjava.exercises.ex01;

/**
 * Exercise 01.2: the Helmholtz free energy of a finite system.
 *
 * <p>Performs the following operation:
 * <pre>
 *   F = -T log Z = -T log &sum;<sub>i</sub> exp(-E<sub>i</sub>/T)
 * </pre>
 * computed without overflow: with E<sub>min</sub> = min<sub>i</sub> E<sub>i</sub>,
 * F = E<sub>min</sub> - T log &sum;<sub>i</sub> exp(-(E<sub>i</sub> - E<sub>min</sub>)/T).
 */
@FunctionalInterface
public interface FreeEnergy {
    /**
     * Free energy of the Boltzmann distribution over the given states.
     *
     * @param energies Energies E<sub>i</sub> of the states; finite, at least one. Not modified.
     * @param temperature Temperature T &gt; 0 (k<sub>B</sub> = 1).
     * @return F, in the units of the energies.
     */
    double freeEnergy(double[] energies, double temperature);
}
