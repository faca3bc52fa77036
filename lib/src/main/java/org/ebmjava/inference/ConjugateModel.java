package org.ebmjava.inference;

import org.ebmjava.landscape.Energy1D;

/**
 * A one-parameter Bayesian model with a conjugate prior, read as statistical mechanics: the posterior is
 * the Boltzmann distribution of the energy
 * <pre>
 *   E(&theta;) = -log p(D | &theta;) - log p(&theta;)
 * </pre>
 * at temperature T = 1, and the tempered posterior p<sub>T</sub>(&theta;) &prop; exp(-E(&theta;)/T) stays in
 * the conjugate family, so every thermodynamic quantity has a closed form:
 * <pre>
 *   Z_T = &int; exp(-E/T) d&theta;          partition function;  Z_1 = p(D), the evidence
 *   F_T = -T log Z_T = U_T - T S_T       free energy;  F_1 = -log p(D)
 *   U_T = E_{p_T}[E]                     mean energy
 *   S_T = h[p_T]                         differential entropy of the tempered posterior
 * </pre>
 * T = 1 gives the Bayes posterior, T &rarr; 0 concentrates it on the MAP estimate (the energy minimum), and
 * T &gt; 1 flattens it (likelihood and prior are both raised to the power 1/T). The energy includes
 * the normalising constants of the likelihood and the prior, so that Z<sub>1</sub> is the evidence itself.
 *
 * <p>As an {@link Energy1D}, {@link #value} returns E (not -E) and {@link #derivative} dE/d&theta;; the same
 * numbers, tabulated on a grid, feed {@link GridPosterior}, which must agree with the closed forms.
 */
public interface ConjugateModel extends Energy1D {

    /**
     * Returns the tempered posterior p<sub>T</sub> &prop; exp(-E/T) in closed form.
     *
     * @param temperature The temperature T. Must be finite and &gt; 0.
     * @return The tempered posterior; at T = 1 the Bayes posterior.
     * @throws IllegalArgumentException If T is invalid or the tempered density is not normalisable.
     */
    Density1D temperedPosterior(double temperature);

    /**
     * Returns the Bayes posterior, the tempered posterior at T = 1.
     *
     * @return p(&theta; | D).
     */
    default Density1D posterior() {
        return temperedPosterior(1.0);
    }

    /**
     * Returns log Z<sub>T</sub> = log &int; exp(-E(&theta;)/T) d&theta; in closed form.
     *
     * @param temperature The temperature T. Must be finite and &gt; 0.
     * @return log Z<sub>T</sub>; at T = 1 the log evidence log p(D).
     * @throws IllegalArgumentException If T is invalid.
     */
    double logPartition(double temperature);

    /**
     * Returns the free energy F<sub>T</sub> = -T log Z<sub>T</sub>.
     *
     * @param temperature The temperature T. Must be finite and &gt; 0.
     * @return F<sub>T</sub>; F<sub>1</sub> = -log p(D).
     * @throws IllegalArgumentException If T is invalid.
     */
    default double freeEnergy(double temperature) {
        return -temperature * logPartition(temperature);
    }

    /**
     * Returns the mean energy U<sub>T</sub> = the mean of E(&theta;) under p<sub>T</sub> in closed form.
     *
     * @param temperature The temperature T. Must be finite and &gt; 0.
     * @return U<sub>T</sub>.
     * @throws IllegalArgumentException If T is invalid.
     */
    double meanEnergy(double temperature);

    /**
     * Returns the differential entropy of the tempered posterior.
     *
     * @param temperature The temperature T. Must be finite and &gt; 0.
     * @return S<sub>T</sub> = h[p<sub>T</sub>] in nats; F<sub>T</sub> = U<sub>T</sub> - T S<sub>T</sub>.
     * @throws IllegalArgumentException If T is invalid.
     */
    default double entropy(double temperature) {
        return temperedPosterior(temperature).entropy();
    }

    /**
     * Returns the log evidence log p(D) = log Z<sub>1</sub> = -F<sub>1</sub>.
     *
     * @return log p(D), in nats.
     */
    default double logEvidence() {
        return logPartition(1.0);
    }

    /**
     * Returns the maximum a posteriori estimate, the minimum of E (the T &rarr; 0 limit of p<sub>T</sub>).
     *
     * @return argmin E; NaN where E has no unique minimiser.
     */
    double map();

    /**
     * Returns an interval that holds essentially all of p<sub>T</sub>'s mass, for tabulating it on a grid.
     *
     * @param temperature The temperature T. Must be finite and &gt; 0.
     * @return {lo, hi} with lo &lt; hi.
     * @throws IllegalArgumentException If T is invalid.
     */
    double[] gridRange(double temperature);
}
