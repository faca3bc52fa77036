package org.ebmjava.exercises.ex03;

/**
 * Exercise 03.1: the conditional probability of one unit of a Boltzmann machine.
 *
 * <p>For binary units s<sub>i</sub> in {0, 1} and energy E(s) = -1/2 s<sup>T</sup>W s - b<sup>T</sup>s (W symmetric,
 * zero diagonal) at temperature T:
 * <pre>
 *   p(s<sub>i</sub> = 1 | s<sub>-i</sub>) = &sigma;((&sum;<sub>j</sub> W<sub>ij</sub> s<sub>j</sub> + b<sub>i</sub>) / T),
 *   &sigma;(a) = 1 / (1 + e<sup>-a</sup>)
 * </pre>
 * which does not depend on the current value of s<sub>i</sub>.
 */
@FunctionalInterface
public interface UnitConditional {
    /**
     * The probability that unit i is on, given all the others.
     *
     * @param weights The symmetric n x n weights W, zero diagonal. Not modified.
     * @param biases The n biases b. Not modified.
     * @param state The current state, n values in {0, 1}; s<sub>i</sub> itself is ignored. Not modified.
     * @param i The unit, 0 &le; i &lt; n.
     * @param temperature The temperature T &gt; 0.
     * @return p(s<sub>i</sub> = 1 | the other units), in [0, 1].
     */
    double probabilityOn(double[][] weights, double[] biases, int[] state, int i, double temperature);
}
