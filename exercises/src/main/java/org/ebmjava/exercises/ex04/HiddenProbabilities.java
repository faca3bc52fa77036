package org.ebmjava.exercises.ex04;

/**
 * Exercise 04.1: the hidden-unit conditional of a Bernoulli RBM.
 *
 * <p>Performs the following operation, for each hidden unit j:
 * <pre>
 *   p(h<sub>j</sub> = 1 | v) = &sigma;(c<sub>j</sub> + &sum;<sub>i</sub> v<sub>i</sub> W<sub>ij</sub>),
 *   &sigma;(a) = 1 / (1 + e<sup>-a</sup>)
 * </pre>
 */
@FunctionalInterface
public interface HiddenProbabilities {
    /**
     * Hidden probabilities given a visible vector.
     *
     * @param weights The nv x nh weights W. Not modified.
     * @param hiddenBias The nh hidden biases c. Not modified.
     * @param visible The visible vector v, nv values in [0, 1]. Not modified.
     * @return A new array of nh probabilities.
     */
    double[] hiddenProbabilities(double[][] weights, double[] hiddenBias, double[] visible);
}
