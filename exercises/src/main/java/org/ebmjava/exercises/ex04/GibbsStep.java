package org.ebmjava.exercises.ex04;

/**
 * Exercise 04.2: one block-Gibbs step of a Bernoulli RBM, v &rarr; h &rarr; v.
 *
 * <p>Performs the following operations, with given uniform random numbers so that the result is deterministic:
 * <pre>
 *   h<sub>j</sub> = 1 if u<sub>j</sub> &lt; &sigma;(c<sub>j</sub> + &sum;<sub>i</sub> v<sub>i</sub> W<sub>ij</sub>), else 0
 *   v'<sub>i</sub> = 1 if u'<sub>i</sub> &lt; &sigma;(b<sub>i</sub> + &sum;<sub>j</sub> W<sub>ij</sub> h<sub>j</sub>), else 0
 * </pre>
 * All hidden units are sampled together from the old v, then all visible units together from the new h: the
 * bipartite graph makes each layer's units conditionally independent.
 */
@FunctionalInterface
public interface GibbsStep {
    /**
     * One Gibbs step.
     *
     * @param weights The nv x nh weights W. Not modified.
     * @param visibleBias The nv visible biases b. Not modified.
     * @param hiddenBias The nh hidden biases c. Not modified.
     * @param visible The current visible vector v (0/1 values). Not modified.
     * @param uniformsHidden nh uniform numbers in [0, 1) for sampling h. Not modified.
     * @param uniformsVisible nv uniform numbers in [0, 1) for sampling v'. Not modified.
     * @return A new array: the next visible vector v' (0/1 values).
     */
    double[] step(double[][] weights, double[] visibleBias, double[] hiddenBias, double[] visible,
            double[] uniformsHidden, double[] uniformsVisible);
}
