/**
 * Exercises of notebook 05 (contrastive divergence), each a spec interface and its JUnit 5 checks.
 *
 * <ul>
 *   <li>05.1 {@link org.ebmjava.exercises.ex05.RbmFreeEnergy}: F(v) of a Bernoulli RBM.</li>
 *   <li>05.2 {@link org.ebmjava.exercises.ex05.Cd1Gradient}: the CD-1 estimate of the log-likelihood gradient.</li>
 * </ul>
 * Same conventions as notebook 04: W is nv x nh, b visible and c hidden biases,
 * E(v, h) = -b<sup>T</sup>v - c<sup>T</sup>h - v<sup>T</sup>W h.
 */
package org.ebmjava.exercises.ex05;
