package org.ebmjava.score;

import java.util.Arrays;

/**
 * Score matching for the Gaussian family in closed form: Hyv&auml;rinen's objective of a Gaussian model is quadratic
 * in its mean-and-precision parameters, so its minimiser is found by solving linear equations, and it can be set
 * against the maximum-likelihood estimate and the truth.
 *
 * <p>The model is N(&mu;, P<sup>-1</sup>) with precision P (symmetric positive definite): energy E(x) = (1/2)
 * (x - &mu;)<sup>T</sup> P (x - &mu;), score s(x) = -P (x - &mu;), Jacobian of the score -P. Hyv&auml;rinen's
 * objective over data x<sub>1..n</sub> is
 * <pre>
 *   J(&mu;, P) = (1/n) &sum;_i [ (1/2) |P (x_i - &mu;)|^2 + tr &nabla;s(x_i) ]
 *            = (1/2) tr(P C P) - tr P,     C = (1/n) &sum;_i (x_i - &mu;)(x_i - &mu;)^T
 * </pre>
 * It never needs the normalising constant. Setting its gradient to zero gives &mu; = the sample mean m and the
 * symmetric stationarity (Lyapunov) equation (1/2)(P S + S P) = I with S the biased sample covariance, whose unique
 * solution is P = S<sup>-1</sup>: for a Gaussian, score matching returns the maximum-likelihood estimate.
 * {@link #scoreMatching(double[][])} does not assume that: it solves the d<sup>2</sup> linear equations
 * (S &otimes; I + I &otimes; S) vec(P) = 2 vec(I) by Gaussian elimination, so its agreement with
 * {@link #maximumLikelihood(double[][])} (which inverts S) is a numerical check of the derivation.
 *
 * <pre>
 * Reference: A. Hyv&auml;rinen, "Estimation of Non-Normalized Statistical Models by Score Matching", Journal of
 * Machine Learning Research 6, 695-709, 2005 (Section 2.3, the Gaussian example).
 * </pre>
 */
public final class GaussianScoreMatching {

    private GaussianScoreMatching() {}

    /**
     * A fitted Gaussian: mean and precision.
     *
     * @param mean The mean &mu;, d values.
     * @param precision The precision P = &Sigma;<sup>-1</sup>, d &times; d.
     */
    public record Fit(double[] mean, double[][] precision) {
        /**
         * Returns the covariance &Sigma; = P<sup>-1</sup>.
         *
         * @return A new d &times; d matrix.
         */
        public double[][] covariance() {
            return ScoreOps.inverse(precision);
        }

        /**
         * Describes the fit.
         *
         * @return The mean and precision.
         */
        @Override
        public String toString() {
            return "Fit[mean=" + Arrays.toString(mean) + ", precision=" + Arrays.deepToString(precision) + "]";
        }
    }

    /**
     * Evaluates Hyv&auml;rinen's empirical objective J(&mu;, P) of a Gaussian model on data.
     *
     * @param mean The model mean &mu;, d values. Not modified.
     * @param precision The model precision P, d &times; d (used as given; symmetric in practice). Not modified.
     * @param x The data, n &ge; 1 rows of d values. Not modified.
     * @return J = (1/n) &sum;<sub>i</sub> [(1/2) |P (x<sub>i</sub> - &mu;)|<sup>2</sup>] - tr P (equal to the Fisher
     *     divergence from the data distribution up to a constant that does not depend on the model).
     * @throws IllegalArgumentException If the shapes disagree or a value is not finite.
     */
    public static double objective(double[] mean, double[][] precision, double[][] x) {
        int d = ScoreOps.checkRows(x, "x");
        ScoreOps.checkVector(mean, d, "mean");
        ScoreOps.checkSquare(precision, d, "precision");
        double sum = 0.0;
        double[] u = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                u[j] = row[j] - mean[j];
            }
            for (int j = 0; j < d; j++) {
                double pj = 0.0;
                for (int k = 0; k < d; k++) {
                    pj += precision[j][k] * u[k];
                }
                sum += 0.5 * pj * pj;
            }
        }
        double trace = 0.0;
        for (int j = 0; j < d; j++) {
            trace += precision[j][j];
        }
        return sum / x.length - trace;
    }

    /**
     * Minimises Hyv&auml;rinen's objective over Gaussian models by solving its stationarity equations.
     *
     * @param x The data, n &gt; d rows of d finite values whose sample covariance is positive definite. Not
     *     modified.
     * @return The score-matching estimate: &mu; = sample mean, P solving (1/2)(P S + S P) = I.
     * @throws IllegalArgumentException If the data are ragged, not finite, or their covariance is singular.
     */
    public static Fit scoreMatching(double[][] x) {
        int d = ScoreOps.checkRows(x, "x");
        double[] m = mean(x, d);
        double[][] s = covariance(x, m);
        int q = d * d;
        double[][] a = new double[q][q];
        double[] b = new double[q];
        // Row (j, k) of (1/2)(P S + S P) = I:  (1/2) sum_l (P_jl S_lk + S_jl P_lk) = delta_jk, unknown P_ab at a*d+b.
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                int row = j * d + k;
                for (int l = 0; l < d; l++) {
                    a[row][j * d + l] += 0.5 * s[l][k];
                    a[row][l * d + k] += 0.5 * s[j][l];
                }
                b[row] = j == k ? 1.0 : 0.0;
            }
        }
        double[] p = ScoreOps.solve(a, b, "sample covariance");
        double[][] precision = new double[d][d];
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                precision[j][k] = p[j * d + k];
            }
        }
        return new Fit(m, precision);
    }

    /**
     * Computes the maximum-likelihood Gaussian: the sample mean and the inverse of the biased (1/n) sample covariance.
     *
     * @param x The data, n &gt; d rows of d finite values whose sample covariance is positive definite. Not
     *     modified.
     * @return The maximum-likelihood estimate.
     * @throws IllegalArgumentException If the data are ragged, not finite, or their covariance is singular.
     */
    public static Fit maximumLikelihood(double[][] x) {
        int d = ScoreOps.checkRows(x, "x");
        double[] m = mean(x, d);
        return new Fit(m, ScoreOps.inverse(covariance(x, m)));
    }

    /**
     * Returns the Frobenius norm of the difference of two matrices, e.g. an estimated and the true precision.
     *
     * @param a The first matrix. Not modified.
     * @param b The second matrix, same shape. Not modified.
     * @return sqrt(&sum;<sub>jk</sub> (a<sub>jk</sub> - b<sub>jk</sub>)<sup>2</sup>).
     * @throws IllegalArgumentException If the shapes differ.
     */
    public static double frobeniusDistance(double[][] a, double[][] b) {
        if (a == null || b == null || a.length != b.length) {
            throw new IllegalArgumentException("a, b: expected matrices of the same shape, found "
                    + (a == null ? "null" : a.length + " rows") + " and " + (b == null ? "null" : b.length + " rows"));
        }
        double s = 0.0;
        for (int j = 0; j < a.length; j++) {
            if (a[j].length != b[j].length) {
                throw new IllegalArgumentException("a[" + j + "], b[" + j + "]: expected the same length, found "
                        + a[j].length + " and " + b[j].length);
            }
            for (int k = 0; k < a[j].length; k++) {
                double diff = a[j][k] - b[j][k];
                s += diff * diff;
            }
        }
        return Math.sqrt(s);
    }

    private static double[] mean(double[][] x, int d) {
        double[] m = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                m[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            m[j] /= x.length;
        }
        return m;
    }

    private static double[][] covariance(double[][] x, double[] m) {
        int d = m.length;
        if (x.length <= d) {
            throw new IllegalArgumentException("x: expected more than d = " + d + " rows for a positive definite "
                    + "covariance, found " + x.length);
        }
        double[][] c = new double[d][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    c[j][k] += (row[j] - m[j]) * (row[k] - m[k]);
                }
            }
        }
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                c[j][k] /= x.length;
            }
        }
        return c;
    }
}
