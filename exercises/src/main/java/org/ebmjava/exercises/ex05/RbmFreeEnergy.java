package org.ebmjava.exercises.ex05;

/**
 * Exercise 05.1: the free energy of a visible vector in a Bernoulli RBM.
 *
 * <p>Performs the following operation:
 * <pre>
 *   F(v) = -log &sum;<sub>h</sub> e<sup>-E(v,h)</sup> = -b<sup>T</sup>v - &sum;<sub>j</sub> softplus(c<sub>j</sub> + &sum;<sub>i</sub> v<sub>i</sub> W<sub>ij</sub>),
 *   softplus(a) = log(1 + e<sup>a</sup>)
 * </pre>
 * so that p(v) = e<sup>-F(v)</sup> / Z. Softplus must not overflow for large a (softplus(a) &asymp; a).
 */
@FunctionalInterface
public interface RbmFreeEnergy {
    /**
     * Free energy of one visible vector.
     *
     * @param weights The nv x nh weights W. Not modified.
     * @param visibleBias The nv visible biases b. Not modified.
     * @param hiddenBias The nh hidden biases c. Not modified.
     * @param visible The visible vector v. Not modified.
     * @return F(v).
     */
    double freeEnergy(double[][] weights, double[] visibleBias, double[] hiddenBias, double[] visible);
}
