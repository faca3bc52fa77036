package org.ebmjava.inference;

/**
 * A normalised probability density on (part of) the real line, with the summaries that posteriors are
 * compared by.
 *
 * <p>Implemented by the closed-form posteriors of the conjugate models ({@link BetaDensity},
 * {@link NormalDensity}). Logarithms are natural; the entropy is the differential entropy
 * h = -&int; p log p, in nats (it can be negative).
 */
public interface Density1D {

    /**
     * Evaluates the log density.
     *
     * @param x The point.
     * @return log p(x); -Infinity outside the support.
     */
    double logDensity(double x);

    /**
     * Evaluates the density.
     *
     * @param x The point.
     * @return p(x) = exp(log p(x)) &ge; 0.
     */
    default double density(double x) {
        return Math.exp(logDensity(x));
    }

    /**
     * Returns the mean.
     *
     * @return E[x].
     */
    double mean();

    /**
     * Returns the variance.
     *
     * @return Var[x] &gt; 0.
     */
    double variance();

    /**
     * Returns the differential entropy.
     *
     * @return h = -&int; p(x) log p(x) dx, in nats.
     */
    double entropy();

    /**
     * Returns the mode (the maximum of the density).
     *
     * @return argmax p; NaN where the density has no interior maximum.
     */
    double mode();
}
