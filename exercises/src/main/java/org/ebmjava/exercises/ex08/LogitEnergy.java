package org.ebmjava.exercises.ex08;

/**
 * Exercise 08.2: the energy a classifier's logits define (JEM, Grathwohl et al., 2020).
 *
 * <p>A classifier with logits f(x) &isin; R<sup>K</sup> defines p(x, y) &prop; exp(f(x)[y]); summing over y,
 * p(x) &prop; exp(-E(x)) with
 * <pre>
 *   E(x) = -log &sum;<sub>y</sub> exp(f(x)[y]) = -(c + log &sum;<sub>y</sub> exp(f(x)[y] - c)),   c = max<sub>y</sub> f(x)[y]
 * </pre>
 * The second form is the same number and never overflows: logits of 1000 are ordinary for a confident network.
 */
@FunctionalInterface
public interface LogitEnergy {
    /**
     * The energies of a batch.
     *
     * @param logits n &ge; 1 rows of K &ge; 1 finite logits, one row per input. Not modified.
     * @return A new array of n energies, E[i] = -logsumexp(logits[i]).
     */
    double[] energies(double[][] logits);
}
