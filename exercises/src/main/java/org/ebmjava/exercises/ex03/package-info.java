/**
 * Exercises of notebook 03 (Boltzmann machines, Gibbs sampling, Ising), each a spec interface and its JUnit 5
 * checks.
 *
 * <ul>
 *   <li>03.1 {@link org.ebmjava.exercises.ex03.UnitConditional}: p(s<sub>i</sub> = 1 | rest) of a Boltzmann
 *       machine.</li>
 *   <li>03.2 {@link org.ebmjava.exercises.ex03.MetropolisAcceptance}: the Metropolis accept/reject decision.</li>
 * </ul>
 */
package org.ebmjava.exercises.ex03;
