/**
 * Exercises of notebook 02 (Hopfield networks), each a spec interface and its JUnit 5 checks.
 *
 * <ul>
 *   <li>02.1 {@link org.ebmjava.exercises.ex02.HopfieldEnergy}: E(s) = -1/2 s<sup>T</sup>W s - b<sup>T</sup>s.</li>
 *   <li>02.2 {@link org.ebmjava.exercises.ex02.AsyncSweep}: one asynchronous update sweep in a given order.</li>
 * </ul>
 * States are arrays of spins in {-1, +1}.
 */
package org.ebmjava.exercises.ex02;
