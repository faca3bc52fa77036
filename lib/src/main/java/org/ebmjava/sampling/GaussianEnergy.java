package org.ebmjava.sampling;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The energy of a multivariate Gaussian N(&mu;, &Sigma;) in d dimensions: a closed-form target whose mean, covariance,
 * score and normalising constant are known exactly, for testing samplers and score matching.
 *
 * <p>Performs, with precision matrix P = &Sigma;<sup>-1</sup>:
 * <pre>
 *   E(x) = (1/2) (x - &mu;)^T P (x - &mu;) + (1/2) log det(2&pi; &Sigma;)  = -log N(x; &mu;, &Sigma;)
 *   &nabla;_xE(x)nabla;_x E(x) = P (x - &mu;),   score s(x) = -P (x - &mu;)
 * </pre>
 * so exp(-E) is the normalised density (log Z = 0). Convolving with noise N(0, &sigma;<sup>2</sup> I) gives
 * N(&mu;, &Sigma; + &sigma;<sup>2</sup> I) ({@link #convolved(double)}), whose score is what denoising score
 * matching at noise level &sigma; recovers. &Sigma; must be symmetric positive definite; it is factored once by
 * Cholesky, &Sigma; = L L<sup>T</sup>, which also draws exact samples x = &mu; + L z. Arithmetic is in double;
 * results are rounded to float as {@link BatchEnergy} requires.
 */
public final class GaussianEnergy implements BatchEnergy {

    private static final double LOG_2PI = Math.log(2.0 * Math.PI);

    private final int d;
    private final double[] mean;
    private final double[][] covariance;
    private final double[][] cholesky;
    private final double[][] precision;
    private final double logNormaliser;

    /**
     * Creates N(&mu;, &Sigma;) with a full covariance matrix.
     *
     * @param mean The mean &mu;, d &ge; 1 finite values. Not modified (copied).
     * @param covariance &Sigma;, d &times; d, symmetric (within 1e-12 relative) and positive definite. Not modified
     *     (copied).
     * @throws IllegalArgumentException If the shapes differ, a value is not finite, &Sigma; is not symmetric or not
     *     positive definite (the message names the entry or pivot).
     */
    public GaussianEnergy(double[] mean, double[][] covariance) {
        if (mean == null || mean.length == 0) {
            throw new IllegalArgumentException("mean: expected at least one coordinate, found "
                    + (mean == null ? "null" : "none"));
        }
        this.d = mean.length;
        this.mean = mean.clone();
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(mean[j])) {
                throw new IllegalArgumentException("mean[" + j + "]: expected a finite number, found " + mean[j]);
            }
        }
        if (covariance == null || covariance.length != d) {
            throw new IllegalArgumentException("covariance: expected " + d + " x " + d + ", found "
                    + (covariance == null ? "null" : covariance.length + " rows"));
        }
        this.covariance = new double[d][];
        for (int j = 0; j < d; j++) {
            if (covariance[j] == null || covariance[j].length != d) {
                throw new IllegalArgumentException("covariance[" + j + "]: expected " + d + " values, found "
                        + (covariance[j] == null ? "null" : String.valueOf(covariance[j].length)));
            }
            this.covariance[j] = covariance[j].clone();
        }
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                double a = covariance[j][k];
                double b = covariance[k][j];
                if (!Double.isFinite(a) || Math.abs(a - b) > 1e-12 * Math.max(Math.abs(a), Math.abs(b))) {
                    throw new IllegalArgumentException("covariance[" + j + "][" + k + "]: expected finite and equal to "
                            + "covariance[" + k + "][" + j + "] = " + b + ", found " + a);
                }
            }
        }
        this.cholesky = cholesky(this.covariance);
        this.precision = inverseFromCholesky(cholesky);
        double logDet = 0.0;
        for (int j = 0; j < d; j++) {
            logDet += 2.0 * Math.log(cholesky[j][j]);
        }
        this.logNormaliser = 0.5 * (d * LOG_2PI + logDet);
    }

    /**
     * Creates N(&mu;, diag(std<sub>j</sub><sup>2</sup>)) with independent coordinates.
     *
     * @param mean The mean &mu;, d &ge; 1 finite values. Not modified.
     * @param stds The standard deviation of each coordinate, d values, finite and &gt; 0. Not modified.
     * @return The energy.
     * @throws IllegalArgumentException If the lengths differ or a value is out of range.
     */
    public static GaussianEnergy diagonal(double[] mean, double[] stds) {
        if (mean == null || stds == null || stds.length != mean.length) {
            throw new IllegalArgumentException("stds: expected one per coordinate of mean ("
                    + (mean == null ? "null" : String.valueOf(mean.length)) + "), found "
                    + (stds == null ? "null" : String.valueOf(stds.length)));
        }
        double[][] c = new double[stds.length][stds.length];
        for (int j = 0; j < stds.length; j++) {
            BatchOps.requirePositive(stds[j], "stds[" + j + "]");
            c[j][j] = stds[j] * stds[j];
        }
        return new GaussianEnergy(mean, c);
    }

    /**
     * Creates the standard normal N(0, I) in d dimensions.
     *
     * @param dimension d, at least 1.
     * @return The energy |x|<sup>2</sup>/2 + (d/2) log 2&pi;.
     * @throws IllegalArgumentException If dimension &lt; 1.
     */
    public static GaussianEnergy standard(int dimension) {
        BatchOps.requireAtLeast(dimension, 1, "dimension");
        double[] ones = new double[dimension];
        Arrays.fill(ones, 1.0);
        return diagonal(new double[dimension], ones);
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public void evaluate(float[] x, int n, float[] energies, float[] gradient) {
        BatchOps.checkEvaluation(x, n, d, energies, gradient);
        double[] diff = new double[d];
        for (int i = 0; i < n; i++) {
            int off = i * d;
            for (int j = 0; j < d; j++) {
                diff[j] = x[off + j] - mean[j];
            }
            double quad = 0.0;
            for (int j = 0; j < d; j++) {
                double pj = 0.0;
                double[] row = precision[j];
                for (int k = 0; k < d; k++) {
                    pj += row[k] * diff[k];
                }
                quad += diff[j] * pj;
                if (gradient != null) {
                    gradient[off + j] = (float) pj;
                }
            }
            if (energies != null) {
                energies[i] = (float) (0.5 * quad + logNormaliser);
            }
        }
    }

    /**
     * Evaluates the log-density at one point, in double precision.
     *
     * @param x The point, d values. Not modified.
     * @return log N(x; &mu;, &Sigma;) = -E(x).
     * @throws IllegalArgumentException If x has the wrong length.
     */
    public double logDensity(double... x) {
        BatchOps.requirePoint(x, d);
        double quad = 0.0;
        for (int j = 0; j < d; j++) {
            double pj = 0.0;
            for (int k = 0; k < d; k++) {
                pj += precision[j][k] * (x[k] - mean[k]);
            }
            quad += (x[j] - mean[j]) * pj;
        }
        return -0.5 * quad - logNormaliser;
    }

    /**
     * Returns the Gaussian convolved with isotropic noise: the density of x + &sigma; z, z ~ N(0, I).
     *
     * @param sigma The noise level &sigma;, finite and &gt; 0.
     * @return N(&mu;, &Sigma; + &sigma;<sup>2</sup> I).
     * @throws IllegalArgumentException If sigma is not finite and positive.
     */
    public GaussianEnergy convolved(double sigma) {
        BatchOps.requirePositive(sigma, "sigma");
        double[][] c = covariance();
        for (int j = 0; j < d; j++) {
            c[j][j] += sigma * sigma;
        }
        return new GaussianEnergy(mean, c);
    }

    /**
     * Draws exact independent samples x = &mu; + L z, z ~ N(0, I).
     *
     * @param n The number of samples, at least 1.
     * @param rng The random source. Modified (n&middot;d Gaussian draws).
     * @return A new row-major array of n&middot;d floats.
     * @throws IllegalArgumentException If n &lt; 1 or rng is null.
     */
    public float[] sample(int n, RandomGenerator rng) {
        BatchOps.requireAtLeast(n, 1, "n");
        BatchOps.requireRng(rng);
        float[] out = new float[Math.multiplyExact(n, d)];
        double[] z = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[j] = rng.nextGaussian();
            }
            for (int j = 0; j < d; j++) {
                double v = mean[j];
                for (int k = 0; k <= j; k++) {
                    v += cholesky[j][k] * z[k];
                }
                out[i * d + j] = (float) v;
            }
        }
        return out;
    }

    /**
     * Returns the mean.
     *
     * @return A copy of &mu;.
     */
    public double[] mean() {
        return mean.clone();
    }

    /**
     * Returns the covariance matrix.
     *
     * @return A deep copy of &Sigma;.
     */
    public double[][] covariance() {
        double[][] c = new double[d][];
        for (int j = 0; j < d; j++) {
            c[j] = covariance[j].clone();
        }
        return c;
    }

    /**
     * Describes the Gaussian.
     *
     * @return E.g. "GaussianEnergy[d=2]".
     */
    @Override
    public String toString() {
        return "GaussianEnergy[d=" + d + "]";
    }

    /** Lower-triangular L with L L^T = a, or an exception naming the failing pivot. */
    private static double[][] cholesky(double[][] a) {
        int d = a.length;
        double[][] l = new double[d][d];
        for (int j = 0; j < d; j++) {
            for (int k = 0; k <= j; k++) {
                double s = a[j][k];
                for (int m = 0; m < k; m++) {
                    s -= l[j][m] * l[k][m];
                }
                if (j == k) {
                    if (!(s > 0.0)) {
                        throw new IllegalArgumentException("covariance: expected positive definite, found pivot " + j
                                + " = " + s + " <= 0 in the Cholesky factorisation");
                    }
                    l[j][j] = Math.sqrt(s);
                } else {
                    l[j][k] = s / l[k][k];
                }
            }
        }
        return l;
    }

    /** (L L^T)^-1 by forward and back substitution on the unit vectors. */
    private static double[][] inverseFromCholesky(double[][] l) {
        int d = l.length;
        double[][] inv = new double[d][d];
        double[] y = new double[d];
        for (int c = 0; c < d; c++) {
            for (int j = 0; j < d; j++) {
                double s = j == c ? 1.0 : 0.0;
                for (int k = 0; k < j; k++) {
                    s -= l[j][k] * y[k];
                }
                y[j] = s / l[j][j];
            }
            for (int j = d - 1; j >= 0; j--) {
                double s = y[j];
                for (int k = j + 1; k < d; k++) {
                    s -= l[k][j] * inv[k][c];
                }
                inv[j][c] = s / l[j][j];
            }
        }
        return inv;
    }
}
