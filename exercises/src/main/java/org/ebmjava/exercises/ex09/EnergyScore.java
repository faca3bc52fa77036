package org.ebmjava.exercises.ex09;

/**
 * Exercise 09.3: the energy score of a classifier (Liu et al., 2020), computed stably from its logits.
 *
 * <p>For logits f<sub>1</sub> .. f<sub>K</sub> of one input and a temperature T &gt; 0,
 * <pre>
 *   E_T(x) = -T log &Sigma;_y exp(f_y / T)
 *          = -( m + T log &Sigma;_y exp((f_y - m) / T) ),    m = max_y f_y
 * </pre>
 * the second form never overflows (every exponent is &le; 0 and one of them is 0). Lower energy = more
 * in-distribution; as T &rarr; 0 it tends to -max<sub>y</sub> f<sub>y</sub>, and T = 1 is JEM's E(x).
 */
@FunctionalInterface
public interface EnergyScore {
    /**
     * The energy score of every row.
     *
     * @param logits n x K finite logits, K &ge; 1. Not modified.
     * @param temperature T &gt; 0.
     * @return n energies E<sub>T</sub>.
     */
    double[] energies(double[][] logits, double temperature);
}
