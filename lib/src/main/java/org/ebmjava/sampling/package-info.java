/**
 * Markov chain Monte Carlo samplers and their diagnostics (notebooks 03 and later).
 *
 * <p>Conventions: k<sub>B</sub> = 1; targets are p &prop; exp(-E/T) with energies E (not -E), lower
 * energy more probable. Samplers take their randomness as a
 * {@link java.util.random.RandomGenerator}; methods that modify a state passed in say so.
 *
 * <p>Members:
 * <ul>
 *   <li>{@link org.ebmjava.sampling.GibbsSampler}: systematic and random-scan Gibbs sampling of a
 *       {@link org.ebmjava.boltzmann.BoltzmannMachine}, chain runs, visit frequencies and the KL
 *       divergence of the visit frequencies from the exact distribution.</li>
 *   <li>{@link org.ebmjava.sampling.Metropolis}: the acceptance rule min(1, exp(-&Delta;E/T)).</li>
 *   <li>{@link org.ebmjava.sampling.ChainDiagnostics}: autocorrelation, integrated
 *       autocorrelation time (Sokal's window), effective sample size, running mean, Gelman-Rubin
 *       R-hat, and a one-chain summary.</li>
 *   <li>{@link org.ebmjava.sampling.BatchEnergy} and {@link org.ebmjava.sampling.BatchScore}: the two interfaces
 *       gradient-based samplers take (an energy with its input gradient; a possibly noise-conditional score), so
 *       closed-form 2D energies and the neural engine's networks share one sampler.</li>
 * </ul>
 */
package org.ebmjava.sampling;
