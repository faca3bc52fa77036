/**
 * Exercises of notebook 04 (restricted Boltzmann machines), each a spec interface and its JUnit 5 checks.
 *
 * <ul>
 *   <li>04.1 {@link org.ebmjava.exercises.ex04.HiddenProbabilities}: p(h<sub>j</sub> = 1 | v) of a Bernoulli RBM.</li>
 *   <li>04.2 {@link org.ebmjava.exercises.ex04.GibbsStep}: one block-Gibbs step v &rarr; h &rarr; v.</li>
 * </ul>
 * Convention for all RBM exercises: W is nv x nh (rows = visible units), b the visible and c the hidden biases,
 * E(v, h) = -b<sup>T</sup>v - c<sup>T</sup>h - v<sup>T</sup>W h.
 */
package org.ebmjava.exercises.ex04;
