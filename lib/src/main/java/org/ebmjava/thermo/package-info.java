/**
 * Statistical mechanics of small, enumerable systems: the foundations of energy-based models
 * (notebook 01).
 *
 * <p>Units and conventions: Boltzmann's constant k<sub>B</sub> = 1, so energies and temperatures are
 * dimensionless numbers on the same scale; logarithms are natural, entropies and KL divergences are
 * in nats; lower energy means higher probability, p<sub>i</sub> = exp(-E<sub>i</sub>/T) / Z.
 * Everything works on primitive {@code double} arrays and is computed through log-sum-exp, so very
 * low temperatures and large energies do not overflow.
 *
 * <p>Members:
 * <ul>
 *   <li>{@link org.ebmjava.thermo.ThermoOps}: log-sum-exp, Boltzmann probabilities, entropy.</li>
 *   <li>{@link org.ebmjava.thermo.EnumerableSystem}: a finite list of microstates with energies,
 *       including all binary vectors {0,1}<sup>n</sup> and spin vectors {-1,+1}<sup>n</sup>.</li>
 *   <li>{@link org.ebmjava.thermo.BoltzmannDistribution}: p = exp(-E/T)/Z with log Z, entropy S,
 *       mean energy U (the course's "enthalpy"), free energy F = U - TS, heat capacity, sampling.</li>
 *   <li>{@link org.ebmjava.thermo.Divergences}: KL divergence of discrete distributions and of
 *       densities on a grid.</li>
 *   <li>{@link org.ebmjava.thermo.GaussianKlFit}: forward (mode-covering) versus reverse
 *       (mode-seeking) KL fits of a Gaussian to a one-dimensional target.</li>
 * </ul>
 */
package org.ebmjava.thermo;
