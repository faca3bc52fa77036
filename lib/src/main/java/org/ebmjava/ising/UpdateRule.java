package org.ebmjava.ising;

/**
 * The single-spin update used by {@link IsingSampler}.
 *
 * <p>Both rules leave the Boltzmann distribution p(s) &prop; exp(-E(s)/T) invariant (detailed
 * balance) and are applied to one sublattice of the checkerboard at a time. With
 * &Delta;E = 2 s<sub>i</sub> (J h<sub>i</sub><sup>nb</sup> + h) the energy change of flipping spin
 * s<sub>i</sub> whose four neighbours sum to h<sub>i</sub><sup>nb</sup>:
 * <ul>
 *   <li>{@link #METROPOLIS}: flip with probability min(1, exp(-&Delta;E/T)).</li>
 *   <li>{@link #HEAT_BATH}: draw s<sub>i</sub> afresh from its conditional distribution,
 *       P(s<sub>i</sub> = +1 | neighbours) = 1 / (1 + exp(-2 (J h<sub>i</sub><sup>nb</sup> + h) / T)),
 *       also called the Gibbs or Glauber update. Equivalently: flip with probability
 *       1 / (1 + exp(&Delta;E/T)).</li>
 * </ul>
 *
 * <pre>
 * Reference: N. Metropolis, A. W. Rosenbluth, M. N. Rosenbluth, A. H. Teller and E. Teller,
 * "Equation of State Calculations by Fast Computing Machines", J. Chem. Phys. 21, 1953;
 * R. J. Glauber, "Time-Dependent Statistics of the Ising Model", J. Math. Phys. 4, 1963.
 * </pre>
 */
public enum UpdateRule {
    /** Flip with probability min(1, exp(-&Delta;E/T)). */
    METROPOLIS,
    /** Resample the spin from its conditional distribution given its neighbours (Gibbs). */
    HEAT_BATH
}
