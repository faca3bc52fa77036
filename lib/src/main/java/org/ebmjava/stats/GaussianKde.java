package org.ebmjava.stats;

import java.util.Locale;

/**
 * A Gaussian kernel density estimate in d dimensions with a diagonal bandwidth: the classical baseline that
 * a learned density (a flow, an EBM, a diffusion model's bound) should beat on held-out log-likelihood.
 *
 * <p>Performs
 * <pre>
 *   p(x) = (1/n) &sum;_i &prod;_j N(x_j; x_ij, h_j^2),
 *   log p(x) = logsumexp_i( -&frac12; &sum;_j ((x_j - x_ij) / h_j)^2 )
 *              - log n - &sum;_j log h_j - (d/2) log 2&pi;,
 * </pre>
 * over the n training points x<sub>i</sub>, through a max-shifted log-sum-exp (no underflow far from the
 * data). The bandwidth of dimension j is h<sub>j</sub> = f &sigma;<sub>j</sub>, with &sigma;<sub>j</sub>
 * the sample standard deviation of the training data in that dimension and f a factor: Scott's rule
 * f = n<sup>-1/(d+4)</sup>, Silverman's f = (n (d + 2) / 4)<sup>-1/(d+4)</sup>, or a factor chosen by
 * held-out log-likelihood ({@link #selectFactor}). Both rules are optimal for Gaussian data and
 * over-smooth multimodal data such as two moons; choose on validation data for those.
 *
 * <p>Log densities are in nats per point (not per dimension). Each evaluation costs O(n d); instances are
 * immutable.
 *
 * <pre>
 * D. W. Scott, "Multivariate Density Estimation", Wiley, 1992, section 6.3.
 * B. W. Silverman, "Density Estimation for Statistics and Data Analysis", Chapman and Hall, 1986.
 * </pre>
 */
public final class GaussianKde {

    private static final double LOG_2PI = Math.log(2.0 * Math.PI);

    private final double[][] points;
    private final double[] bandwidths;
    private final double factor;
    private final double logNormaliser;

    private GaussianKde(double[][] points, double factor) {
        int d = PointSets.check(points, "points");
        if (points.length < 2) {
            throw new IllegalArgumentException("need at least 2 training points to estimate a bandwidth, found "
                    + points.length);
        }
        if (!(factor > 0.0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be finite and > 0, found " + factor);
        }
        this.points = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            this.points[i] = points[i].clone();
        }
        this.factor = factor;
        this.bandwidths = new double[d];
        double sumLogH = 0.0;
        for (int j = 0; j < d; j++) {
            double sd = sampleStd(this.points, j);
            if (!(sd > 0.0)) {
                throw new IllegalArgumentException("training data has zero spread in dimension " + j
                        + "; a kernel density needs a positive bandwidth");
            }
            bandwidths[j] = factor * sd;
            sumLogH += Math.log(bandwidths[j]);
        }
        this.logNormaliser = -Math.log(points.length) - sumLogH - 0.5 * d * LOG_2PI;
    }

    /**
     * Fits a kernel density with Scott's rule, f = n<sup>-1/(d+4)</sup>.
     *
     * @param train The training points, n x d with n &ge; 2, finite, with positive spread in every
     *     dimension. Not modified (copied).
     * @return The estimate.
     * @throws IllegalArgumentException If the points are invalid.
     */
    public static GaussianKde scott(double[][] train) {
        return withFactor(train, scottFactor(train.length, PointSets.check(train, "train")));
    }

    /**
     * Fits a kernel density with Silverman's rule, f = (n (d + 2) / 4)<sup>-1/(d+4)</sup>.
     *
     * @param train The training points, n x d with n &ge; 2. Not modified (copied).
     * @return The estimate.
     * @throws IllegalArgumentException If the points are invalid.
     */
    public static GaussianKde silverman(double[][] train) {
        int d = PointSets.check(train, "train");
        return withFactor(train, Math.pow(train.length * (d + 2) / 4.0, -1.0 / (d + 4)));
    }

    /**
     * Fits a kernel density with bandwidths h<sub>j</sub> = factor &middot; &sigma;<sub>j</sub>.
     *
     * @param train The training points, n x d with n &ge; 2. Not modified (copied).
     * @param factor The bandwidth factor f. Must be finite and &gt; 0.
     * @return The estimate.
     * @throws IllegalArgumentException If the points or the factor are invalid.
     */
    public static GaussianKde withFactor(double[][] train, double factor) {
        return new GaussianKde(train, factor);
    }

    /**
     * Returns Scott's factor n<sup>-1/(d+4)</sup>.
     *
     * @param n The number of training points, &ge; 1.
     * @param d The dimension, &ge; 1.
     * @return The factor f.
     * @throws IllegalArgumentException If n or d is below 1.
     */
    public static double scottFactor(int n, int d) {
        if (n < 1 || d < 1) {
            throw new IllegalArgumentException("need n >= 1 and d >= 1, found n=" + n + ", d=" + d);
        }
        return Math.pow(n, -1.0 / (d + 4));
    }

    /**
     * The outcome of choosing the bandwidth factor on validation data.
     *
     * @param factor The factor with the highest mean validation log-likelihood.
     * @param kde The estimate fitted on the training data with that factor.
     * @param factors The candidate factors, in the order given.
     * @param validationLogLikelihoods The mean validation log-likelihood of each candidate, nats per point.
     */
    public record Selection(double factor, GaussianKde kde, double[] factors, double[] validationLogLikelihoods) {}

    /**
     * Chooses the bandwidth factor that maximises the mean log-likelihood of validation points.
     *
     * @param train The training points, n x d with n &ge; 2. Not modified.
     * @param validation The validation points, m x d, same d. Not modified.
     * @param factors The candidate factors, each finite and &gt; 0, at least one. Not modified (copied).
     * @return The best factor, its estimate and the validation score of every candidate; the first of tied
     *     candidates wins.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public static Selection selectFactor(double[][] train, double[][] validation, double[] factors) {
        PointSets.checkPair(train, "train", validation, "validation");
        if (factors == null || factors.length == 0) {
            throw new IllegalArgumentException("factors must hold at least one candidate");
        }
        double[] scores = new double[factors.length];
        int best = 0;
        GaussianKde bestKde = null;
        for (int k = 0; k < factors.length; k++) {
            GaussianKde kde = withFactor(train, factors[k]);
            scores[k] = kde.meanLogLikelihood(validation);
            if (bestKde == null || scores[k] > scores[best]) {
                best = k;
                bestKde = kde;
            }
        }
        return new Selection(factors[best], bestKde, factors.clone(), scores);
    }

    /**
     * Evaluates the log density at one point.
     *
     * @param x The point, length d. Not modified.
     * @return log p(x) in nats; finite for finite x.
     * @throws IllegalArgumentException If x is null or has the wrong length.
     */
    public double logDensity(double[] x) {
        if (x == null || x.length != bandwidths.length) {
            throw new IllegalArgumentException("x must have length " + bandwidths.length + ", found "
                    + (x == null ? "null" : x.length));
        }
        int n = points.length;
        double[] a = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double[] p = points[i];
            double q = 0.0;
            for (int j = 0; j < x.length; j++) {
                double z = (x[j] - p[j]) / bandwidths[j];
                q += z * z;
            }
            a[i] = -0.5 * q;
            max = Math.max(max, a[i]);
        }
        double sum = 0.0;
        for (double v : a) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum) + logNormaliser;
    }

    /**
     * Evaluates the density at one point.
     *
     * @param x The point, length d. Not modified.
     * @return p(x) &ge; 0 (may underflow to 0 far from the data; prefer {@link #logDensity}).
     * @throws IllegalArgumentException If x has the wrong length.
     */
    public double density(double[] x) {
        return Math.exp(logDensity(x));
    }

    /**
     * Evaluates the log density at many points.
     *
     * @param x The points, m x d. Not modified.
     * @return A new array of log p(x<sub>k</sub>), nats.
     * @throws IllegalArgumentException If the points are invalid or have the wrong dimension.
     */
    public double[] logDensities(double[][] x) {
        checkQuery(x);
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = logDensity(x[k]);
        }
        return out;
    }

    /**
     * Computes the mean log-likelihood of test points: the usual held-out score (higher is better; its
     * negative is the test NLL).
     *
     * @param test The test points, m x d with m &ge; 1. Not modified.
     * @return (1/m) &sum;<sub>k</sub> log p(x<sub>k</sub>), nats per point.
     * @throws IllegalArgumentException If the points are invalid or have the wrong dimension.
     */
    public double meanLogLikelihood(double[][] test) {
        double[] lp = logDensities(test);
        double s = 0.0;
        for (double v : lp) {
            s += v;
        }
        return s / lp.length;
    }

    /**
     * Returns the bandwidths.
     *
     * @return A copy of h<sub>0</sub>, ..., h<sub>d-1</sub>.
     */
    public double[] bandwidths() {
        return bandwidths.clone();
    }

    /**
     * Returns the bandwidth factor f.
     *
     * @return f, with h<sub>j</sub> = f &sigma;<sub>j</sub>.
     */
    public double factor() {
        return factor;
    }

    /**
     * Returns the number of training points.
     *
     * @return n.
     */
    public int size() {
        return points.length;
    }

    /**
     * Returns the dimension.
     *
     * @return d.
     */
    public int dimension() {
        return bandwidths.length;
    }

    /**
     * Summarises the estimate.
     *
     * @return n, d, the factor and the bandwidths.
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < bandwidths.length; j++) {
            b.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4g", bandwidths[j]));
        }
        return String.format(Locale.ROOT, "GaussianKde[n=%d, d=%d, factor=%.4g, h=(%s)]",
                points.length, bandwidths.length, factor, b);
    }

    private void checkQuery(double[][] x) {
        int d = PointSets.check(x, "x");
        if (d != bandwidths.length) {
            throw new IllegalArgumentException(
                    "x must have dimension " + bandwidths.length + ", found " + d);
        }
    }

    private static double sampleStd(double[][] points, int j) {
        double mean = 0.0;
        for (double[] p : points) {
            mean += p[j];
        }
        mean /= points.length;
        double ss = 0.0;
        for (double[] p : points) {
            double d = p[j] - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (points.length - 1));
    }
}
