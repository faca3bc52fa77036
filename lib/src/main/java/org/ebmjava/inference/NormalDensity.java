package org.ebmjava.inference;

import java.util.Locale;
import org.ebmjava.stats.GaussianOps;

/**
 * The normal density N(mean, std<sup>2</sup>): the posterior of {@link NormalNormal} and the variational
 * family of {@link VariationalGaussianTrainer}.
 *
 * @param mean The mean. Must be finite.
 * @param std The standard deviation. Must be finite and &gt; 0.
 */
public record NormalDensity(double mean, double std) implements Density1D {

    /**
     * Validates the parameters.
     *
     * @param mean The mean, finite.
     * @param std The standard deviation, finite and &gt; 0.
     * @throws IllegalArgumentException If the mean is not finite or std is not finite and positive.
     */
    public NormalDensity {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be finite, found " + mean);
        }
        if (!(std > 0.0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("std must be finite and > 0, found " + std);
        }
    }

    @Override
    public double logDensity(double x) {
        return GaussianOps.logDensity(x, mean, std * std);
    }

    @Override
    public double variance() {
        return std * std;
    }

    /**
     * Returns the entropy log(2&pi;e std<sup>2</sup>)/2.
     *
     * @return h in nats.
     */
    @Override
    public double entropy() {
        return GaussianOps.entropy(std * std);
    }

    @Override
    public double mode() {
        return mean;
    }

    /**
     * Describes the density.
     *
     * @return "N(mean, std^2)" with the numbers.
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "N(%.6g, %.6g^2)", mean, std);
    }
}
