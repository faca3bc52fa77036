/**
 * Exercises of notebook 01 (foundations), each a spec interface and its JUnit 5 checks.
 *
 * <ul>
 *   <li>01.1 {@link org.ebmjava.exercises.ex01.BoltzmannProbabilities}: p<sub>i</sub> = exp(-E<sub>i</sub>/T)/Z
 *       without overflow.</li>
 *   <li>01.2 {@link org.ebmjava.exercises.ex01.FreeEnergy}: F = -T log Z without overflow.</li>
 *   <li>01.3 {@link org.ebmjava.exercises.ex01.LangevinStep}: one step of thermal gradient descent.</li>
 * </ul>
 * Units: k<sub>B</sub> = 1; energies and temperatures are dimensionless.
 */
package org.ebmjava.exercises.ex01;
