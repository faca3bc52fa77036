/**
 * Hopfield networks: associative memories of -1/+1 neurons whose stored patterns are minima of an
 * energy (notebook 02).
 *
 * <p>Conventions: a state or pattern is an {@code int[]} of -1 and +1; weights are symmetric
 * {@code double[][]} with a zero diagonal; every energy is E(s) = -1/2 s<sup>T</sup>W s - b<sup>T</sup>s
 * (E, not -E, dimensionless); the update rule is s<sub>i</sub> &larr; sign(h<sub>i</sub>) with
 * sign(0) = keep. Plain primitive arrays, no ND4J (N is a few hundred). All randomness is passed in
 * as a {@link java.util.random.RandomGenerator} or a {@code long} seed.
 *
 * <p>Members:
 * <ul>
 *   <li>{@link org.ebmjava.hopfield.HopfieldNetwork}: Hebbian and Storkey storage, energy, local
 *       fields, asynchronous sweeps and synchronous steps, recall.</li>
 *   <li>{@link org.ebmjava.hopfield.RecallResult}: the final state and energy path of one recall.</li>
 *   <li>{@link org.ebmjava.hopfield.Patterns}: random patterns, corruption, overlap and Hamming
 *       distance, binarised images, mixtures and negations, letter glyphs and ASCII art.</li>
 *   <li>{@link org.ebmjava.hopfield.CapacityExperiment}: recall rate against load P/N for the
 *       Hebbian and Storkey rules, as a Tablesaw table.</li>
 * </ul>
 */
package org.ebmjava.hopfield;
