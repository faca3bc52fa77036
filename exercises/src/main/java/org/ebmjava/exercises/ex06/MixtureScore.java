package org.ebmjava.exercises.ex06;

/**
 * Exercise 06.2: the score of a mixture of isotropic Gaussians.
 *
 * <p>Performs the following operation, for p(x) = &sum;<sub>k</sub> &pi;<sub>k</sub> N(x; &mu;<sub>k</sub>,
 * s<sub>k</sub><sup>2</sup> I) in d dimensions:
 * <pre>
 *   &nabla;_x log p(x) = -&sum;_k r_k(x) (x - &mu;_k) / s_k^2,
 *   r_k(x) = &pi;_k N(x; &mu;_k, s_k^2 I) / p(x)
 * </pre>
 * The responsibilities r<sub>k</sub> must be computed in log space (log-sum-exp), so that a point far from every
 * component still gets a finite score.
 */
@FunctionalInterface
public interface MixtureScore {
    /**
     * The score at one point.
     *
     * @param weights The K mixing weights &pi;<sub>k</sub> &gt; 0, summing to 1. Not modified.
     * @param means The K means &mu;<sub>k</sub>, each d values. Not modified.
     * @param stds The K standard deviations s<sub>k</sub> &gt; 0. Not modified.
     * @param x The point, d values. Not modified.
     * @return A new array holding &nabla;<sub>x</sub> log p(x), d values.
     */
    double[] score(double[] weights, double[][] means, double[] stds, double[] x);
}
