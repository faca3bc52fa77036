package org.ebmjava.inference;

import java.util.random.RandomGenerator;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * A rule for expectations under a Gaussian, E<sub>N(m, s<sup>2</sup>)</sub>[f] &asymp; &sum;<sub>k</sub>
 * w<sub>k</sub> f(m + s z<sub>k</sub>), with nodes z<sub>k</sub> and weights w<sub>k</sub> fixed once: either
 * Gauss-Hermite quadrature or K standard-normal draws taken once from a seed (the reparameterisation trick
 * with fixed noise).
 *
 * <p>Fixing the nodes makes a variational objective a deterministic, smooth function of (m, s), so plain
 * gradient descent converges to the minimiser of the approximated objective. Gauss-Hermite with K nodes is
 * exact for polynomials of degree up to 2K - 1 (commons-math3 computes the nodes); K fixed draws give the
 * Monte Carlo version that scales to many dimensions, with an error of order 1/sqrt(K).
 *
 * @param nodes The standard-normal nodes z<sub>k</sub>.
 * @param weights The weights w<sub>k</sub>, summing to 1.
 * @param description How the rule was made, e.g. "Gauss-Hermite, 32 nodes".
 */
public record GaussianExpectation(double[] nodes, double[] weights, String description) {

    /**
     * Validates and copies the nodes and weights.
     *
     * @param nodes The standard-normal nodes z<sub>k</sub>. Not modified (copied).
     * @param weights The weights w<sub>k</sub>. Not modified (copied).
     * @param description How the rule was made.
     * @throws IllegalArgumentException If the arrays are null, empty, of different lengths, or not finite.
     */
    public GaussianExpectation {
        if (nodes == null || weights == null || nodes.length == 0 || nodes.length != weights.length) {
            throw new IllegalArgumentException("nodes and weights must be non-empty arrays of equal length");
        }
        for (int k = 0; k < nodes.length; k++) {
            Checks.finite(nodes[k], "nodes[" + k + "]");
            Checks.finite(weights[k], "weights[" + k + "]");
        }
        nodes = nodes.clone();
        weights = weights.clone();
    }

    /**
     * Builds the K-node Gauss-Hermite rule for N(0, 1): z<sub>k</sub> = &radic;2 x<sub>k</sub>, w<sub>k</sub>
     * = v<sub>k</sub>/&radic;&pi;, with (x<sub>k</sub>, v<sub>k</sub>) the rule for &int; exp(-x<sup>2</sup>)
     * f(x) dx.
     *
     * @param k The number of nodes, 1 to 100.
     * @return The rule.
     * @throws IllegalArgumentException If k is out of range.
     */
    public static GaussianExpectation gaussHermite(int k) {
        if (k < 1 || k > 100) {
            throw new IllegalArgumentException("k must be in [1, 100], found " + k);
        }
        GaussIntegrator rule = new GaussIntegratorFactory().hermite(k);
        double[] z = new double[k];
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            z[i] = Math.sqrt(2.0) * rule.getPoint(i);
            w[i] = rule.getWeight(i) / Math.sqrt(Math.PI);
        }
        return new GaussianExpectation(z, w, "Gauss-Hermite, " + k + " nodes");
    }

    /**
     * Draws K standard-normal nodes once, each with weight 1/K.
     *
     * @param k The number of draws, &ge; 1.
     * @param rng The source of randomness. Advanced by k draws.
     * @return The rule.
     * @throws IllegalArgumentException If k &lt; 1 or rng is null.
     */
    public static GaussianExpectation monteCarlo(int k, RandomGenerator rng) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, found " + k);
        }
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
        double[] z = new double[k];
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            z[i] = rng.nextGaussian();
            w[i] = 1.0 / k;
        }
        return new GaussianExpectation(z, w, "Monte Carlo, " + k + " fixed draws");
    }

    /**
     * Approximates E<sub>N(mean, std<sup>2</sup>)</sub>[f].
     *
     * @param f The function.
     * @param mean The Gaussian's mean.
     * @param std The Gaussian's standard deviation, &gt; 0.
     * @return &sum;<sub>k</sub> w<sub>k</sub> f(mean + std z<sub>k</sub>).
     */
    public double expect(DoubleUnaryOperator f, double mean, double std) {
        double s = 0.0;
        for (int k = 0; k < nodes.length; k++) {
            s += weights[k] * f.applyAsDouble(mean + std * nodes[k]);
        }
        return s;
    }

    /**
     * Returns the number of nodes.
     *
     * @return K.
     */
    public int size() {
        return nodes.length;
    }

    /**
     * Returns the nodes.
     *
     * @return A copy of z<sub>k</sub>.
     */
    @Override
    public double[] nodes() {
        return nodes.clone();
    }

    /**
     * Returns the weights.
     *
     * @return A copy of w<sub>k</sub>.
     */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GaussianExpectation g && java.util.Arrays.equals(nodes, g.nodes)
                && java.util.Arrays.equals(weights, g.weights) && description.equals(g.description);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(nodes) + java.util.Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return description;
    }
}
