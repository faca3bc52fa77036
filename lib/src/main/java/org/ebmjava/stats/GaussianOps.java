package org.ebmjava.stats;

/**
 * Closed forms for one-dimensional Gaussians N(m, v) (mean m, variance v): log density, differential
 * entropy and the Kullback-Leibler divergence, in nats, with a conversion to bits.
 *
 * <p>These are the building blocks of the variational bounds of later lessons: a diagonal Gaussian in d
 * dimensions is a product of d independent one-dimensional ones, so its log density, entropy and KL are
 * sums over dimensions of the values returned here. Variances, not standard deviations, are the arguments,
 * as in the diffusion literature.
 * <pre>
 *   log N(x; m, v) = -(x - m)^2 / (2 v) - log(2 pi v) / 2
 *   h[N(m, v)]     = log(2 pi e v) / 2
 *   KL(N(m1, v1) || N(m2, v2)) = ( log(v2 / v1) + (v1 + (m1 - m2)^2) / v2 - 1 ) / 2
 * </pre>
 *
 * <pre>
 * T. M. Cover and J. A. Thomas, "Elements of Information Theory", 2nd ed., Wiley, 2006, chapter 8.
 * </pre>
 */
public final class GaussianOps {

    /** log 2: divide nats by this to get bits. */
    public static final double LN_2 = Math.log(2.0);

    private static final double LOG_2PI = Math.log(2.0 * Math.PI);

    private GaussianOps() {}

    /**
     * Computes the log density of a one-dimensional Gaussian.
     *
     * @param x The point.
     * @param mean The mean m. Must be finite.
     * @param variance The variance v. Must be finite and &gt; 0.
     * @return log N(x; m, v) = -(x - m)<sup>2</sup>/(2v) - log(2&pi;v)/2, in nats.
     * @throws IllegalArgumentException If the mean or the variance is invalid.
     */
    public static double logDensity(double x, double mean, double variance) {
        check(mean, variance, "");
        double d = x - mean;
        return -0.5 * d * d / variance - 0.5 * (LOG_2PI + Math.log(variance));
    }

    /**
     * Computes the differential entropy of a one-dimensional Gaussian.
     *
     * @param variance The variance v. Must be finite and &gt; 0.
     * @return h = log(2&pi;e v)/2, in nats; negative when v &lt; 1/(2&pi;e).
     * @throws IllegalArgumentException If the variance is not finite and positive.
     */
    public static double entropy(double variance) {
        check(0.0, variance, "");
        return 0.5 * (LOG_2PI + 1.0 + Math.log(variance));
    }

    /**
     * Computes KL(N(m1, v1) || N(m2, v2)), the divergence of the first Gaussian from the second.
     *
     * @param mean1 The mean m1 of the first Gaussian. Must be finite.
     * @param variance1 The variance v1 of the first Gaussian. Must be finite and &gt; 0.
     * @param mean2 The mean m2 of the second Gaussian. Must be finite.
     * @param variance2 The variance v2 of the second Gaussian. Must be finite and &gt; 0.
     * @return (log(v2/v1) + (v1 + (m1 - m2)<sup>2</sup>)/v2 - 1)/2 &ge; 0, in nats; 0 only for equal
     *     Gaussians.
     * @throws IllegalArgumentException If a mean or a variance is invalid.
     */
    public static double kl(double mean1, double variance1, double mean2, double variance2) {
        check(mean1, variance1, "1");
        check(mean2, variance2, "2");
        double d = mean1 - mean2;
        double r = variance1 / variance2;
        // log(v2/v1) + v1/v2 - 1 = r - 1 - log r, evaluated with log1p near r = 1 to keep small KLs accurate.
        double varTerm = r - 1.0 - Math.log1p(r - 1.0);
        return 0.5 * (varTerm + d * d / variance2);
    }

    /**
     * Converts nats to bits.
     *
     * @param nats A quantity in nats (natural-log units).
     * @return The same quantity in bits, nats / log 2.
     */
    public static double toBits(double nats) {
        return nats / LN_2;
    }

    private static void check(double mean, double variance, String suffix) {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean" + suffix + " must be finite, found " + mean);
        }
        if (!(variance > 0.0) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException(
                    "variance" + suffix + " must be finite and > 0, found " + variance);
        }
    }
}
