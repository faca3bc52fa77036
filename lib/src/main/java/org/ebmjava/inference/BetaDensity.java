package org.ebmjava.inference;

import java.util.Locale;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * The beta density Beta(&alpha;, &beta;) on (0, 1): the posterior of a coin's bias in {@link BetaBernoulli}.
 *
 * <p>Performs
 * <pre>
 *   p(x) = x^{&alpha;-1} (1 - x)^{&beta;-1} / B(&alpha;, &beta;)
 *   h    = log B(&alpha;, &beta;) - (&alpha;-1) &psi;(&alpha;) - (&beta;-1) &psi;(&beta;) + (&alpha;+&beta;-2) &psi;(&alpha;+&beta;)
 * </pre>
 * with B the beta function and &psi; the digamma function (both from commons-math3).
 *
 * @param alpha The first shape &alpha;. Must be finite and &gt; 0.
 * @param beta The second shape &beta;. Must be finite and &gt; 0.
 */
public record BetaDensity(double alpha, double beta) implements Density1D {

    /**
     * Validates the shapes.
     *
     * @param alpha The first shape &alpha; &gt; 0.
     * @param beta The second shape &beta; &gt; 0.
     * @throws IllegalArgumentException If a shape is not finite and positive.
     */
    public BetaDensity {
        if (!(alpha > 0.0) || Double.isInfinite(alpha) || !(beta > 0.0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException(
                    "Beta shapes must be finite and > 0, found alpha=" + alpha + ", beta=" + beta);
        }
    }

    /**
     * Evaluates log p(x).
     *
     * @param x The point.
     * @return The log density; -Infinity outside [0, 1]; at x = 0 or 1 the limit (+Infinity, finite or
     *     -Infinity depending on the shape).
     */
    @Override
    public double logDensity(double x) {
        if (!(x >= 0.0 && x <= 1.0)) {
            return Double.NEGATIVE_INFINITY;
        }
        return xLogY(alpha - 1.0, x) + xLogY(beta - 1.0, 1.0 - x) - Beta.logBeta(alpha, beta);
    }

    @Override
    public double mean() {
        return alpha / (alpha + beta);
    }

    @Override
    public double variance() {
        double s = alpha + beta;
        return alpha * beta / (s * s * (s + 1.0));
    }

    @Override
    public double entropy() {
        return Beta.logBeta(alpha, beta) - (alpha - 1.0) * Gamma.digamma(alpha)
                - (beta - 1.0) * Gamma.digamma(beta) + (alpha + beta - 2.0) * Gamma.digamma(alpha + beta);
    }

    /**
     * Returns the mode (&alpha; - 1)/(&alpha; + &beta; - 2).
     *
     * @return The mode for &alpha;, &beta; &gt; 1; otherwise NaN (the maximum is at an end or the density is
     *     flat).
     */
    @Override
    public double mode() {
        return alpha > 1.0 && beta > 1.0 ? (alpha - 1.0) / (alpha + beta - 2.0) : Double.NaN;
    }

    /**
     * Returns E[log x] = &psi;(&alpha;) - &psi;(&alpha; + &beta;).
     *
     * @return The mean log of x.
     */
    public double meanLog() {
        return Gamma.digamma(alpha) - Gamma.digamma(alpha + beta);
    }

    /**
     * Returns E[log(1 - x)] = &psi;(&beta;) - &psi;(&alpha; + &beta;).
     *
     * @return The mean log of 1 - x.
     */
    public double meanLogComplement() {
        return Gamma.digamma(beta) - Gamma.digamma(alpha + beta);
    }

    /**
     * Describes the density.
     *
     * @return "Beta(alpha, beta)" with the numbers.
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Beta(%.6g, %.6g)", alpha, beta);
    }

    /** a log y with 0 log 0 = 0. */
    private static double xLogY(double a, double y) {
        return a == 0.0 ? 0.0 : a * Math.log(y);
    }
}
