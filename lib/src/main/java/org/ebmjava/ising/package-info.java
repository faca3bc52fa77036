/**
 * The two-dimensional Ising model: a lattice of &plusmn;1 spins, its Monte Carlo sampling and its
 * phase transition (notebook 03).
 *
 * <p>Units and conventions: k<sub>B</sub> = 1 and coupling J = 1, so energies and temperatures are
 * dimensionless; E(s) = -J &sum;<sub>&lt;ij&gt;</sub> s<sub>i</sub> s<sub>j</sub> - h &sum;
 * s<sub>i</sub> on an L &times; L torus (L even, &ge; 4), p(s) &prop; exp(-E/T); every method returns E,
 * never -E, and "per spin" means divided by N = L<sup>2</sup>. Spins live in primitive arrays (no
 * ND4J). All randomness comes from a seed through a counter-based generator, so results do not
 * depend on the number of threads.
 *
 * <p>Members:
 * <ul>
 *   <li>{@link org.ebmjava.ising.IsingModel}: the spins, the field, the energy and magnetisation.</li>
 *   <li>{@link org.ebmjava.ising.UpdateRule}: Metropolis or heat bath (Gibbs).</li>
 *   <li>{@link org.ebmjava.ising.IsingSampler}: multi-threaded checkerboard sweeps with tabulated
 *       flip probabilities.</li>
 *   <li>{@link org.ebmjava.ising.IsingObservables}: energy, |m|, specific heat, susceptibility,
 *       Binder cumulant and batch-means errors at one temperature.</li>
 *   <li>{@link org.ebmjava.ising.PhaseDiagram}: annealed temperature scans over several sizes as a
 *       Tablesaw table, Binder-cumulant crossing and peak temperatures.</li>
 *   <li>{@link org.ebmjava.ising.Onsager}: exact T<sub>c</sub>, energy and spontaneous
 *       magnetisation of the infinite lattice.</li>
 * </ul>
 */
package org.ebmjava.ising;
