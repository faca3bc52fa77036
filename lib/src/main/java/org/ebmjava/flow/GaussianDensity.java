package org.ebmjava.flow;

import java.util.Locale;

/**
 * A full-covariance Gaussian fitted by maximum likelihood: the simplest density baseline for a flow (a flow with
 * only affine, data-independent layers can represent exactly this).
 *
 * @param mean The mean, d entries.
 * @param covariance The covariance, d x d (the maximum-likelihood estimate, divided by n).
 */
public record GaussianDensity(double[] mean, double[][] covariance) {

    /**
     * Fits the Gaussian to points.
     *
     * @param points n x d points, n &gt; d. Not modified.
     * @return The maximum-likelihood Gaussian.
     * @throws IllegalArgumentException If there are too few points.
     */
    public static GaussianDensity fit(double[][] points) {
        if (points == null || points.length == 0 || points.length <= points[0].length) {
            throw new IllegalArgumentException("points: expected n > d rows");
        }
        int n = points.length;
        int d = points[0].length;
        double[] m = new double[d];
        for (double[] p : points) {
            for (int j = 0; j < d; j++) {
                m[j] += p[j] / n;
            }
        }
        double[][] c = new double[d][d];
        for (double[] p : points) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    c[a][b] += (p[a] - m[a]) * (p[b] - m[b]) / n;
                }
            }
        }
        return new GaussianDensity(m, c);
    }

    /**
     * Returns log N(x; mean, covariance).
     *
     * @param x The point, d entries. Not modified.
     * @return The log density, nats.
     */
    public double logDensity(double[] x) {
        int d = mean.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = covariance[i][j];
                for (int p = 0; p < j; p++) {
                    s -= l[i][p] * l[j][p];
                }
                l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
            }
        }
        double logDet = 0;
        double quad = 0;
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            double s = x[i] - mean[i];
            for (int p = 0; p < i; p++) {
                s -= l[i][p] * y[p];
            }
            y[i] = s / l[i][i];
            quad += y[i] * y[i];
            logDet += 2 * Math.log(l[i][i]);
        }
        return -0.5 * (d * Math.log(2 * Math.PI) + logDet + quad);
    }

    /**
     * Returns the mean log-likelihood of points.
     *
     * @param points n x d points. Not modified.
     * @return (1/n) &sum; log N(x<sub>i</sub>), nats.
     */
    public double meanLogLikelihood(double[][] points) {
        double s = 0;
        for (double[] p : points) {
            s += logDensity(p);
        }
        return s / points.length;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GaussianDensity[d=%d]", mean.length);
    }
}
