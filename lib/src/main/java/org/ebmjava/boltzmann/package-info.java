/**
 * Boltzmann machines on binary units s<sub>i</sub> &isin; {0,1}: energy, exact enumeration for small
 * n, and learning by moment matching, exact or with Gibbs sampling (notebook 03).
 *
 * <p>Conventions: energies are E (not -E), E(s) = -&sum;<sub>i&lt;j</sub> W<sub>ij</sub>
 * s<sub>i</sub> s<sub>j</sub> - &sum;<sub>i</sub> b<sub>i</sub> s<sub>i</sub>, p(s) = exp(-E(s))/Z
 * at temperature 1; logarithms are natural, log-likelihoods are means per data vector in nats.
 * States are {@code int[]} of 0s and 1s; the 2<sup>n</sup> states are ordered by binary counting
 * (unit k is bit k of the index), as in {@link org.ebmjava.thermo.EnumerableSystem#binary}. Exact
 * work enumerates all states and is meant for n &le; 16. All randomness is passed in as a
 * {@link java.util.random.RandomGenerator} or a {@code long} seed.
 *
 * <p>Members:
 * <ul>
 *   <li>{@link org.ebmjava.boltzmann.BoltzmannMachine}: fully visible machine with energy,
 *       conditionals, exact log Z, distribution, moments and log-likelihood.</li>
 *   <li>{@link org.ebmjava.boltzmann.Moments}: means and pairwise correlations, of data or of a
 *       model.</li>
 *   <li>{@link org.ebmjava.boltzmann.ExactTrainer} and {@link org.ebmjava.boltzmann.GibbsTrainer}:
 *       gradient ascent on the log-likelihood with exact or persistent-Gibbs model moments, both
 *       returning a {@link org.ebmjava.boltzmann.TrainingHistory}.</li>
 *   <li>{@link org.ebmjava.boltzmann.HiddenBoltzmannMachine}: general machine with hidden units,
 *       exact visible marginal, and the Ackley-Hinton-Sejnowski learning rule with
 *       clamped and free Gibbs phases, returning a
 *       {@link org.ebmjava.boltzmann.TrainingHistory}.</li>
 *   <li>{@link org.ebmjava.boltzmann.BinaryDatasets}: bars and stripes, parity, sampling states from
 *       a distribution, empirical distributions, text rendering.</li>
 *   <li>{@link org.ebmjava.boltzmann.BoltzmannOps}: sigmoid, state index and argument checks.</li>
 * </ul>
 */
package org.ebmjava.boltzmann;
